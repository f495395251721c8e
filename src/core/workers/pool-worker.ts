import { runsCompiled } from '../runtime.ts';
import { revive, type TaskMessage } from './worker-tasks.ts';

/**
 * The entry of every pool thread (Piscina calls the default export with each task). A task names a
 * module and one of its exported functions; the module is imported once per thread and cached by
 * Node. Buffers arrive as plain Uint8Arrays (structured cloning drops the Buffer prototype), so they
 * are made Buffers again before the call.
 *
 * Node 20 gives a worker thread no ES module hooks of the main thread's `--import tsx`: this file is
 * loaded through tsx's require hook (the pool's execArgv), and registers tsx for `import()` here.
 * The compiled server's modules are JavaScript: nothing to register.
 */
let registered = runsCompiled;

export default async function runTask(message: TaskMessage): Promise<unknown> {
  if (!registered) {
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
  }
  const module = (await import(message.module)) as Record<string, unknown>;
  const fn = module[message.name];
  if (typeof fn !== 'function') throw new Error(`${message.module} exports no function ${message.name}`);
  return (await (fn as (...args: unknown[]) => unknown)(...(revive(message.args) as unknown[]))) ?? null;
}
