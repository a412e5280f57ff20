import { z } from 'zod/mini';

/** A name/value row of the composer's headers or form, with a key of its own for React. */
export type Row = { key: number; name: string; value: string };

/** What the learner composed, as POST /api/client/compose takes it (lib/client/composed-request.ts). */
export type Composed = {
  method: 'GET' | 'POST';
  path: string;
  clientId: string;
  headers: readonly Row[];
  form: readonly Row[];
};

/** The answer of the endpoint the server sent it to, and what the server added as the client. */
const answer = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
  added: z.array(z.string()),
});
export type ComposedAnswer = z.infer<typeof answer>;
const problem = z.object({ error_description: z.string() });

export type Sent = { kind: 'answered'; answer: ComposedAnswer } | { kind: 'refused'; message: string };

const pairs = (rows: readonly Row[]) =>
  rows
    // A row left wholly empty is one the learner has not filled in yet, not a parameter without a name.
    .filter((row) => row.name !== '' || row.value !== '')
    .map(({ name, value }) => ({ name, value }));

/** The JSON body the server's composer endpoints take. */
export const composedBody = (composed: Composed) =>
  JSON.stringify({
    method: composed.method,
    path: composed.path.trim(),
    ...(composed.clientId ? { client_id: composed.clientId } : {}),
    headers: pairs(composed.headers),
    form: pairs(composed.form),
  });

/** Asks the playground's server to send the composed request; the refusal, if any, says why. */
export async function sendComposed(composed: Composed, fetcher: typeof fetch = fetch): Promise<Sent> {
  try {
    const response = await fetcher('/api/client/compose', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: composedBody(composed),
      cache: 'no-store',
    });
    const body: unknown = await response.json().catch(() => undefined);
    const answered = answer.safeParse(body);
    if (response.ok && answered.success) return { kind: 'answered', answer: answered.data };
    const said = problem.safeParse(body).data?.error_description;
    return { kind: 'refused', message: said ?? `The playground answered HTTP ${response.status}.` };
  } catch {
    return { kind: 'refused', message: 'The playground could not be reached. Is it still running?' };
  }
}

/** A body as the learner reads it: JSON indented, text as it came. */
export const bodyText = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body, null, 2));

/**
 * The composed request as a curl command the server writes (it knows the client's secret and the
 * learner cookie, which the page never shows). Throws the server's reason when it will not.
 */
export async function fetchComposedCurl(composed: Composed, fetcher: typeof fetch = fetch): Promise<string> {
  const response = await fetcher('/api/client/compose/curl', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: composedBody(composed),
    cache: 'no-store',
  });
  const body: unknown = await response.json().catch(() => undefined);
  const command = z.object({ command: z.string() }).safeParse(body);
  if (response.ok && command.success) return command.data.command;
  throw new Error(
    problem.safeParse(body).data?.error_description ?? `The playground answered HTTP ${response.status}.`,
  );
}
