import 'server-only';
import type { PlaygroundEnv } from '../config/env';
import { basicAuthorization } from '../http/basic-auth';
import { demoClientSecret, grantClients } from '../oidc/clients';
import { TOKEN_ENDPOINT_PATH, signForTokenRequest } from './backend-assertion';
import { CLIENT_ASSERTION_TYPE } from './client-assertion';
import { CLIENT_AUTHENTICATED, pathnameOf } from './forward';
import type { ComposedRequest } from './composed-request';

/**
 * What a demo client adds to a request of the learner's to authenticate itself, as that client would
 * (RFC 6749 §2.3): a confidential client its documented secret in HTTP Basic (client_secret_basic, as
 * the server registers it), a private_key_jwt client a freshly signed assertion (RFC 7523 §2.2), a
 * public client its client_id in the form. Only at the endpoints where a client authenticates, and
 * never over what the learner wrote: an Authorization header, a client_id, a client_secret or an
 * assertion of their own is sent as written.
 */
export type ClientAuthentication = {
  headers: Array<[string, string]>;
  form: Array<[string, string]>;
  /** The assertion signed for this request (its jti must be spent after it is sent), if any. */
  assertion?: string;
  /** What was added, in words, for the learner: never the secret itself. */
  added: string[];
  /** The private_key_jwt client whose assertion was not signed, when asked not to sign. */
  unsigned?: string;
};

const NONE: ClientAuthentication = { headers: [], form: [], added: [] };

export type Authenticating = Pick<ComposedRequest, 'client_id' | 'method' | 'path'> & {
  headers: ReadonlyArray<{ name: string }>;
  form: ReadonlyArray<{ name: string }>;
};

export async function clientAuthentication(
  request: Authenticating,
  env: PlaygroundEnv,
  { sign = true } = {},
): Promise<ClientAuthentication> {
  const client = grantClients().find((candidate) => candidate.client_id === request.client_id);
  const pathname = pathnameOf(request.path);
  if (!client || request.method !== 'POST' || !CLIENT_AUTHENTICATED.has(pathname)) return NONE;
  const has = (name: string) => request.form.some((parameter) => parameter.name === name);
  const wroteOwn =
    request.headers.some((header) => header.name.toLowerCase() === 'authorization') ||
    has('client_secret') ||
    has('client_assertion');
  if (wroteOwn) return NONE;
  if (client.authentication === 'private_key_jwt') {
    if (pathname !== TOKEN_ENDPOINT_PATH) return NONE;
    if (!sign) return { ...NONE, unsigned: client.client_id };
    const { jwt } = await signForTokenRequest(client.client_id, env.issuer);
    return {
      headers: [],
      form: [
        ['client_assertion_type', CLIENT_ASSERTION_TYPE],
        ['client_assertion', jwt],
      ],
      assertion: jwt,
      added: [`client_assertion: a JWT signed with ${client.client_id}’s private key (RFC 7523 §2.2)`],
    };
  }
  if (client.type === 'confidential')
    return {
      headers: [['authorization', basicAuthorization(client.client_id, demoClientSecret(client.client_id))]],
      form: [],
      added: [`Authorization: Basic, ${client.client_id}’s client_id and secret (RFC 6749 §2.3.1)`],
    };
  if (has('client_id')) return NONE;
  return {
    headers: [],
    form: [['client_id', client.client_id]],
    added: [`client_id=${client.client_id} in the form: a public client has no secret (RFC 6749 §2.3)`],
  };
}
