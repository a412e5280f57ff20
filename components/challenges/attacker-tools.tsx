'use client';

import { useId, useState, type FormEvent } from 'react';
import { lootIn } from '@/lib/attacks/loot-answer';
import { lootForm } from '@/lib/attacks/loot-form';
import { callAttacker, type AttackerAnswer } from './attacker-request';

type StolenKind = 'code' | 'access_token';

const KINDS: { kind: StolenKind; label: string; clientId: string }[] = [
  { kind: 'code', label: 'authorization code', clientId: 'lab-app-without-pkce' },
  { kind: 'access_token', label: 'access token', clientId: 'lab-spa-bearer-tokens' },
];

/** The client the attacker signs in as bob for: the attack lab's web app without state or PKCE. */
const FORGED_LOGIN_CLIENT = 'lab-web-without-pkce';

/** The attacker's page a victim is lured to (lib/attacks/attacker.ts, forgedCallback). */
const FORGED_CALLBACK = '/api/attacker/forged-callback';

const button =
  'rounded-lg border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60';

/**
 * The attack lab's attacker, worked by hand: the learner hands it what they caught on alice's side and
 * presses its buttons one at a time. Every button is one request to the attacker's server
 * (/api/attacker/*); what it answered is shown verbatim, and the requests it then sent to the
 * playground are in the learner's trace as the attacker's, for Check to grade.
 */
export function AttackerTools() {
  const ids = useId();
  const [kind, setKind] = useState<StolenKind>('code');
  const [value, setValue] = useState('');
  const [clientId, setClientId] = useState(KINDS[0]!.clientId);
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AttackerAnswer | { problem: string }>();

  const run = async (call: () => Promise<AttackerAnswer | { problem: string } | undefined>) => {
    setBusy(true);
    setAnswer(await call());
    setBusy(false);
  };
  const give = (event: FormEvent) => {
    event.preventDefault();
    const stolen = value.trim();
    setEmpty(!stolen);
    if (!stolen) return;
    void run(() => callAttacker('POST', '/api/attacker/loot', lootForm(kind, stolen, clientId.trim())));
  };
  const openForgedCallback = () =>
    run(async () => {
      const held = await callAttacker('GET', '/api/attacker/loot');
      if (held.problem) return held;
      if (!lootIn(held.body).some((item) => item.kind === 'code'))
        return { problem: 'The attacker holds no authorization code yet: press “Get a code for bob” first.' };
      // The lure is the attacker's page, not one of the app's: a full navigation, whose redirect the
      // browser follows to the client's callback.
      window.location.assign(new URL(FORGED_CALLBACK, window.location.origin).href);
      return undefined;
    });

  return (
    <section aria-labelledby={`${ids}-title`} className="rounded-xl border-2 border-red-800 bg-red-50/40 p-5">
      <h2 id={`${ids}-title`} className="text-xl font-bold">
        Attacker’s tools
      </h2>
      <p className="mt-2 text-slate-700">
        The attack lab’s attacker, by hand: a server of its own that sends real requests to this playground,
        marked as the attacker’s in your HTTP log. alice’s side runs in another tab.
      </p>
      <form onSubmit={give} className="mt-4 space-y-3" noValidate>
        <h3 className="font-semibold">Hand the attacker what you stole</h3>
        <div className="flex flex-wrap gap-4">
          <label className="flex flex-col text-sm font-semibold">
            Kind
            <select
              value={kind}
              onChange={(event) => {
                const chosen = KINDS.find((each) => each.kind === event.target.value) ?? KINDS[0]!;
                setKind(chosen.kind);
                setClientId(chosen.clientId);
              }}
              className="mt-1 rounded border border-slate-400 bg-white px-2 py-1 font-normal"
            >
              {KINDS.map((each) => (
                <option key={each.kind} value={each.kind}>
                  {each.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm font-semibold">
            client_id it was issued to
            <input
              value={clientId}
              onChange={(event) => setClientId(event.target.value)}
              spellCheck={false}
              className="mt-1 rounded border border-slate-400 px-2 py-1 font-mono font-normal"
            />
          </label>
        </div>
        <label className="flex flex-col text-sm font-semibold">
          Stolen value
          <textarea
            value={value}
            onChange={(event) => setValue(event.target.value)}
            rows={2}
            spellCheck={false}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? `${ids}-empty` : undefined}
            className="mt-1 rounded border border-slate-400 px-2 py-1 font-mono font-normal"
          />
        </label>
        {empty ? (
          <p id={`${ids}-empty`} role="alert" className="text-sm text-red-900">
            Paste a stolen value first: a code from the Location of the redirect to /callback, or the
            access_token of a token response.
          </p>
        ) : null}
        <button type="submit" disabled={busy} className={button}>
          Give it to the attacker
        </button>
      </form>
      <div className="mt-4 space-y-2">
        <h3 className="font-semibold">Use what it holds</h3>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={busy}
            className={button}
            onClick={() => void run(() => callAttacker('POST', '/api/attacker/redeem-code'))}
          >
            Redeem the caught code
          </button>
          <button
            type="button"
            disabled={busy}
            className={button}
            onClick={() => void run(() => callAttacker('POST', '/api/attacker/call-api'))}
          >
            Call the API with the stolen token
          </button>
        </div>
      </div>
      <div className="mt-4 space-y-2">
        <h3 className="font-semibold">Forge a login</h3>
        <p className="text-sm text-slate-700">
          The attacker signs in as bob for <code>{FORGED_LOGIN_CLIENT}</code> and keeps the code; its page
          then sends a browser to that client’s <code>/callback</code> with it.
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={busy}
            className={button}
            onClick={() =>
              void run(() =>
                callAttacker('POST', '/api/attacker/authorization-code', { client_id: FORGED_LOGIN_CLIENT }),
              )
            }
          >
            Get a code for bob
          </button>
          <button type="button" disabled={busy} className={button} onClick={() => void openForgedCallback()}>
            Open the forged callback
          </button>
        </div>
      </div>
      <div role="region" aria-label="The attacker’s server answered" aria-live="polite" className="mt-4">
        {busy ? <p>Sending…</p> : null}
        {!busy && answer ? <AnswerShown answer={answer} /> : null}
      </div>
    </section>
  );
}

/** The attacker server's answer: the request, its status and body verbatim, and a refusal's cause. */
function AnswerShown({ answer }: { answer: AttackerAnswer | { problem: string } }) {
  const answered = 'request' in answer && answer.status > 0;
  return (
    <div className="rounded-lg border border-slate-300 bg-white px-4 py-3">
      {answered ? (
        <>
          <p className="font-semibold">
            <code>{answer.request}</code>: HTTP {answer.status}
          </p>
          {answer.challenge ? (
            <p className="mt-1 text-sm break-all">
              <code>WWW-Authenticate: {answer.challenge}</code>
            </p>
          ) : null}
          <pre className="mt-2 max-h-64 overflow-auto text-sm break-all whitespace-pre-wrap">
            {typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)}
          </pre>
        </>
      ) : null}
      {answer.problem ? (
        <p role="alert" className="mt-2 border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
          {answer.problem}
        </p>
      ) : null}
    </div>
  );
}
