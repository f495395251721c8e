/**
 * How this process runs its own code: as the compiled JavaScript in dist/ (`npm start`, the
 * container image; decision 0033) or as TypeScript through tsx (tests, development, the command line).
 * Worker threads need to know: under tsx each registers tsx's hooks first; compiled, none does.
 */
export const runsCompiled = import.meta.url.endsWith('.js');

/** A module beside `base` (an `import.meta.url`), with the extension the running code has. */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${runsCompiled ? '.js' : '.ts'}`, base);
}
