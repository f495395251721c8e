import type { FastifyReply, FastifyRequest } from 'fastify';
import { Piscina } from 'piscina';
import { HttpError } from '../http/errors.ts';
import { runsCompiled, siblingModule } from '../runtime.ts';
import { revive, type RunOptions, type Task, type TaskMessage, type TaskRunner } from './worker-tasks.ts';

/**
 * The app's pool of worker threads for heavy work (decision 0009): PDF, DOCX and PNG building and
 * reading spreadsheets run there, so that one export or upload never holds the thread that answers
 * every other request. Piscina keeps the threads, the bounded queue and the cancellation.
 */
export interface WorkerPoolOptions {
  /** Threads at most; started when work arrives, ended after a minute without work. */
  threads: number;
  /** Tasks that may wait for a free thread; one more is refused as busy (503). */
  queueSize: number;
  /** A task running longer is stopped (its thread is replaced) and answered with 503. */
  taskTimeoutMs: number;
}

/** Seconds the busy page asks a client to wait (`Retry-After`). */
export const retryAfterSeconds = 60;

/** The pool's queue is full: "busy, try again in a minute". */
export const busy = () => new HttpError(503, undefined, { reason: 'busy' });
/** A task ran past its time limit. */
export const tooSlow = () => new HttpError(503, undefined, { reason: 'tooSlow' });

/**
 * Node 20 starts a worker thread without the main thread's `--import tsx` hooks unless they are in
 * its own execArgv; under tsx the tasks' modules are TypeScript, so every thread registers tsx
 * first. Compiled, they are JavaScript and need nothing.
 */
const execArgv = runsCompiled ? [] : ['--import', import.meta.resolve('tsx')];

/** Piscina's two ways of saying that no thread and no place in the queue is free. */
const isQueueFull = (error: Error) =>
  error.message === 'Task queue is at limit' || error.message.startsWith('No task queue available');

export class WorkerPool implements TaskRunner {
  readonly #piscina: Piscina<TaskMessage, unknown>;
  readonly #taskTimeoutMs: number;
  readonly #capacity: number;
  #inFlight = 0;

  constructor(options: WorkerPoolOptions) {
    this.#taskTimeoutMs = options.taskTimeoutMs;
    this.#capacity = options.threads + options.queueSize;
    this.#piscina = new Piscina({
      filename: siblingModule('pool-worker', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      maxQueue: options.queueSize,
      idleTimeout: 60_000,
      execArgv,
      // Lower priority than the main thread: when the cores are busy, answering requests goes first.
      // Moderately: on a machine shared with other busy processes, 10 starved a render past a minute.
      niceIncrement: 5,
    });
  }

  /** Tasks waiting for a thread and threads started, for the operations page and tests. */
  get load(): { queued: number; running: number; threads: number } {
    const queued = this.#piscina.queueSize;
    return { queued, running: this.#inFlight - queued, threads: this.#piscina.threads.length };
  }

  async run<A extends unknown[], R>(task: Task<A, R>, args: A, options: RunOptions = {}): Promise<R> {
    // Counted here: Piscina keeps tasks with an abort signal (all of ours) in a queue it does not bound.
    if (this.#inFlight >= this.#capacity) throw busy();
    this.#inFlight++;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#taskTimeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const message: TaskMessage = { module: task.module, name: task.name, args };
      return revive(await this.#piscina.run(message, { signal })) as R;
    } catch (error) {
      if (error instanceof Error && isQueueFull(error)) throw busy();
      if (timeout.aborted && !options.signal?.aborted) throw tooSlow();
      throw error;
    } finally {
      this.#inFlight--;
    }
  }

  /** Ends the threads; tasks still queued are refused. */
  async close(): Promise<void> {
    await this.#piscina.close({ force: true });
  }
}

const repliesOf = new WeakMap<FastifyRequest, FastifyReply>();

/** Lets `workersOf` see when the client of a request goes away; registered once by the app. */
export function rememberReply(request: FastifyRequest, reply: FastifyReply): void {
  repliesOf.set(request, reply);
}

/**
 * The pool, bound to the request: when its client goes away before the answer, the request's
 * queued task is dropped and a running one stopped, so an abandoned upload costs nothing more.
 */
export function workersOf(request: FastifyRequest): TaskRunner {
  const pool = request.server.services.workers;
  const response = repliesOf.get(request)?.raw;
  if (!response) return pool;
  return {
    async run(task, args, options = {}) {
      const gone = new AbortController();
      const onClose = () => {
        if (!response.writableFinished) gone.abort(new Error('the client went away'));
      };
      response.once('close', onClose);
      const signals = options.signal ? [options.signal, gone.signal] : [gone.signal];
      try {
        return await pool.run(task, args, { signal: AbortSignal.any(signals) });
      } finally {
        response.off('close', onClose);
      }
    },
  };
}
