'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { deliverCallback } from '../walkthrough/browser-io';

/**
 * When a walkthrough sent the browser to the authorization server, hands it this URL (query and
 * fragment alike) and returns to it; the walkthrough checks state, iss and nonce. Otherwise the page
 * simply shows what arrived.
 */
export function ReturnToWalkthrough() {
  const router = useRouter();
  useEffect(() => {
    const returnPath = deliverCallback(window.location.href);
    if (returnPath) router.replace(returnPath);
  }, [router]);
  return null;
}
