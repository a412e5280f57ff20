import { learnerIdFromCookieHeader } from '../trace/learner';
import { learnerKey } from '../trace/learner-key';
import { clientAddress } from './client-address';
import { ON_BEHALF_HEADER, vouchedRequester, vouchFor, type Requester } from './on-behalf';

export type { Requester } from './on-behalf';

/**
 * Who a request is for: the learner and address the server vouched for on its own loopback calls,
 * otherwise the client address policy's answer and the learner cookie, if the server signed it.
 */
export async function identifyRequester(headers: Headers): Promise<Requester> {
  const key = await learnerKey();
  return (
    vouchedRequester(headers.get(ON_BEHALF_HEADER), key) ?? {
      address: clientAddress(headers),
      learnerId: learnerIdFromCookieHeader(headers.get('cookie'), key),
    }
  );
}

/** The header a loopback call made for this request carries, so that it counts as the requester's. */
export async function onBehalfOf(headers: Headers): Promise<Record<string, string>> {
  const requester = await identifyRequester(headers);
  return { [ON_BEHALF_HEADER]: vouchFor(requester, await learnerKey()) };
}
