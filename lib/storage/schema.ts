import type { AdapterPayload } from 'oidc-provider';
import { z } from 'zod';

/**
 * What oidc-provider hands the adapter to keep: an object it alone understands, so only its being an
 * object is checked when it is read back.
 */
export const adapterPayload = z.record(z.string(), z.unknown()) satisfies z.ZodType<AdapterPayload>;

/** An oidc-provider entry read back from its stored JSON text. */
export const parsePayload = (json: string): AdapterPayload => adapterPayload.parse(JSON.parse(json));

/**
 * A stored document read with its reader's schema. One that no longer matches (kept by an earlier
 * version of the playground) reads as absent rather than failing the request.
 */
export function documentAs<T>(value: unknown, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
