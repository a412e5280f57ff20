'use client';

import { useId, useState } from 'react';
import { ComposerAnswer } from './composer-answer';
import { CopyButton } from '../ui/copy-button';
import { fetchComposedCurl, sendComposed, type Row, type Sent } from './compose-request';
import { NameValueRows } from './name-value-rows';

/** A demo client as the composer offers it: its id and how it authenticates, never its secret. */
export type ComposerClient = { client_id: string; authentication: string };

const field = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1 font-mono text-sm';

/**
 * "Send your own request": the learner writes a request to one of the playground's endpoints, and the
 * playground's server sends it as the chosen demo client (lib/client/composer.ts), recorded in the
 * learner's trace. It decides nothing: the server validates, authenticates and answers.
 */
export function ComposerForm({ clients }: { clients: readonly ComposerClient[] }) {
  const id = useId();
  const [method, setMethod] = useState<'GET' | 'POST'>('POST');
  const [path, setPath] = useState('/oidc/token');
  const [clientId, setClientId] = useState('');
  const [headers, setHeaders] = useState<Row[]>([]);
  const [form, setForm] = useState<Row[]>([]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | undefined>();
  const composed = { method, path, clientId, headers, form };
  const send = async () => {
    setSent(undefined);
    setSending(true);
    setSent(await sendComposed(composed));
    setSending(false);
  };
  const copyAsCurl = async () => {
    try {
      return await fetchComposedCurl(composed);
    } catch (error) {
      // Why the command was not written goes where a refused send's reason goes.
      setSent({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-300 bg-white p-5">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        Send your own request
      </h2>
      <p className="mt-2 text-slate-700">
        The playground’s server sends it to one of its own endpoints (/oidc/…, /api/v1/…, /api/v2/…) as the
        client you choose, and records it in your HTTP log like any other request. A confidential client’s
        secret is added on the server and never shown here.
      </p>
      <form
        className="mt-3 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
          <div>
            <label htmlFor={`${id}-method`} className="text-sm font-semibold">
              Method
            </label>
            <select
              id={`${id}-method`}
              className={field}
              value={method}
              onChange={(event) => setMethod(event.target.value === 'GET' ? 'GET' : 'POST')}
            >
              <option>GET</option>
              <option>POST</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-path`} className="text-sm font-semibold">
              Path
            </label>
            <input
              id={`${id}-path`}
              className={field}
              value={path}
              onChange={(event) => setPath(event.target.value)}
              aria-describedby={`${id}-path-help`}
              spellCheck={false}
            />
            <p id={`${id}-path-help`} className="mt-1 text-xs text-slate-600">
              A path on this playground, with a query if you like: /oidc/token, /oidc/me,
              /api/v1/accounts/verify_credentials.
            </p>
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-client`} className="text-sm font-semibold">
            Client
          </label>
          <select
            id={`${id}-client`}
            className={field}
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            aria-describedby={`${id}-client-help`}
          >
            <option value="">none</option>
            {clients.map((client) => (
              <option key={client.client_id} value={client.client_id}>
                {client.client_id} ({client.authentication})
              </option>
            ))}
          </select>
          <p id={`${id}-client-help`} className="mt-1 text-xs text-slate-600">
            At the endpoints where a client authenticates, the server adds what this client would: its secret
            in HTTP Basic, a signed assertion, or a public client’s client_id.
          </p>
        </div>
        <fieldset>
          <legend className="text-sm font-semibold">Headers</legend>
          <NameValueRows noun="header" rows={headers} onChange={setHeaders} />
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">Form</legend>
          <NameValueRows noun="form parameter" rows={form} onChange={setForm} />
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            disabled={sending}
            className="rounded-lg bg-as-accent px-4 py-2 font-semibold text-white hover:brightness-110 disabled:opacity-60"
          >
            Send
          </button>
          <CopyButton text={copyAsCurl} label="Copy as curl" />
        </div>
      </form>
      <div role="region" aria-label="Answer" aria-live="polite" aria-busy={sending} className="mt-3">
        {sending ? <p>Sending…</p> : sent ? <ComposerAnswer sent={sent} /> : null}
      </div>
    </section>
  );
}
