/**
 * Heavy work (PDF, DOCX, PNG, reading spreadsheets) is described as a task: a module and the name of
 * a function it exports. The pool's threads import the module themselves, so a task's arguments and
 * result must be plain data that structured cloning keeps (no functions, no class instances other
 * than Date, Map, Set, Error and typed arrays). The core knows no slice: each slice defines its own
 * tasks next to the functions they run.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

export interface Task<A extends unknown[], R> {
  /** A `file:` URL of the module, from `new URL('./x.ts', import.meta.url)`. */
  readonly module: string;
  /** The exported function's name. */
  readonly name: string;
  /** The same function, for running without a pool (the command line, the demo seed). */
  readonly fn: (...args: A) => R | Promise<R>;
}

/** The message posted to a pool thread. */
export interface TaskMessage {
  module: string;
  name: string;
  args: unknown[];
}

/**
 * A task for `fn`, exported as `name` by the module at `moduleUrl`. Pass the function itself too:
 * it gives the task its types, and a check at definition catches a wrong name.
 */
export function defineTask<F extends AnyFunction>(
  moduleUrl: URL,
  name: string,
  fn: F,
): Task<Parameters<F>, Awaited<ReturnType<F>>> {
  if (fn.name !== name) throw new Error(`task ${name} is defined with the function ${fn.name}`);
  return { module: moduleUrl.href, name, fn: fn as (...args: Parameters<F>) => Awaited<ReturnType<F>> };
}

export interface RunOptions {
  /** Aborts the task: taken off the queue if it has not started, stopped if it has. */
  signal?: AbortSignal;
  /** Instead of the pool's time limit (waiting in the queue included). */
  timeoutMs?: number;
}

/** Runs tasks: the app's worker pool, or `inlineRunner` where there is no pool. */
export interface TaskRunner {
  run<A extends unknown[], R>(task: Task<A, R>, args: A, options?: RunOptions): Promise<R>;
}

/** Runs a task on the calling thread: for the command line and the demo seed, never in a request. */
export const inlineRunner: TaskRunner = {
  async run(task, args) {
    return task.fn(...args);
  },
};

/**
 * Turns the Uint8Arrays that structured cloning makes of Buffers back into Buffers (without copying),
 * in arrays and plain objects at any depth; everything else is returned as it is.
 */
export function revive(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revive(record[key]);
  }
  return value;
}
