import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { types } from '@electric-sql/pglite';
import { PgliteClient } from './pglite-client.ts';

/**
 * The embedded database in its worker thread behaves as PGlite in one thread: results, errors with
 * PostgreSQL's fields, transactions that commit or roll back and keep other queries waiting, dumps.
 * These run on PGlite whichever database the rest of the suite uses.
 */
describe('the embedded database in its worker thread', () => {
  let client: PgliteClient;

  before(async () => {
    client = await PgliteClient.start({});
    await client.query('create table notes (id int primary key, body text not null)');
  });
  after(async () => {
    await client.close();
  });

  const count = async () =>
    Number((await client.query<{ n: number }>('select count(*)::int as n from notes')).rows[0]?.n);

  test('returns rows as objects or arrays, with parameters, and keeps asked types as text', async () => {
    await client.query('insert into notes values ($1, $2), ($3, $4)', [1, 'een', 2, 'twee']);
    const objects = await client.query('select id, body from notes order by id');
    assert.deepEqual(objects.rows, [
      { id: 1, body: 'een' },
      { id: 2, body: 'twee' },
    ]);
    assert.deepEqual(
      objects.fields.map((f) => f.name),
      ['id', 'body'],
    );
    const arrays = await client.query('select id, body from notes where id = $1', [2], { rowMode: 'array' });
    assert.deepEqual(arrays.rows, [[2, 'twee']]);
    const moment = `timestamptz '2026-11-28 12:00:00+00' as at`;
    const parsed = await client.query<{ at: unknown }>(`select ${moment}`);
    assert.ok(parsed.rows[0]?.at instanceof Date, 'a timestamp becomes a Date by default');
    const text = await client.query<{ at: unknown }>(`select ${moment}`, [], {
      parsers: { [types.TIMESTAMPTZ]: (value: string) => value },
    });
    assert.equal(typeof text.rows[0]?.at, 'string', 'as drizzle asks, the timestamp stays text');
    await client.query('delete from notes');
  });

  test("passes PostgreSQL's error fields to the caller", async () => {
    await client.query("insert into notes values (10, 'eerste')");
    await assert.rejects(client.query("insert into notes values (10, 'tweede')"), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /duplicate key/);
      assert.equal(Reflect.get(error, 'code'), '23505');
      assert.equal(Reflect.get(error, 'constraint'), 'notes_pkey');
      return true;
    });
    await client.query('delete from notes');
  });

  test('commits a transaction that succeeds and rolls back one that throws', async () => {
    await client.transaction(async (tx) => {
      await tx.query("insert into notes values (20, 'blijft')");
    });
    await assert.rejects(
      client.transaction(async (tx) => {
        await tx.query("insert into notes values (21, 'verdwijnt')");
        throw new Error('stop');
      }),
      /stop/,
    );
    const rows = await client.query<{ id: number }>('select id from notes order by id');
    assert.deepEqual(
      rows.rows.map((r) => r.id),
      [20],
    );
    await client.query('delete from notes');
  });

  test('lets a query from outside wait until an open transaction ends', async () => {
    const events: string[] = [];
    let outside: Promise<number> | undefined;
    await client.transaction(async (tx) => {
      await tx.query("insert into notes values (30, 'in de transactie')");
      outside = count().then((n) => {
        events.push('outside read');
        return n;
      });
      // Give the outside query every chance to overtake the transaction.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query("insert into notes values (31, 'nog een')");
      events.push('transaction done');
    });
    assert.equal(await outside, 2, 'the outside query saw the committed transaction');
    assert.deepEqual(events, ['transaction done', 'outside read']);
    await client.query('delete from notes');
  });

  test('dumps the database, and a new worker starts from the dump', async () => {
    await client.query("insert into notes values (40, 'bewaard')");
    const dump = await client.dumpDataDir();
    const copy = await PgliteClient.start({ loadDataDir: dump });
    try {
      const rows = await copy.query<{ body: string }>('select body from notes');
      assert.deepEqual(rows.rows, [{ body: 'bewaard' }]);
    } finally {
      await copy.close();
    }
    await client.query('delete from notes');
  });

  test('refuses to start from something that is not a dump', async () => {
    await assert.rejects(PgliteClient.start({ loadDataDir: new Blob(['geen database']) }));
  });

  test('fails every call with a clear message once closed', async () => {
    const other = await PgliteClient.start({});
    let failures = 0;
    other.onFailure(() => failures++);
    await other.close();
    await assert.rejects(other.query('select 1'), /database worker stopped/);
    assert.equal(failures, 0, 'closing is not a failure');
  });
});
