import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { appSettings } from './core.tables.ts';

/** A secret made once per installation and shared by all processes through the database. */
export async function ensureSecret(db: Db, key: string): Promise<string> {
  await db
    .insert(appSettings)
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, key));
  if (!row) throw new Error(`Could not store the installation secret ${key}`);
  return row.value;
}

/**
 * Seals a secret that the platform must be able to read back (an identity provider's client secret,
 * a TOTP seed): AES-256-GCM under the installation's encryption key. A copy of one table, an export
 * or a log line then holds no usable secret; a copy of the whole database does (decision 0009).
 */
export async function sealSecret(db: Db, plaintext: string): Promise<string> {
  const key = await encryptionKey(db);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Opens what sealSecret made; throws when it was changed or sealed under another key. */
export async function openSecret(db: Db, sealed: string): Promise<string> {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', await encryptionKey(db), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

async function encryptionKey(db: Db): Promise<Buffer> {
  return createHash('sha256')
    .update(await ensureSecret(db, 'encryption_key'))
    .digest();
}
