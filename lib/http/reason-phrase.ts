/** HTTP's reason phrases for the statuses the playground meets (RFC 9110 §15). */
const REASON: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  302: 'Found',
  303: 'See Other',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const reasonPhrase = (status: number) => REASON[status] ?? '';
