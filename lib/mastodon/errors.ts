/** Mastodon's error shape: `{ "error": "..." }` as application/json (masto.js rejects anything else). */
export class MastodonError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Set on the OAuth paths, which answer as RFC 6749 section 5.2 says (Doorkeeper does). */
    readonly description?: string,
  ) {
    super(message);
  }
}

export function mastodonErrorResponse(error: MastodonError): Response {
  const body = error.description
    ? { error: error.message, error_description: error.description }
    : { error: error.message };
  return Response.json(body, { status: error.status, headers: error.headers });
}

/** RFC 6749 section 5.2: client authentication failed. */
export const invalidClient = (description: string) =>
  new MastodonError(401, 'invalid_client', { 'www-authenticate': 'Basic' }, description);
export const invalidToken = () => new MastodonError(401, 'The access token is invalid');
export const outsideScopes = () => new MastodonError(403, 'This action is outside the authorized scopes');
export const userRequired = () => new MastodonError(422, 'This method requires an authenticated user');
export const recordNotFound = () => new MastodonError(404, 'Record not found');
export const validationFailed = (what: string) => new MastodonError(422, `Validation failed: ${what}`);
