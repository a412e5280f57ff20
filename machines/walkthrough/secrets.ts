import { base64url } from 'jose';
/** Random values a client makes for each authorization request (RFC 6749 section 10.10: unguessable). */
export function randomValue(bytes = 32): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** RFC 7636 section 4.2: code_challenge = BASE64URL(SHA256(code_verifier)). */
export async function s256(codeVerifier: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier)),
  );
  return base64url.encode(digest);
}

export const stateAndNonce = async () => ({ state: randomValue(16), nonce: randomValue(16) });

export async function pkceSecrets() {
  const code_verifier = randomValue(32);
  return { ...(await stateAndNonce()), code_verifier, code_challenge: await s256(code_verifier) };
}
