/**
 * The words every walkthrough uses, said once before the first one: the four roles of RFC 6749 §1.1
 * and the two ways a message travels between them (§1.2, §3). The colours are the diagram’s role borders
 * (components/diagram/role-node.tsx).
 */
const ROLES = [
  {
    name: 'Resource owner',
    who: 'alice, using her browser',
    does: 'The person whose data it is. She signs in and consents at the authorization server, never at the app.',
    tone: 'border-amber-600',
  },
  {
    name: 'Client',
    who: 'the app',
    does: 'Wants to act for alice (or for itself). It gets tokens, never her password.',
    tone: 'border-sky-700',
  },
  {
    name: 'Authorization server',
    who: 'oidc-provider at /oidc',
    does: 'Signs alice in, asks her consent, and issues codes and tokens to the client.',
    tone: 'border-purple-800',
  },
  {
    name: 'Resource server',
    who: 'the playground’s API',
    does: 'Holds the data. It answers a request that carries a valid access token with the right scope.',
    tone: 'border-emerald-700',
  },
] as const;

const CHANNELS = [
  {
    name: 'Front channel',
    how: 'through the browser',
    what: 'Redirects and links: the authorization request and the code travel in alice’s address bar, where history, logs and extensions can see them.',
  },
  {
    name: 'Back channel',
    how: 'direct',
    what: 'A request from the client straight to a server (the token request, API calls): nothing passes through the address bar.',
  },
] as const;

export function RolesPrimer() {
  return (
    <section aria-labelledby="roles-primer" className="rounded-xl border border-slate-300 bg-white p-5">
      <h2 id="roles-primer" className="text-xl font-bold">
        Four roles, two channels
      </h2>
      <p className="mt-1 max-w-3xl text-slate-700">
        Every grant is a conversation between the same four roles (RFC 6749 §1.1); the diagram in each
        walkthrough draws them in these colours.
      </p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {ROLES.map((role) => (
          <div key={role.name} className={`border-l-4 pl-3 ${role.tone}`}>
            <dt className="font-semibold">
              {role.name} <span className="font-normal text-slate-600">({role.who})</span>
            </dt>
            <dd className="text-sm text-slate-700">{role.does}</dd>
          </div>
        ))}
      </dl>
      <dl className="mt-4 grid gap-3 sm:grid-cols-2">
        {CHANNELS.map((channel) => (
          <div key={channel.name} className="rounded-lg bg-slate-50 p-3">
            <dt className="font-semibold">
              {channel.name} <span className="font-normal text-slate-600">({channel.how})</span>
            </dt>
            <dd className="text-sm text-slate-700">{channel.what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
