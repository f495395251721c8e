import { hash, verify } from '@node-rs/argon2';

/** OWASP's recommended argon2id settings (19 MiB, 2 iterations, 1 lane). */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minimumPasswordLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** Reasons a password is refused; empty when it is acceptable. Length beats composition rules (NIST 800-63B). */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooSimple';

export function checkPasswordStrength(
  password: string,
  personal: string[] = [],
): PasswordProblem | undefined {
  if (password.length < minimumPasswordLength) return 'tooShort';
  if (password.length > 256) return 'tooLong';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return 'tooSimple';
  const words = personal.flatMap((p) => p.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 4);
  if (words.some((w) => lower.includes(w)) || /^(.)\1+$|1234|qwerty|wachtwoord|password/.test(lower))
    return 'tooSimple';
  return undefined;
}
