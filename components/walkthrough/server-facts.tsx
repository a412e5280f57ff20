'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** What the playground's authorization server is configured with, as the walkthrough needs to say it. */
export type ServerFacts = {
  /** Seconds a code waits to be redeemed (AUTHORIZATION_CODE_TTL; oidc-provider's default is 60). */
  authorizationCodeTtl: number;
};

const ServerFactsContext = createContext<ServerFacts>({ authorizationCodeTtl: 60 });

/** Set by the server-rendered page from the environment, read by the step card. */
export function ServerFactsProvider({ facts, children }: { facts: ServerFacts; children: ReactNode }) {
  return <ServerFactsContext.Provider value={facts}>{children}</ServerFactsContext.Provider>;
}

export const useServerFacts = () => useContext(ServerFactsContext);
