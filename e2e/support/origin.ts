/** The origin the production build under test serves (see playwright.config.ts). */
export const ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;
export const ISSUER = `${ORIGIN}/oidc`;
export const API_RESOURCE = `${ORIGIN}/api`;
