import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { verificationQrDataUrl } from './verification-qr';

const URL_COMPLETE = 'http://192.168.1.20:3000/oidc/device?user_code=WDJB-MJHT';

describe('the verification address as a QR code (RFC 8628 §3.3.1)', () => {
  it('is an SVG image in a data: URL, which the content security policy allows', async () => {
    const dataUrl = await verificationQrDataUrl(URL_COMPLETE);
    expect(dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob(dataUrl.split(',')[1]!)).toMatch(/^<svg[^>]*viewBox/);
  });

  it('encodes the address itself: the same modules as a QR code made from it directly', async () => {
    const dataUrl = await verificationQrDataUrl(URL_COMPLETE);
    const modules = QRCode.create(URL_COMPLETE, { errorCorrectionLevel: 'M' }).modules;
    const other = QRCode.create('http://localhost:3000/oidc/device?user_code=WDJB-MJHT', {
      errorCorrectionLevel: 'M',
    }).modules;
    expect(atob(dataUrl.split(',')[1]!)).toContain(`viewBox="0 0 ${modules.size + 4} ${modules.size + 4}"`);
    expect(dataUrl).not.toBe(
      await verificationQrDataUrl('http://localhost:3000/oidc/device?user_code=WDJB-MJHT'),
    );
    expect(Array.from(modules.data)).not.toEqual(Array.from(other.data));
  });
});
