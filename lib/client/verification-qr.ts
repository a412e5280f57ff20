import QRCode from 'qrcode';

/**
 * The verification address as a QR code (RFC 8628 §3.3.1: verification_uri_complete "MAY be displayed
 * as a QR code"), so that a student's own phone can be the device the user approves on. An SVG in a
 * data: URL: the content security policy allows data: images, and it renders the same in Node (tests)
 * and in the browser.
 */
export async function verificationQrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
