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
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For): false (none),
   * a hop count counted from this server, or the proxies' addresses and ranges.
   */
  trustProxy: false | number | string[];
  operatorName: string;
  contactEmail: string | undefined;
  /** True when the public URL is https: cookies get Secure and responses get HSTS. */
  isHttps: boolean;
  /** Months after which closed intake requests lose their personal data. */
  intakeRetentionMonths: number;
  /** Months after which audit-trail entries are removed (at least 1, so the trail covers a month). */
  auditRetentionMonths: number;
  /** A session ends after this many minutes without use, and this many hours after sign-in. */
  sessionLifetimes: { idleMinutes: number; absoluteHours: number };
  /**
   * Sensitive actions (ending sessions, roles, second factors, API tokens) need a sign-in or the
   * password given again within this many minutes (REAUTHENTICATE_AFTER_MINUTES).
   */
  recentAuthenticationMinutes: number;
  /**
   * Tests only (AUDIT_COVERAGE_CHECK=true): a request that changes data without writing an audit
   * entry answers 500 and says which tables it changed (src/core/db/audit.ts).
   */
  auditCoverageCheck: boolean;
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

function readEmail(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    throw new ConfigError(`${name} must be an e-mail address, got "${raw}".`);
  }
  return raw;
}

function readWholeNumber(
  env: Env,
  name: string,
  fallback: number,
  range: { min: number; max: number; unit: string },
): number {
  const raw = env[name] || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
    throw new ConfigError(
      `${name} must be a whole number of ${range.unit} from ${range.min} to ${range.max}, got "${raw}". Set ${name}=${fallback}, for example.`,
    );
  }
  return value;
}

const ipPart = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

/**
 * TRUST_PROXY: a hop count (1 behind one reverse proxy: the address that proxy saw), or a
 * comma-separated list of proxy addresses and ranges. "true" means one hop, never "believe any
 * X-Forwarded-For", because the left-most address in that header is whatever the client sent.
 */
function readTrustProxy(raw: string | undefined): Config['trustProxy'] {
  const value = (raw ?? '').trim();
  if (value === '' || ['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  if (['true', 'yes'].includes(value.toLowerCase())) return 1;
  if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
  const list = value.split(',').map((part) => part.trim());
  if (list.every((part) => ipPart.test(part) || ['loopback', 'linklocal', 'uniquelocal'].includes(part)))
    return list;
  throw new ConfigError(
    `TRUST_PROXY must be a number of proxies (1 behind one reverse proxy) or a comma-separated list of proxy addresses (10.0.0.1,192.168.0.0/16), got "${value}".`,
  );
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
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    operatorName: env.OPERATOR_NAME || 'Provincie Zuid-Holland',
    contactEmail: readEmail('CONTACT_EMAIL', env.CONTACT_EMAIL),
    isHttps: publicUrl.protocol === 'https:',
    intakeRetentionMonths: readWholeNumber(env, 'INTAKE_RETENTION_MONTHS', 24, {
      min: 1,
      max: 120,
      unit: 'months',
    }),
    auditRetentionMonths: readWholeNumber(env, 'AUDIT_RETENTION_MONTHS', 18, {
      min: 1,
      max: 120,
      unit: 'months',
    }),
    sessionLifetimes: {
      idleMinutes: readWholeNumber(env, 'SESSION_IDLE_MINUTES', 120, { min: 5, max: 1440, unit: 'minutes' }),
      absoluteHours: readWholeNumber(env, 'SESSION_ABSOLUTE_HOURS', 12, { min: 1, max: 720, unit: 'hours' }),
    },
    auditCoverageCheck: env.AUDIT_COVERAGE_CHECK === 'true',
    recentAuthenticationMinutes: readWholeNumber(env, 'REAUTHENTICATE_AFTER_MINUTES', 15, {
      min: 1,
      max: 720,
      unit: 'minutes',
    }),
    workerThreads: readWholeNumber(env, 'WORKER_THREADS', Math.max(1, availableParallelism() - 1), {
      min: 1,
      max: 64,
      unit: 'threads',
    }),
    workerQueueSize: readWholeNumber(env, 'WORKER_QUEUE_SIZE', 20, { min: 0, max: 1000, unit: 'tasks' }),
    workerTaskTimeoutMs:
      readWholeNumber(env, 'WORKER_TASK_TIMEOUT_SECONDS', 60, { min: 1, max: 3600, unit: 'seconds' }) * 1000,
  };
}
