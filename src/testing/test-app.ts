import type { FastifyInstance } from 'fastify';
import type { FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Database, Db } from '../core/db/database.ts';
import type { Mailer } from '../core/mail/outbox.ts';
import { watchApiContract } from './api-contract-watch.ts';
import { nextCodeFor } from './second-factor.ts';
import { openTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  mailer?: Mailer;
  logger?: FastifyServerOptions['logger'];
  /** Start from the demo data (seeded once per run; every demo account has `testPassword`). */
  demoData?: boolean;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase(options.demoData ? 'demo' : 'migrated');
  const config = loadConfig({
    PUBLIC_URL: 'http://routekaart.test',
    LOG_LEVEL: 'silent',
    // Every data change a test makes through a route must leave an audit entry.
    AUDIT_COVERAGE_CHECK: 'true',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    logger: options.logger ?? false,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  // Every API answer must keep to the served OpenAPI document; close() fails listing what did not.
  const contract = watchApiContract(app);
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      contract.assertKept();
    },
  };
}

/** A form's fields; a list posts the field once per value, as checkboxes do. */
type Form = Record<string, string | string[]>;

const encodeForm = (form: Form) =>
  new URLSearchParams(
    Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  ).toString();

/** A browser stand-in over app.inject(): keeps cookies and fills in the CSRF token of forms. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST', url: string, form?: Form, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookieHeader,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(form ? { payload: encodeForm(form) } : {}),
    });
    this.keepCookies(response);
    return response;
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      const isCleared =
        cookie.value === '' || (cookie.expires instanceof Date && cookie.expires.getTime() < Date.now());
      if (isCleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get(url: string) {
    return this.request('GET', url);
  }

  /** Reads the CSRF token from a page this client is allowed to see, then posts the form. */
  async post(url: string, form: Form = {}, csrfFrom = '/accessibility') {
    const page = await this.get(csrfFrom);
    const token = extractCsrf(page.body);
    return this.request('POST', url, { _csrf: token, ...form });
  }

  /** Signs in with the password and, when the account has one, the authenticator app's code. */
  async signIn(email: string, password: string) {
    let response = await this.post('/login', { email, password });
    if (response.statusCode === 303 && response.headers.location === '/sign-in/second-factor') {
      const code = await nextCodeFor(this.app.services.database.db, email);
      response = await this.post('/sign-in/second-factor', { code });
    }
    if (response.statusCode !== 303)
      throw new Error(`sign-in of ${email} failed with ${response.statusCode}`);
    return response;
  }
}

export function extractCsrf(body: string): string {
  const match = /name="csrf-token" content="([^"]+)"/.exec(body);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}
