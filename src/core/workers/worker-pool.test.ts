import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { threadId } from 'node:worker_threads';
import { HttpError } from '../http/errors.ts';
import { holdThreadTask, reverseBytesTask } from './worker-pool.fixtures.ts';
import { WorkerPool } from './worker-pool.ts';
import { defineTask, inlineRunner } from './worker-tasks.ts';

describe('the worker pool', () => {
  const pools: WorkerPool[] = [];
  const poolOf = (threads: number, queueSize: number, taskTimeoutMs = 30_000) => {
    const pool = new WorkerPool({ threads, queueSize, taskTimeoutMs });
    pools.push(pool);
    return pool;
  };
  after(async () => {
    for (const pool of pools) await pool.close();
  });

  it('runs a task on another thread and gives Buffers back as Buffers', async () => {
    const pool = poolOf(1, 4);
    const result = await pool.run(reverseBytesTask, [Buffer.from([1, 2, 3])]);
    assert.notEqual(result.threadId, threadId);
    assert.equal(result.isBuffer, true, 'the task received a Buffer');
    assert.ok(Buffer.isBuffer(result.bytes));
    assert.deepEqual([...result.bytes], [3, 2, 1]);
  });

  it('refuses a task as busy (503) when the threads and the queue are full', async () => {
    const pool = poolOf(1, 1);
    await pool.run(holdThreadTask, [1]); // the thread is started and waiting
    const running = pool.run(holdThreadTask, [400]);
    const queued = pool.run(holdThreadTask, [1]);
    await assert.rejects(pool.run(holdThreadTask, [1]), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 503);
      assert.equal(error.extra.reason, 'busy');
      return true;
    });
    assert.equal(typeof (await running), 'number');
    assert.equal(typeof (await queued), 'number');
  });

  it('stops a task past its time limit with a 503, and the next task still runs', async () => {
    const pool = poolOf(1, 1);
    await assert.rejects(pool.run(holdThreadTask, [60_000], { timeoutMs: 300 }), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.extra.reason, 'tooSlow');
      return true;
    });
    assert.equal(typeof (await pool.run(holdThreadTask, [1])), 'number');
  });

  it('drops a queued task whose request was abandoned, before it starts', async () => {
    const pool = poolOf(1, 2);
    const running = pool.run(holdThreadTask, [300]);
    const gone = new AbortController();
    const abandoned = pool.run(reverseBytesTask, [Buffer.from([1])], { signal: gone.signal });
    assert.equal(pool.load.queued, 1);
    gone.abort();
    await assert.rejects(abandoned, { name: 'AbortError' });
    assert.equal(pool.load.queued, 0);
    await running;
  });

  it('ends its threads when closed', async () => {
    const pool = poolOf(1, 1);
    await pool.run(holdThreadTask, [1]);
    assert.equal(pool.load.threads, 1);
    await pool.close();
    assert.equal(pool.load.threads, 0);
  });

  it('runs the same task on the calling thread without a pool (command line, demo seed)', async () => {
    assert.equal(await inlineRunner.run(holdThreadTask, [1]), threadId);
  });

  it('refuses a task defined under another name than its function', () => {
    assert.throws(() => defineTask(new URL(import.meta.url), 'other', holdThreadTask.fn), /holdThread/);
  });
});
