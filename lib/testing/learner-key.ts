import { randomBytes } from 'node:crypto';

/**
 * Gives the process a fresh learner key (lib/trace/learner-key.ts) without opening the storage, for
 * tests of routes that identify their requester. Answers the key, to sign test learners' cookies.
 */
export function installTestLearnerKey(): Buffer {
  const key = randomBytes(32);
  globalThis.playgroundLearnerKey = Promise.resolve(key);
  return key;
}
