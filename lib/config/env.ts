import path from 'node:path';
import { z } from 'zod';

/** The authorization server is mounted here, and its issuer is the public origin plus this path. */
export const ISSUER_PATH = '/oidc';

/**
 * The playground's settings, read once from the environment. Every variable is documented in the README's
 * environment table; defaults give a working playground with no external service.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_ORIGIN: z.url().optional(),
  PLAYGROUND_DATA_DIR: z.string().min(1).default('./.data'),
  REDIS_URL: z.url().optional(),
  OIDC_JWKS: z.string().optional(),
  COOKIE_KEYS: z.string().optional(),
  // A hop count; `true` is one proxy, `false` none.
  TRUST_PROXY: z
    .union([
      z.literal('true').transform(() => 1),
      z.literal('false').transform(() => 0),
      z.coerce.number().int().min(0).max(10),
    ])
    .default(0),
  INTERNAL_ORIGIN: z.url().optional(),
  APP_REGISTRATION_LIMIT: z.coerce.number().int().min(1).default(100),
  ROOM_TTL_MINUTES: z.coerce.number().positive().default(120),
  // oidc-provider's own default is 60 s; a lecture wants longer (the README suggests 600).
  AUTHORIZATION_CODE_TTL: z.coerce.number().int().min(1).max(3600).default(60),
});

export type PlaygroundEnv = {
  port: number;
  /** Scheme, host and port learners' browsers use, without a trailing slash. */
  publicOrigin: string;
  /** The issuer identifier: the mount path of the authorization server. */
  issuer: string;
  dataDir: string;
  redisUrl: string | undefined;
  oidcJwks: string | undefined;
  cookieKeys: string[] | undefined;
  /**
   * How many proxies in front of the playground append to X-Forwarded-For (0: none, the socket's peer
   * is the client). Also makes oidc-provider trust X-Forwarded-Proto and -Host.
   */
  trustProxy: number;
  /** Where the server reaches itself over loopback (the resource server calling the authorization server). */
  internalOrigin: string;
  /** Mastodon app registrations allowed per address every 10 minutes (a classroom shares one address). */
  appRegistrationLimit: number;
  /** A classroom room ends after this many minutes without the instructor creating it or stepping. */
  roomTtlMinutes: number;
  /** Seconds an authorization code may wait before the token request redeems it. */
  authorizationCodeTtl: number;
};

export function readEnv(source: Record<string, string | undefined> = process.env): PlaygroundEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid playground environment: ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    port: env.PORT,
    publicOrigin,
    issuer: `${publicOrigin}${ISSUER_PATH}`,
    dataDir: path.resolve(env.PLAYGROUND_DATA_DIR),
    redisUrl: env.REDIS_URL,
    oidcJwks: env.OIDC_JWKS,
    cookieKeys: env.COOKIE_KEYS?.split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY,
    internalOrigin: (env.INTERNAL_ORIGIN ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, ''),
    appRegistrationLimit: env.APP_REGISTRATION_LIMIT,
    roomTtlMinutes: env.ROOM_TTL_MINUTES,
    authorizationCodeTtl: env.AUTHORIZATION_CODE_TTL,
  };
}
