import path from 'node:path';
import { availableParallelism } from 'node:os';

/** Thrown when a setting is missing or wrong; main.ts prints the message and exits. */
export class ConfigError extends Error {}

export interface Config {
  port: number;
  host: string;
  /** Base URL that users reach the application on; used in links in mail and in the setup link. */
  publicUrl: string;
  /** Embedded PGlite data directory, used when databaseUrl is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  operatorName: string;
  contactEmail: string | undefined;
  /** True when the public URL is https: cookies get Secure and responses get HSTS. */
  isHttps: boolean;
  /** Months after which closed intake requests lose their personal data. */
  intakeRetentionMonths: number;
  /** Worker threads for heavy work (documents, images, spreadsheets): cores − 1, at least 1. */
  workerThreads: number;
  /** Tasks that may wait for a worker thread; one more is answered "busy, try again" (503). */
  workerQueueSize: number;
  /** A task that runs longer is stopped and answered with 503. */
  workerTaskTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 1 to 65535, got "${raw}". Set PORT=3000, for example.`,
    );
  }
  return port;
}

function readUrl(name: string, raw: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}". Set it like ${protocols[0]}//host:port/…`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, got "${url.protocol}".`);
  }
  return url;
}

function readBoolean(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return false;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}".`);
}

function readEmail(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    throw new ConfigError(`${name} must be an e-mail address, got "${raw}".`);
  }
  return raw;
}

function readRetentionMonths(env: Env): number {
  const raw = env.INTAKE_RETENTION_MONTHS || '24';
  const months = Number(raw);
  if (!/^\d+$/.test(raw) || months < 1 || months > 120) {
    throw new ConfigError(
      `INTAKE_RETENTION_MONTHS must be a whole number of months from 1 to 120, got "${raw}". Set INTAKE_RETENTION_MONTHS=24, for example.`,
    );
  }
  return months;
}

function readWholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name] || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max}, got "${raw}". Set ${name}=${fallback}, for example.`,
    );
  }
  return value;
}

/** The only reader of process.env. Every value is checked here, so a bad setting stops the start. */
export function loadConfig(env: Env = process.env): Config {
  const port = readPort(env);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = readUrl('PUBLIC_URL', env.PUBLIC_URL ?? `http://localhost:${port}`, ['http:', 'https:']);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) readUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl) readUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!logLevels.includes(logLevel as Config['logLevel'])) {
    throw new ConfigError(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}".`);
  }
  return {
    port,
    host,
    publicUrl: publicUrl.origin + publicUrl.pathname.replace(/\/$/, ''),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Routekaart <noreply@localhost>',
    logLevel: logLevels.find((l) => l === logLevel) ?? 'info',
    trustProxy: readBoolean('TRUST_PROXY', env.TRUST_PROXY),
    operatorName: env.OPERATOR_NAME || 'Provincie Zuid-Holland',
    contactEmail: readEmail('CONTACT_EMAIL', env.CONTACT_EMAIL),
    isHttps: publicUrl.protocol === 'https:',
    intakeRetentionMonths: readRetentionMonths(env),
    workerThreads: readWholeNumber(env, 'WORKER_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    workerQueueSize: readWholeNumber(env, 'WORKER_QUEUE_SIZE', 20, 0, 1000),
    workerTaskTimeoutMs: readWholeNumber(env, 'WORKER_TASK_TIMEOUT_SECONDS', 60, 1, 3600) * 1000,
  };
}
