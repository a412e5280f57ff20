import 'server-only';
import { z } from 'zod';
import { grantClients } from '../oidc/clients';
import { ownPath } from './forward';

/**
 * What a learner may send with the request composer: any method the playground's endpoints take from a
 * client, any of their paths, any headers and form parameters, as any demo client or none. Only what
 * the server itself must set (who the learner is, the connection, the body's length) is refused, and
 * every refusal says which field and why.
 */

const isDemoClient = (clientId: string) => grantClients().some((client) => client.client_id === clientId);

// RFC 9110 §5.1: a header name is a token.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// RFC 9110 §5.5: no control characters but tab in a field value (no CR or LF, so no injected header).
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
// Set by the server for every request it sends for a learner, or about the connection, not the request.
const SET_BY_THE_SERVER =
  /^(host|content-length|transfer-encoding|connection|keep-alive|upgrade|te|trailer|expect|proxy-.*|cookie|forwarded|x-forwarded-.*|x-playground-.*)$/i;
const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

const header = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'a header needs a name', abort: true })
    .max(100)
    .regex(TOKEN, "a header name is letters, digits and !#$%&'*+.^_`|~- only (RFC 9110 §5.1)")
    .refine((name) => !SET_BY_THE_SERVER.test(name), {
      error: 'the server sets this header itself (who you are, the connection, the body’s length)',
    }),
  value: z
    .string()
    .max(8192)
    .regex(FIELD_VALUE, 'a header value cannot hold a line break or a control character (RFC 9110 §5.5)'),
});

const parameter = z.object({
  name: z.string().min(1, 'a form parameter needs a name').max(200),
  value: z.string().max(16_384),
});

export const composedRequestSchema = z
  .object({
    client_id: z
      .string()
      .refine(isDemoClient, { error: 'must be one of the playground’s demo clients, or none' })
      .optional(),
    method: z.enum(['GET', 'POST'], { error: 'must be GET or POST' }),
    path: z
      .string()
      .min(1, 'a path is needed, such as /oidc/token')
      .refine((path) => !ABSOLUTE_URL.test(path), {
        error:
          'must be a path on the playground, such as /oidc/token, not an absolute URL: the composer sends only to the playground’s own endpoints',
        abort: true,
      })
      .pipe(ownPath),
    headers: z.array(header).max(30).default([]),
    form: z.array(parameter).max(50).default([]),
  })
  .refine((request) => request.method === 'POST' || request.form.length === 0, {
    path: ['form'],
    error: 'a GET request has no body: put its parameters in the path’s query (?name=value), or send a POST',
  });

export type ComposedRequest = z.infer<typeof composedRequestSchema>;

/** The schema's issues as one sentence, each naming its field. */
export const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
