// Passwords: argon2id with the OWASP-recommended minimum (19 MiB, 2 passes), a length-first policy (NIST SP
// 800-63B §5.1.1.2: at least 10 characters here, no composition rules) and a short list of known-bad choices.
import { hash, verify } from '@node-rs/argon2';
import { IdentityErrors } from './messages.ts';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', 'password123', 'matkhau123', 'matkhau1234', 'qwertyuiop', '1111111111',
  'abc1234567', 'iloveyou123', 'admin12345', 'sonla12345', 'sonla123456', 'truyxuat123', 'txng123456', 'vietnam123',
]);

export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 10 || password.length > 256 || COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    return IdentityErrors.PASSWORD_TOO_WEAK;
  }
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return IdentityErrors.PASSWORD_CONTAINS_EMAIL;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check, so that unknown accounts cannot be told apart by timing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
