import { DEMO_LOGINS, isDemoLogin } from '@/lib/demo/logins';
import { signInOf } from '@/lib/grants/sign-in';
import type { GrantDefinition } from '@/lib/walkthrough/types';

/** Who signs in, and where, as the grant's steps show it: not every grant has a user. */
export function SignInNote({ grant }: { grant: GrantDefinition }) {
  const signIn = signInOf(grant);
  if (signIn.kind === 'none') return <>No user signs in: the client acts for itself.</>;
  if (signIn.kind === 'password-to-client') {
    const password = isDemoLogin(signIn.username) ? DEMO_LOGINS[signIn.username] : undefined;
    return (
      <>
        No sign-in page: the client sends the user’s password itself (<code>{signIn.username}</code>
        {password ? (
          <>
            {' '}
            / <code>{password}</code>
          </>
        ) : null}
        ).
      </>
    );
  }
  return (
    <>
      Sign in at the authorization server as <code>alice</code> / <code>{DEMO_LOGINS.alice}</code>.
    </>
  );
}
