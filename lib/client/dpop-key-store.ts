import { generateDpopKeyPair } from './dpop-proof';

/**
 * Where the browser keeps a run's DPoP key pair: IndexedDB, which stores a CryptoKey as it is (still
 * non-extractable), so the key survives the trip to the authorization server and back. One key per
 * walkthrough run: a new run, a new key.
 */
const DATABASE = 'playground-dpop';
const STORE = 'keys';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
}

function run<T>(
  database: IDBDatabase,
  mode: IDBTransactionMode,
  act: (store: IDBObjectStore) => IDBRequest<T>,
) {
  return new Promise<T>((resolve, reject) => {
    const request = act(database.transaction(STORE, mode).objectStore(STORE));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused the request'));
  });
}

/** The run's key pair, made on first use. */
export async function dpopKeyPairFor(runId: string): Promise<CryptoKeyPair> {
  const database = await open();
  try {
    const kept = await run<CryptoKeyPair | undefined>(database, 'readonly', (store) => store.get(runId));
    if (kept) return kept;
    const made = await generateDpopKeyPair();
    await run(database, 'readwrite', (store) => store.put(made, runId));
    return made;
  } finally {
    database.close();
  }
}
