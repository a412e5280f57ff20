'use client';

import { useEffect, useState } from 'react';

/** The verification address as a QR code: scan it with your own phone, the "other device" of RFC 8628. */
export function VerificationQr({ url }: { url: string }) {
  const [image, setImage] = useState<{ url: string; src: string }>();
  useEffect(() => {
    let cancelled = false;
    // Loaded when a step offers a code, so that the QR encoder does not weigh on every grant page.
    void import('@/lib/client/verification-qr')
      .then(({ verificationQrDataUrl }) => verificationQrDataUrl(url))
      .then((src) => !cancelled && setImage({ url, src }));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <figure className="mt-3 flex flex-wrap items-center gap-4">
      {/* Reserved size: the code appears without moving what is below it. */}
      <div className="size-44 shrink-0 rounded bg-white">
        {image?.url === url ? (
          // A data: URL made in this browser: next/image has nothing to optimise.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={image.src} alt={`QR code for ${url}`} width={176} height={176} className="size-44" />
        ) : null}
      </div>
      <figcaption className="max-w-prose text-sm text-slate-700">
        Or scan it with your phone: the phone becomes the other device. It opens{' '}
        <code className="break-all">{url}</code>, the verification address with the code filled in
        (verification_uri_complete), so there is nothing to type.
      </figcaption>
    </figure>
  );
}
