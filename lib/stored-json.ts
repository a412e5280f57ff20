import { safeParse, type core } from 'zod/mini';

/**
 * A value kept as JSON text (browser storage, a cookie), read with its schema: what is missing,
 * unreadable or of another shape (kept by an earlier version of the page) is nothing.
 */
export function parseStored<T>(text: string | null | undefined, schema: core.$ZodType<T>): T | undefined {
  if (text === null || text === undefined) return undefined;
  try {
    return safeParse(schema, JSON.parse(text)).data;
  } catch {
    return undefined;
  }
}
