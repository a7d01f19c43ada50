/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app reads them: SHA-1, 6 digits,
 * 30-second steps. One step of clock drift is accepted either way. The otpauth library is loaded
 * on first use: only staff sign-ins need it, not the shop's start-up.
 */
const period = 30;

let library: Promise<typeof import('otpauth')> | undefined;
const otpauth = () => {
  library ??= import('otpauth');
  return library;
};

async function totpOf(secret: string, label = '', issuer = '') {
  const { Secret, TOTP } = await otpauth();
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });
}

export async function newTotpSecret(): Promise<string> {
  const { Secret } = await otpauth();
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export async function totpUri(secret: string, issuer: string, account: string): Promise<string> {
  return (await totpOf(secret, account, issuer)).toString();
}

/** The time step a valid code belongs to, or undefined if the code is not valid now. */
export async function totpStepOf(secret: string, code: string, now: Date): Promise<number | undefined> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = (await totpOf(secret)).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / period) + delta;
}

/** The current code (what an authenticator app shows: used by tests). */
export async function totpCode(secret: string, now: Date): Promise<string> {
  return (await totpOf(secret)).generate({ timestamp: now.getTime() });
}

/** The QR code of an otpauth:// address, as SVG markup (uqr, loaded on first use). */
export async function qrCodeSvg(uri: string): Promise<string> {
  const { renderSVG } = await import('uqr');
  return renderSVG(uri);
}
