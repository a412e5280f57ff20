/**
 * The implicit token leak's lab app, data only: shared by the scenario (machines/attacks/implicit-token-leak)
 * and the app's deliberately vulnerable routes (./open-redirect-client.ts).
 */
export const IMPLICIT_APP_CLIENT_ID = 'lab-implicit-open-redirect';

/** Where the app's routes live: its sign-in link and its redirect URI. */
export const IMPLICIT_APP_PATH = '/attacks/implicit-app';

export const implicitAppRedirectUri = (origin: string) => `${origin}${IMPLICIT_APP_PATH}/callback`;
