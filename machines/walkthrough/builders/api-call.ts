import type { RequestSpec } from '../../../lib/walkthrough/types';
import type { SendAction } from './token-request';

export type BearerRequest = {
  method: RequestSpec['method'];
  path: string;
  /** The access token presented; empty when the client holds none (the server's refusal is the answer). */
  accessToken: string | undefined;
  form?: Record<string, string>;
};

/** RFC 6750 §2.1: a request to a protected resource with the access token as a Bearer token. */
export const bearerRequest = ({ method, path, accessToken, form }: BearerRequest): RequestSpec => ({
  method,
  path,
  headers: { authorization: `Bearer ${accessToken ?? ''}` },
  ...(form ? { form } : {}),
});

/** RFC 6750 §2.1: a step calls a protected resource, from the browser or the client's backend. */
export const apiCall = ({ via, ...request }: BearerRequest & { via: SendAction['via'] }): SendAction => ({
  kind: 'send',
  via,
  request: bearerRequest(request),
});
