/** Mastodon's error shape: `{ "error": "..." }` as application/json (masto.js rejects anything else). */
export class MastodonError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function mastodonErrorResponse(error: MastodonError): Response {
  return Response.json({ error: error.message }, { status: error.status, headers: error.headers });
}

export const invalidToken = () => new MastodonError(401, 'The access token is invalid');
export const outsideScopes = () => new MastodonError(403, 'This action is outside the authorized scopes');
export const userRequired = () => new MastodonError(422, 'This method requires an authenticated user');
export const recordNotFound = () => new MastodonError(404, 'Record not found');
export const validationFailed = (what: string) => new MastodonError(422, `Validation failed: ${what}`);
