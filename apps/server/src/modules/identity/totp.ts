// Time-based one-time passwords (RFC 6238) for the second factor: 6 digits, 30-second steps, SHA-1 (what every
// authenticator app supports), one step of clock drift either way, and each step accepted once (§5.2).
import { generate, generateSecret, generateURI, verify } from 'otplib';

const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'TXNG Sơn La', label: account, secret });
}

export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Returns the accepted time step, or null when the code is wrong or its step was already used. */
export async function checkTotp(secret: string, code: string, at: Date, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD });
  if (!result.valid) return null;
  const step = Math.floor(epoch / PERIOD) + result.delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
