import { threadId } from 'node:worker_threads';
import { defineTask } from './worker-tasks.ts';

/** Tasks for the pool's own tests and the bench: they say where they ran and hold a thread. */

/** Holds the thread for `ms` milliseconds (as a long render would), then says which thread it was. */
export function holdThread(ms: number): number {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return threadId;
}

/** The bytes back, reversed, with the thread that reversed them. */
export function reverseBytes(bytes: Buffer): { bytes: Buffer; isBuffer: boolean; threadId: number } {
  return { bytes: Buffer.from(bytes).reverse(), isBuffer: Buffer.isBuffer(bytes), threadId };
}

export const holdThreadTask = defineTask(new URL(import.meta.url), 'holdThread', holdThread);
export const reverseBytesTask = defineTask(new URL(import.meta.url), 'reverseBytes', reverseBytes);
