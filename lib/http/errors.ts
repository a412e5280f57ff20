/** JSON error answers in OAuth's wire format (RFC 6749 section 5.2), for our own routes. */
export function errorResponse(
  status: number,
  error: string,
  errorDescription: string,
  headers?: HeadersInit,
): Response {
  const response = Response.json({ error, error_description: errorDescription }, { status, headers });
  response.headers.set('cache-control', 'no-store');
  return response;
}

export const serverErrorResponse = () =>
  errorResponse(500, 'server_error', 'The playground failed to handle this request. It has been logged.');
