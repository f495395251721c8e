import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { outbox } from '../../core/mail/mail.tables.ts';
import { createMailer } from '../../core/mail/outbox.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { createUser, testPassword } from '../../testing/factories.ts';
import { freshAddress, postFrom, stampFrom, validBrigadeForm, validGuideForm } from './intake.fixtures.ts';
import { brigadeCases, guideRequests } from './intake.tables.ts';

/** A real SMTP server on loopback that records each recipient it accepts a mail for. */
async function startSmtp(port: number, received: string[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  assert.ok(address && typeof address === 'object');
  return { server, port: (address satisfies AddressInfo).port };
}

const stop = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('intake mail survives an SMTP outage: nothing lost, nothing sent twice', () => {
  let t: TestApp;
  let server: SMTPServer | undefined;
  let port: number;
  const received: string[] = [];

  before(async () => {
    ({ server, port } = await startSmtp(0, received));
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    t.app.services.mailer.close();
    if (server) await stop(server);
    await t.close();
  });

  it('stores every request while the server is down, retries the waiting mail once it is back, and delivers each exactly once', async () => {
    const client = new TestClient(t.app);
    const mailer = t.app.services.mailer;
    const emails = Array.from({ length: 8 }, (_, i) => `aanvrager${i}@zoetermeer.example`);
    for (const [i, email] of emails.entries()) {
      if (i === 3 && server) {
        await stop(server); // The mail server goes away in the middle of the run.
        server = undefined;
      }
      const response = await postFrom(
        client,
        t.app,
        '/handreiking',
        { ...validGuideForm, email, ...stampFrom(t.app) },
        freshAddress(),
      );
      assert.equal(response.statusCode, 303, `request ${i} is accepted`);
      await mailer.deliverDue();
    }
    const brigade = await postFrom(
      client,
      t.app,
      '/brigade',
      { ...validBrigadeForm, contactEmail: 'brigade@delft.example', ...stampFrom(t.app) },
      freshAddress(),
    );
    assert.equal(brigade.statusCode, 303, 'a Brigade question is accepted while mail is down');
    assert.deepEqual(await mailer.deliverDue(), { sent: 0, failed: 1 });

    assert.equal((await t.db.select().from(guideRequests)).length, 8, 'every request is stored');
    assert.equal((await t.db.select().from(brigadeCases)).length, 1);
    assert.deepEqual(received.sort(), emails.slice(0, 3).sort(), 'only the mail before the outage arrived');
    const waiting = await t.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    assert.equal(waiting.length, 6, 'five handreiking mails and one Brigade confirmation wait');
    assert.ok(
      waiting.every((m) => m.lastError && m.attempts === 1),
      'each waits with its error for a retry',
    );

    const coordinator = await createUser(t.db, { coordinates: ['zuid-holland'] });
    const staff = new TestClient(t.app);
    await staff.signIn(coordinator.email, testPassword);
    assert.match((await staff.get('/networks/zuid-holland/intake')).body, /6 e-mails wachten op verzending/);

    ({ server } = await startSmtp(port, received));
    // The backoff has passed (the outbox test checks its length); two processes deliver at once.
    await t.db
      .update(outbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(outbox.status, 'pending'));
    const other = createMailer(t.db, `smtp://127.0.0.1:${port}`, t.config.mailFrom);
    const results = await Promise.all([mailer.deliverDue(), other.deliverDue(), mailer.deliverDue()]);
    other.close();
    assert.equal(
      results.reduce((n, r) => n + r.sent, 0),
      6,
    );
    assert.deepEqual(await mailer.deliverDue(), { sent: 0, failed: 0 });

    const expected = [...emails, 'brigade@delft.example'].sort();
    assert.deepEqual(received.sort(), expected, 'every requester got exactly one mail');
    assert.equal(new Set(received).size, received.length, 'no mail was sent twice');
  });
});
