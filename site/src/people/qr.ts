import QRCode from 'qrcode';

/**
 * A QR code as an SVG drawn on the server (no script, no image request; the CSP stays
 * 'self'), for an authenticator app to scan. Only `otpauth://` addresses are drawn.
 * @example await qrSvg('otpauth://totp/Disan:sok@example.org?secret=ABC') // '<svg …</svg>'
 */
export async function qrSvg(uri: string): Promise<string> {
  if (!uri.startsWith('otpauth://')) throw new Error('Only an otpauth:// address is drawn as a QR code');
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 220 });
}
