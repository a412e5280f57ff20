import { compareScopes, DROP_REASONS, type ScopeContext } from '@/lib/walkthrough/scope-grant';

/**
 * Asked for / granted (RFC 6749 §3.3): what the client requested beside what the token response names,
 * each dropped scope with the reason this server has for dropping it.
 */
export function ScopeGrantView({
  asked,
  granted,
  context,
  resource,
}: {
  asked: string;
  /** The response's `scope`; undefined when it has none. */
  granted: string | undefined;
  context: ScopeContext;
  /** The resource asked for (RFC 8707) and the audience the access token names, when a JWT says it. */
  resource?: { asked: string; audience?: string };
}) {
  const comparison = compareScopes(asked, granted, context);
  const list = (scopes: string[]) => (scopes.length ? scopes.join(' ') : '(none)');
  return (
    <section aria-label="Asked for and granted" className="mt-4 rounded-lg border border-slate-300 p-4">
      <h3 className="font-semibold">Asked for / granted</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="font-semibold">scope asked</dt>
        <dd className="font-mono">{list(comparison.asked)}</dd>
        <dt className="font-semibold">scope granted</dt>
        <dd className="font-mono">
          {list(comparison.granted)}
          {comparison.responseOmittedScope ? (
            <span className="block font-sans text-slate-700">
              The response has no <code>scope</code>: this server leaves it out when it grants none. (RFC 6749
              §5.1 also lets a server leave it out when it grants exactly what was asked, so silence alone
              proves nothing.)
            </span>
          ) : null}
        </dd>
        {resource ? (
          <>
            <dt className="font-semibold">resource asked</dt>
            <dd className="font-mono">{resource.asked}</dd>
            <dt className="font-semibold">token audience</dt>
            <dd className="font-mono">
              {resource.audience ?? (
                <span className="font-sans">not readable: the access token is opaque</span>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {comparison.dropped.length ? (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Dropped scopes">
          {comparison.dropped.map(({ scope, reason }) => (
            <li key={scope} className="rounded bg-amber-50 px-2 py-1">
              <span className="font-semibold">Dropped</span> <code>{scope}</code>: {DROP_REASONS[reason]}.
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-emerald-800">Everything asked for was granted.</p>
      )}
      {comparison.added.length ? (
        <p className="mt-2 text-sm">
          Granted without being asked: <code>{comparison.added.join(' ')}</code>.
        </p>
      ) : null}
    </section>
  );
}
