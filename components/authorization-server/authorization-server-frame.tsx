import type { ReactNode } from 'react';

/**
 * Marks a page as the authorization server's, not the client's: learners must see that they typed their
 * password into the server, never into the app that asked for access.
 */
export function AuthorizationServerFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby="as-title"
      className="mx-auto max-w-lg overflow-hidden rounded-xl border border-slate-300 bg-white shadow-sm"
    >
      <div className="flex items-baseline gap-3 bg-as px-6 py-3 text-white">
        <strong>Authorization Server</strong>
        <span className="text-sm text-purple-200">issuer /oidc</span>
      </div>
      <div className="px-6 py-6">
        <h1 id="as-title" className="mb-4 text-2xl font-bold">
          {title}
        </h1>
        {children}
      </div>
    </section>
  );
}
