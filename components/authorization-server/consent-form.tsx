import type { ActiveInteraction } from '@/lib/oidc/interactions';
import { describeScope } from '@/lib/oidc/scope-descriptions';
import { AuthorizationServerFrame } from './authorization-server-frame';
import { UnattendedSignIn } from './unattended-sign-in';

type Props = { view: ActiveInteraction };

export function ConsentForm({ view }: Props) {
  const action = `/interaction/${encodeURIComponent(view.uid)}`;
  return (
    <AuthorizationServerFrame title={`Authorize ${view.clientName}`}>
      <p className="mb-4 text-slate-700">
        Signed in as <strong>{view.accountId}</strong>. <strong>{view.clientName}</strong> (client id{' '}
        <code>{view.clientId}</code>) asks for permission to:
      </p>
      {view.scopes.length ? (
        <ul className="mb-4 space-y-2">
          {view.scopes.map(({ scope, resource }) => (
            <li key={`${resource ?? ''} ${scope}`} className="rounded border border-slate-200 px-3 py-2">
              {describeScope(scope)}
              <span className="block text-sm text-slate-600">
                scope <code>{scope}</code>
                {resource ? (
                  <>
                    {' '}
                    at <code>{resource}</code>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-4">Continue with the access you granted before.</p>
      )}
      {view.claims.length ? (
        <p className="mb-4 text-sm text-slate-700">
          It also asks for these claims:{' '}
          {view.claims.map((claim) => (
            <code key={claim} className="mr-1">
              {claim}
            </code>
          ))}
        </p>
      ) : null}
      <UnattendedSignIn formId="consent-form" step="consent" />
      <form id="consent-form" method="post" action={`${action}/confirm`} className="flex flex-wrap gap-3">
        <button
          type="submit"
          data-submit
          className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as"
        >
          Allow
        </button>
        <button
          type="submit"
          formAction={`${action}/abort`}
          className="rounded-lg bg-slate-200 px-5 py-2 font-semibold text-slate-900 hover:bg-slate-300"
        >
          Deny
        </button>
      </form>
      <p className="mt-6 text-sm text-slate-700">
        Deny sends <code>error=access_denied</code> back to the app, as RFC 6749 section 4.1.2.1 says.
      </p>
    </AuthorizationServerFrame>
  );
}
