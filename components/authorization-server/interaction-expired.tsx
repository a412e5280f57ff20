import Link from 'next/link';
import { AuthorizationServerFrame } from './authorization-server-frame';

export function InteractionExpired() {
  return (
    <AuthorizationServerFrame title="This sign-in request has ended">
      <p role="alert" className="mb-4 text-slate-700">
        The authorization server no longer knows this request: it was completed already, it expired (requests
        last an hour), or this browser lost its cookies. Start again from the app that sent you here.
      </p>
      <Link href="/" className="font-semibold text-as-accent underline">
        Back to the playground
      </Link>
    </AuthorizationServerFrame>
  );
}
