import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/core/db/database.ts';
import { createSetupLinkIfNeeded } from '../src/features/accounts/index.ts';
import { testPassword } from '../src/testing/factories.ts';
import { nextCodeFor } from '../src/testing/second-factor.ts';
import { openTestDatabase, type TestTemplate } from '../src/testing/test-database.ts';

/**
 * One browser journey against a real server: its own cloned database, a real SMTP server on
 * loopback that keeps what it receives, the app listening on a random port, and Chromium.
 */

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export interface Journey {
  baseUrl: string;
  app: FastifyInstance;
  db: Db;
  browser: Browser;
  /**
   * A fresh browser context (own cookies) with one page: one person at one computer. Options such as
   * `{ javaScriptEnabled: false }` set up that person's browser.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** The one-time setup link, as the server prints it at its first start. */
  setupLink(): Promise<string>;
  /** Sends the outbox now (the server process does this on a timer) and waits for a mail to `to`. */
  receiveMail(to: string): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Each running journey's database by its address, so that signIn can read a test user's app. */
const journeyDatabases = new Map<string, Db>();

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The flags ARCHITECTURE.md settled on for Debian's Chromium on these machines. */
const chromiumArgs = (
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking ' +
  '--disable-component-update --disable-sync'
).split(' ');

export async function startJourney(template: TestTemplate = 'migrated'): Promise<Journey> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = () => closeAll(cleanups.reverse());
  try {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    const database = await openTestDatabase(template);
    cleanups.push(() => database.close());
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig({
      PUBLIC_URL: baseUrl,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      SMTP_URL: smtp.url,
    });
    const app = await buildApp({ config, database, logger: false });
    cleanups.push(async () => app.services.mailer.close());
    cleanups.push(() => app.close());
    await app.listen({ port, host: '127.0.0.1' });
    journeyDatabases.set(baseUrl, database.db);
    cleanups.push(async () => journeyDatabases.delete(baseUrl));
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    cleanups.push(() => browser.close());
    return {
      baseUrl,
      app,
      db: database.db,
      browser,
      async newPage(options = {}) {
        const context = await browser.newContext({ ...options, baseURL: baseUrl });
        cleanups.push(() => context.close());
        return context.newPage();
      },
      async setupLink() {
        const link = await createSetupLinkIfNeeded(database.db, config.publicUrl);
        assert.ok(link, 'a new installation has a setup link');
        return link;
      },
      async receiveMail(to) {
        const delivery = await app.services.mailer.deliverDue();
        assert.equal(delivery.failed, 0, 'the outbox delivers every due mail to the SMTP server');
        return smtp.waitFor(to);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs every step, even after one fails (so no server keeps the test process alive), then reports. */
async function closeAll(steps: (() => Promise<unknown>)[]): Promise<void> {
  const results = [];
  for (const step of steps.splice(0))
    results.push(
      await step().then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
  const failure = results.find((r) => r !== undefined);
  if (failure) throw failure;
}

function portOf(address: string | AddressInfo | null): number {
  assert.ok(address !== null && typeof address === 'object', 'the server listens on a TCP port');
  return address.port;
}

/** The PUBLIC_URL must name the port before the app is built: ask the OS for a free one. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = portOf(probe.address());
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        received.push({ to, ...parseMessage(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = portOf(server.server.address());
  const findFor = (to: string) => received.find((m) => m.to.includes(to.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    async waitFor(to: string): Promise<ReceivedMail> {
      const deadline = Date.now() + 10_000;
      let mail = findFor(to);
      while (!mail && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        mail = findFor(to);
      }
      const seen = received.flatMap((m) => m.to).join(', ') || 'nobody';
      assert.ok(mail, `no mail arrived for ${to}; the SMTP server received mail for: ${seen}`);
      return mail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for nodemailer's single-part text mail: headers, subject and decoded body. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(body);
  else if (encoding === 'base64') text = Buffer.from(body, 'base64').toString('utf8');
  return { subject: decodeEncodedWords(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

function decodeQuotedPrintable(body: string): string {
  const unfolded = body.replace(/=\r?\n/g, '');
  // Via percent-encoding, so that multi-byte UTF-8 sequences decode as one character.
  return decodeURIComponent(unfolded.replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1'));
}

function decodeEncodedWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** The first link in a mail's text that points at `path` on this server. */
export function linkIn(mail: ReceivedMail, baseUrl: string, path: string): string {
  const escaped = `${baseUrl}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[A-Za-z0-9_\\-/]*`).exec(mail.text);
  assert.ok(match, `the mail "${mail.subject}" has a link to ${path}:\n${mail.text}`);
  return match[0];
}

/** Runs axe (WCAG 2.1 A and AA) on the page and fails with a readable list of what it finds. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const problems = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `      - ${n.target.join(' ')}`).join('\n');
    return `  ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n${targets}`;
  });
  const summary = `axe found ${problems.length} violation(s) on ${label} (${page.url()})`;
  assert.equal(problems.length, 0, `${summary}:\n${problems.join('\n')}`);
}

/** The widths every page must fit without sideways scrolling: a desktop and a small phone (WCAG 1.4.10). */
export const reflowWidths = [1280, 320] as const;

/**
 * Checks at each width that the document is no wider than the viewport (`scrollWidth`), naming the
 * widest elements that stick out; leaves the page at the first width.
 */
export async function checkReflow(page: Page, label: string): Promise<void> {
  const height = page.viewportSize()?.height ?? 800;
  try {
    for (const width of reflowWidths) {
      await page.setViewportSize({ width, height });
      const { scrollWidth, culprits } = await page.evaluate((w) => {
        const outside = [...document.querySelectorAll('body *')].filter(
          (e) => e.getBoundingClientRect().right > w + 1 && !e.closest('.rk-table-scroll'),
        );
        return {
          scrollWidth: document.documentElement.scrollWidth,
          culprits: outside.slice(-3).map((e) => `${e.tagName.toLowerCase()}.${String(e.className)}`),
        };
      }, width);
      assert.ok(
        scrollWidth <= width,
        `${label} scrolls sideways at ${width} px: ${scrollWidth} px wide (${culprits.join(', ')})`,
      );
    }
  } finally {
    await page.setViewportSize({ width: reflowWidths[0], height });
  }
}

/** The first link on the page whose address matches, as a path. */
export async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  assert.ok(href, `no link matching ${pattern}`);
  return href;
}

/** Opens each path, checks that it answered, runs axe on it and checks that it reflows. */
export async function sweepPages(page: Page, paths: string[], who: string): Promise<void> {
  for (const path of paths) {
    const response = await page.goto(path);
    assert.ok(response && response.status() < 400, `${who}: ${path} answered ${response?.status()}`);
    await checkA11y(page, `${who}: ${path}`);
    await checkReflow(page, `${who}: ${path}`);
  }
}

/**
 * Axe runs as a script, which a page opened with JavaScript disabled does not run. For such a page this
 * checks a copy of its markup (its own script left out, so nothing enhances it) in a scratch context
 * that loads the same styles from the server.
 */
export async function checkA11yWithoutScripts(page: Page, label: string): Promise<void> {
  const url = page.url();
  const markup = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  assert.ok(browser, 'the page belongs to a launched browser');
  const context = await browser.newContext({ viewport: page.viewportSize() });
  try {
    const copy = await context.newPage();
    await copy.route(
      (u) => u.href === url,
      (route) => route.fulfill({ body: markup, contentType: 'text/html; charset=utf-8' }),
    );
    await copy.goto(url);
    assert.equal(await copy.locator('script').count(), 0, 'the copy runs no script of the app');
    await checkA11y(copy, `${label} (its markup, checked in a copy)`);
  } finally {
    await context.close();
  }
}

/** Runs an action that leads to another page (a click, Enter) and waits until that page has loaded. */
export async function untilLoaded(page: Page, action: () => Promise<void>): Promise<void> {
  const loaded = page.waitForEvent('load');
  await action();
  await loaded;
}

/** Signs in through the login form the page shows (e.g. after a redirect to it) and waits for the next page. */
export async function signIn(page: Page, email: string, password = testPassword): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
  const url = new URL(page.url());
  const db = journeyDatabases.get(url.origin);
  if (url.pathname === '/sign-in/second-factor' && db) {
    // The account has an authenticator app (platform administrators and coordinators must):
    // type the code it would show, as the person would.
    await page.getByLabel('Code', { exact: true }).fill(await nextCodeFor(db, email));
    await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
  }
}

/** Presses a key that submits a form or follows a link, and waits until the next page has loaded. */
export async function pressAndLoad(page: Page, key: string): Promise<void> {
  await untilLoaded(page, () => page.keyboard.press(key));
}

/** An element's text as a person hears it: visually hidden parts included, whitespace collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).first().textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** What has keyboard focus: enough to assert where Tab or a link moved it. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { tag: '', id: '', text: '', href: '' };
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: el.innerText.trim(),
      href: el.getAttribute('href') ?? '',
    };
  });
}

/** True when the focused element shows a focus indicator: an outline or a box shadow. */
export async function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return false;
    const style = getComputedStyle(el);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return hasOutline || style.boxShadow !== 'none';
  });
}

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  description: string,
  predicate: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  limit = 30,
) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (predicate(now)) return now;
  }
  assert.fail(`Tab did not reach ${description} within ${limit} presses`);
}

/** The password of the demo colleagues in journeys that run on the demo data. */
export const demoPassword = testPassword;

/**
 * A journey on the demo data (`seed-demo`, seeded once per run in the demo template), for journeys
 * and sweeps of pages that need realistic content.
 */
export async function startDemoJourney(): Promise<Journey> {
  return startJourney('demo');
}

/** A new page signed in as Rotterdam's administrator of the demo data. */
export async function signedInAsRotterdamAdmin(
  journey: Journey,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await journey.newPage({ viewport });
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  return page;
}
