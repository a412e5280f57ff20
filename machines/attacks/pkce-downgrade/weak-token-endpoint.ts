/**
 * DELIBERATELY VULNERABLE, lab only: the token endpoint that forwards to the authorization server after
 * dropping a code_verifier sent for a code issued without a code_challenge (./lab/pkce-downgrade.ts).
 * The scenario's token request is sent here; the e2e reads it as the /oidc/token it forwards to.
 */
export const TOKEN_WITHOUT_DOWNGRADE_CHECK = '/attacks/authorization-server/token-without-downgrade-check';
