import fs from 'node:fs';
import path from 'node:path';

/**
 * The structure rules of docs/development.md, read from the source as text: no import cycles, the
 * core imports no slice, slices meet only at `index.ts`, a slice's plugin is imported only by
 * `app.ts` and its demo only by the command line, an `index.ts` only re-exports, and code files
 * stay short. Used by `scripts/check-structure.ts` and by its test, which plants violations.
 */

export interface Violation {
  rule: string;
  file: string;
  message: string;
}

/** Code files longer than the limit, each with the reason it may be. Keep this list short. */
export const lengthExceptions: Record<string, string> = {};

export const maxLines = 300;

const importPattern =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The relative module specifiers a file imports (packages are not part of the structure). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
}

/** A source tree: paths relative to the project root, with `/` separators, and their text. */
export type SourceTree = Map<string, string>;

export function readSourceTree(root: string, dirs = ['src']): SourceTree {
  const tree: SourceTree = new Map();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts'))
        tree.set(relative, fs.readFileSync(path.join(root, relative), 'utf8'));
    }
  };
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return tree;
}

const isTest = (file: string): boolean => /\.(test|e2e)\.ts$/.test(file);
const isCatalogue = (file: string): boolean => file.endsWith('.messages.ts');

/** `src/features/<slice>/…` → the slice's name; elsewhere undefined. */
export function sliceOf(file: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(file)?.[1];
}

function resolve(from: string, specifier: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
}

function graphOf(tree: SourceTree): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, source] of tree) {
    graph.set(
      file,
      importsOf(source)
        .map((specifier) => resolve(file, specifier))
        .filter((target) => tree.has(target)),
    );
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

const isFixture = (file: string): boolean => file.endsWith('.fixtures.ts');
const isDemo = (file: string): boolean => /\.demo\.ts$/.test(file);

function crossingViolation(file: string, target: string): Violation | undefined {
  const from = sliceOf(file);
  const to = sliceOf(target);
  if (file.startsWith('src/core/') && to) {
    return { rule: 'core-imports-no-slice', file, message: `the core imports the slice file ${target}` };
  }
  const forTests = isTest(file) || isFixture(file);
  if (isFixture(target) && !forTests) {
    return {
      rule: 'fixtures-only-from-tests',
      file,
      message: `imports ${target}; fixtures are for tests and benches`,
    };
  }
  if (!to || from === to) return undefined;
  const name = path.posix.basename(target);
  if (name === `${to}.plugin.ts`) {
    if (file === 'src/app.ts') return undefined;
    return {
      rule: 'plugin-only-from-app',
      file,
      message: `imports ${target}; only src/app.ts registers plugins`,
    };
  }
  if (name === `${to}.demo.ts`) {
    if (file.startsWith('src/cli/') || isDemo(file) || forTests) return undefined;
    return {
      rule: 'demo-only-from-cli',
      file,
      message: `imports ${target}; only src/cli/ and demo files seed demo data`,
    };
  }
  if (isFixture(target)) return undefined;
  if (name === 'index.ts') return undefined;
  return {
    rule: 'slices-meet-at-index',
    file,
    message: `imports ${target}; import src/features/${to}/index.ts instead`,
  };
}

function indexViolation(file: string, source: string): Violation | undefined {
  if (!/^src\/features\/[^/]+\/index\.ts$/.test(file)) return undefined;
  const statements = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  const other = statements.find(
    (s) => !/^export\s+(type\s+)?(\*|\{[\s\S]*\})\s+from\s+['"][^'"]+['"]$/.test(s),
  );
  if (!other) return undefined;
  return {
    rule: 'index-only-re-exports',
    file,
    message: `has "${other.split('\n')[0]}"; an index.ts only re-exports functions and types (no routes, no side effects)`,
  };
}

function lengthViolation(file: string, source: string): Violation | undefined {
  if (isTest(file) || isCatalogue(file) || !file.startsWith('src/')) return undefined;
  const lines = source.split('\n').length - (source.endsWith('\n') ? 1 : 0);
  if (lines <= maxLines || lengthExceptions[file]) return undefined;
  return {
    rule: 'file-length',
    file,
    message: `has ${lines} lines; split it (at most ${maxLines}, or name it with a reason in scripts/structure.ts)`,
  };
}

/** The roles a file name may end in: `<topic>.<role>.ts`, or `<topic>.ts` for a plain module. */
export const fileRoles = [
  'routes',
  'views',
  'service',
  'queries',
  'tables',
  'schemas',
  'model',
  'messages',
  'jobs',
  'plugin',
  'demo',
  'fixtures',
] as const;

const fileNamePattern = new RegExp(`^[a-z0-9]+(-[a-z0-9]+)*(\\.(${fileRoles.join('|')}))?(\\.test)?\\.ts$`);

function nameViolation(file: string): Violation | undefined {
  const name = path.posix.basename(file);
  if (!file.startsWith('src/') || name === 'index.ts' || fileNamePattern.test(name)) return undefined;
  return {
    rule: 'file-name',
    file,
    message: `is not named <topic>.<role>.ts with a kebab-case topic and one of the roles ${fileRoles.join(', ')}`,
  };
}

export function checkStructure(tree: SourceTree): Violation[] {
  const violations: Violation[] = [];
  const graph = graphOf(tree);
  for (const cycle of cyclesOf(graph)) {
    violations.push({
      rule: 'no-import-cycles',
      file: cycle[0] ?? '',
      message: `is in an import cycle of ${cycle.length} files: ${cycle.join(', ')}`,
    });
  }
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const violation = crossingViolation(file, target);
      if (violation) violations.push(violation);
    }
    const source = tree.get(file) ?? '';
    const index = indexViolation(file, source);
    if (index) violations.push(index);
    const length = lengthViolation(file, source);
    if (length) violations.push(length);
    const name = nameViolation(file);
    if (name) violations.push(name);
  }
  for (const file of Object.keys(lengthExceptions)) {
    if (!tree.has(file))
      violations.push({ rule: 'file-length', file, message: 'is allowed to be long but no longer exists' });
  }
  return violations;
}
