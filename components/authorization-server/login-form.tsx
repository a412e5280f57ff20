import type { ActiveInteraction } from '@/lib/oidc/interactions';
import { AuthorizationServerFrame } from './authorization-server-frame';
import { UnattendedSignIn } from './unattended-sign-in';

type Props = { view: ActiveInteraction; error?: string; username?: string };

const field = 'mt-1 block w-full rounded-lg border border-slate-500 px-3 py-2 text-base';

export function LoginForm({ view, error, username }: Props) {
  return (
    <AuthorizationServerFrame title="Sign in">
      <p className="mb-4 text-slate-700">
        <strong>{view.clientName}</strong> wants to access your account. Sign in to the authorization server
        to continue; the app never sees your password.
      </p>
      {error ? (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {error}
        </p>
      ) : null}
      <UnattendedSignIn formId="login-form" step="login" refused={Boolean(error)} />
      <form
        id="login-form"
        method="post"
        action={`/interaction/${encodeURIComponent(view.uid)}/login`}
        className="space-y-4"
      >
        <div>
          <label htmlFor="username" className="font-semibold">
            Username
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            required
            defaultValue={username}
            autoFocus={!username}
            className={field}
          />
        </div>
        <div>
          <label htmlFor="password" className="font-semibold">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus={Boolean(username)}
            className={field}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            data-submit
            className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as"
          >
            Sign in
          </button>
          <button
            type="submit"
            formAction={`/interaction/${encodeURIComponent(view.uid)}/abort`}
            formNoValidate
            className="rounded-lg bg-slate-200 px-5 py-2 font-semibold text-slate-900 hover:bg-slate-300"
          >
            Cancel
          </button>
        </div>
      </form>
      <p className="mt-6 text-sm text-slate-700">
        Demo accounts: <code>alice</code> / <code>wonderland</code> and <code>bob</code> /{' '}
        <code>builder</code>.
      </p>
    </AuthorizationServerFrame>
  );
}
