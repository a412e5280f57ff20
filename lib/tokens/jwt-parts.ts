import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * A JWT's claims and header, read without verifying it (the token inspector verifies signatures), by
 * jose: base64url and UTF-8 as RFC 7515 says, so a name with an accent reads as written. Anything that
 * is not a JWT reads as nothing.
 */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

export function jwtHeader(token: string): Record<string, unknown> | undefined {
  try {
    return decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
}
