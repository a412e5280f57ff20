import { randomBytes } from 'node:crypto';

/**
 * Join codes: 8 symbols from Crockford's base32 alphabet (32 symbols, 40 bits), without I, L, O and U,
 * so a code read off a projector cannot be mistyped into another valid one. Guessing is also
 * rate-limited: every wrong code and wrong key counts against one limit (`JOIN_LIMITS` in ./index.ts).
 */
export const ROOM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ROOM_CODE_LENGTH = 8;

export function newRoomCode(): string {
  // 256 is a multiple of 32: taking each byte modulo 32 keeps every symbol equally likely.
  return [...randomBytes(ROOM_CODE_LENGTH)].map((byte) => ROOM_CODE_ALPHABET[byte % 32]).join('');
}

/** What a person typed (`abcd-efgh`, `ABCD EFGH`, an O for a zero) as a code, or undefined. */
export function normalizeRoomCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return code.length === ROOM_CODE_LENGTH && [...code].every((symbol) => ROOM_CODE_ALPHABET.includes(symbol))
    ? code
    : undefined;
}

/** For people: two groups of four. */
export const formatRoomCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
