import { KindGuard, type TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';

/** One thing wrong with the content, located by file and by path inside it. */
export interface Problem {
  file: string;
  path: Path;
  message: string;
}

export type Path = readonly (string | number)[];

/** A framework that breaks a content rule: the message lists every problem, one per line. */
export class FrameworkError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'FrameworkError';
  }
}

/** `questions[2].levels`, `actions["1"][0].tasks[0]`: readable and unambiguous. */
export function formatPath(path: Path): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) return `[${JSON.stringify(part)}]`;
      return index === 0 ? part : `.${part}`;
    })
    .join('');
}

export function formatProblem(problem: Problem): string {
  const where = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : '';
  return `${problem.file}: ${where}${problem.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns TypeBox's JSON pointer into a path, telling array indexes from numeric object keys. */
function pointerToPath(pointer: string, root: unknown): Path {
  const path: (string | number)[] = [];
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current = isRecord(current) ? current[segment] : undefined;
    }
  }
  return path;
}

const languageNames: Record<string, string> = { nl: 'Dutch', en: 'English' };

function describeError(error: ValueError, path: Path): string {
  const last = path.at(-1);
  const language = typeof last === 'string' ? languageNames[last] : undefined;
  if (language && error.value === undefined) return `${language} text is missing`;
  if (language && error.type === ValueErrorType.StringMinLength) return `${language} text is empty`;
  if (error.type === ValueErrorType.ArrayMinItems || error.type === ValueErrorType.ArrayMaxItems) {
    const found = Array.isArray(error.value) ? error.value.length : 0;
    const noun = last === 'levels' && path.length > 1 ? 'statements' : String(last ?? 'items');
    const { minItems, maxItems } = error.schema;
    const expected = minItems === maxItems ? `${String(minItems)}` : `at least ${String(minItems)}`;
    return `expected ${expected} ${noun}, found ${found}`;
  }
  if (error.type === ValueErrorType.Union && KindGuard.IsUnion(error.schema)) {
    const options = error.schema.anyOf.filter((option) => KindGuard.IsLiteral(option));
    const names = options.map((option) => String(option.const)).join(', ');
    if (names) return `expected one of ${names}, found ${JSON.stringify(error.value)}`;
  }
  if (error.type === ValueErrorType.ObjectAdditionalProperties) return 'unexpected property';
  return error.message.charAt(0).toLowerCase() + error.message.slice(1);
}

/** The schema's verdict on one file, one problem per path (TypeBox reports a missing field twice). */
export function schemaProblems(file: string, schema: TSchema, data: unknown): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of Value.Errors(schema, data)) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    const path = pointerToPath(error.path, data);
    problems.push({ file, path, message: describeError(error, path) });
  }
  return problems;
}

const placeholder = /\b(?:todo|tbd|fixme|lorem|x{3,})\b|\.{3}|…/i;

/** Blank or placeholder text anywhere in a file, whatever the schema thinks of the rest. */
export function textProblems(file: string, data: unknown, path: Path = []): Problem[] {
  if (typeof data === 'string') {
    if (data.length > 0 && data.trim() === '') return [{ file, path, message: 'text is blank' }];
    const match = placeholder.exec(data);
    return match ? [{ file, path, message: `placeholder text "${match[0]}"` }] : [];
  }
  if (Array.isArray(data)) return data.flatMap((item: unknown, i) => textProblems(file, item, [...path, i]));
  if (!isRecord(data)) return [];
  return Object.entries(data).flatMap(([key, value]) => textProblems(file, value, [...path, key]));
}
