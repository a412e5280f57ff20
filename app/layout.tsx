import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLinks } from '@/components/layout/skip-links';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'OAuth2 Playground', template: '%s · OAuth2 Playground' },
  description: 'Learn OAuth 2.0 by running every grant for real against an embedded authorization server.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SkipLinks />
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
