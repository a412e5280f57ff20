import { z } from 'zod';

/**
 * What oidc-provider's consent prompt says the grant is missing (`interaction.prompt.details`, set by
 * its default policy's consent checks): OpenID scopes and claims, and scopes per resource indicator
 * (RFC 8707 §2). Its types leave the details unknown; a member of another shape reads as none missing.
 */
const names = z.array(z.string()).optional().catch(undefined);
const consentDetails = z
  .object({
    missingOIDCScope: names,
    missingOIDCClaims: names,
    missingResourceScopes: z.record(z.string(), z.array(z.string())).optional().catch(undefined),
  })
  .catch({});

export type ConsentDetails = z.infer<typeof consentDetails>;
export const consentDetailsOf = (details: unknown): ConsentDetails => consentDetails.parse(details);
