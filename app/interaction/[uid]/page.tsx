import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ConsentForm } from '@/components/authorization-server/consent-form';
import { InteractionExpired } from '@/components/authorization-server/interaction-expired';
import { LoginForm } from '@/components/authorization-server/login-form';
import { formActionDirective } from '@/lib/http/form-action';
import { interactionView } from '@/lib/oidc/interactions';
import { recordInteractionPage } from '@/lib/oidc/interaction-page-trace';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Authorization Server', referrer: 'no-referrer' };

type Props = {
  params: Promise<{ uid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function InteractionPage({ params, searchParams }: Props) {
  const { uid } = await params;
  const query = await searchParams;
  const requestHeaders = await headers();
  const view = await interactionView(uid, requestHeaders.get('cookie'));
  recordInteractionPage(requestHeaders, uid, query, view);

  if (view.kind === 'expired') return <InteractionExpired />;
  const error = typeof query.error === 'string' ? query.error : undefined;
  const username = typeof query.username === 'string' ? query.username : view.loginHint;
  // The page's own form-action (see lib/http/form-action.ts): React hoists this into <head>.
  const formAction = (
    <meta httpEquiv="Content-Security-Policy" content={formActionDirective(view.redirectUri)} />
  );
  if (view.kind === 'login')
    return (
      <>
        {formAction}
        <LoginForm view={view} error={error} username={username} />
      </>
    );
  return (
    <>
      {formAction}
      <ConsentForm view={view} />
    </>
  );
}
