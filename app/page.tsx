import Link from 'next/link';
import { HomeProgress } from '@/components/challenges/home-progress';
import { DemoAccounts } from '@/components/home/demo-accounts';
import { DemoClients } from '@/components/home/demo-clients';
import { GrantGuide } from '@/components/home/grant-guide';
import { GrantList } from '@/components/home/grant-list';
import { RolesPrimer } from '@/components/home/roles-primer';
import { StartHere } from '@/components/home/start-here';
import { ThisOrigin } from '@/components/ui/this-origin';
import { CHALLENGES } from '@/lib/challenges/registry';
import { ISSUER_PATH } from '@/lib/config/env';
import { demoAccountCredentials } from '@/lib/oidc/accounts';
import { demoClientList } from '@/lib/oidc/clients';
import { SERVER_COMPOSITION } from './composition';

/**
 * Prerendered once at build: a class opens this page all at once, and a static page costs the server
 * no render. Nothing on it depends on the request; the browser fills in the origin.
 */
export default function HomePage() {
  return (
    <div className="space-y-8">
      <section aria-labelledby="intro">
        <h1 id="intro" className="text-3xl font-bold">
          Learn OAuth 2.0 by doing it for real
        </h1>
        <p className="mt-3 max-w-3xl text-lg text-slate-700">
          This playground runs a real authorization server (panva&apos;s oidc-provider). Every redirect,
          request and token you see is a real HTTP exchange with it, recorded for you as it happens. Its
          issuer:
          {/* On a line of its own: the browser fills in the origin, and the text around it does not move. */}
          <code className="block w-fit rounded bg-slate-100 px-1">
            <ThisOrigin path={ISSUER_PATH} />
          </code>
        </p>
      </section>
      <StartHere />
      <RolesPrimer />
      <GrantList />
      <section aria-labelledby="mastodon-intro" className="rounded-xl border border-slate-300 bg-white p-5">
        <h2 id="mastodon-intro" className="text-xl font-bold">
          Then try it on your own Mastodon account
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">
          Paste your instance’s address and do it for real: register an app, authorize it, post a first toot
          that only you can see, and revoke the token. Everything happens between your browser and your
          instance.
        </p>
        <Link href="/mastodon" className="mt-3 inline-block font-semibold text-as-accent underline">
          Try it on your Mastodon instance
        </Link>
      </section>
      <section aria-labelledby="attack-lab-intro" className="rounded-xl border border-slate-300 bg-white p-5">
        <h2 id="attack-lab-intro" className="text-xl font-bold">
          Then attack it
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">
          Run the attacks of the OAuth security best practice against deliberately vulnerable lab clients,
          then turn each defense on and watch the attack fail.
        </p>
        <Link href="/attacks" className="mt-3 inline-block font-semibold text-as-accent underline">
          Open the attack lab
        </Link>
      </section>
      <section aria-labelledby="challenges-intro" className="rounded-xl border border-slate-300 bg-white p-5">
        <h2 id="challenges-intro" className="text-xl font-bold">
          Then do it yourself
        </h2>
        <p className="mt-2 max-w-3xl text-slate-700">
          Challenges give you a goal and no button that does it: send the requests yourself, then press Check.
          What the playground’s servers saw is what counts.
        </p>
        <Link href="/challenges" className="mt-3 inline-block font-semibold text-as-accent underline">
          Take a challenge
        </Link>
        <HomeProgress slugs={CHALLENGES.map((challenge) => challenge.slug)} />
      </section>
      <GrantGuide />
      <section aria-labelledby="server-documents">
        <h2 id="server-documents" className="text-lg font-bold">
          What the authorization server publishes
        </h2>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm">
          <li>
            <a
              className="font-semibold text-as-accent underline"
              href="/oidc/.well-known/openid-configuration"
            >
              OpenID Connect discovery document
            </a>
          </li>
          <li>
            <a
              className="font-semibold text-as-accent underline"
              href="/.well-known/oauth-authorization-server/oidc"
            >
              RFC 8414 authorization server metadata
            </a>
          </li>
          <li>
            <a className="font-semibold text-as-accent underline" href="/oidc/jwks">
              Signing keys (JWKS)
            </a>
          </li>
        </ul>
      </section>
      <DemoAccounts accounts={demoAccountCredentials()} />
      <DemoClients clients={demoClientList(SERVER_COMPOSITION.demoClients)} />
    </div>
  );
}
