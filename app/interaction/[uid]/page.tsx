import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ConsentForm } from '@/components/authorization-server/consent-form';
import { InteractionExpired } from '@/components/authorization-server/interaction-expired';
import { LoginForm } from '@/components/authorization-server/login-form';
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
  await recordInteractionPage(requestHeaders, uid, query, view);

  if (view.kind === 'expired') return <InteractionExpired />;
  const error = typeof query.error === 'string' ? query.error : undefined;
  const username = typeof query.username === 'string' ? query.username : view.loginHint;
  if (view.kind === 'login') return <LoginForm view={view} error={error} username={username} />;
  return <ConsentForm view={view} />;
}
