import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the demo data lives: one YAML file per slice or concept. */
export const demoContentDir = path.join(repositoryRoot, 'content', 'demo');

/** A demo file that cannot be read or does not match its schema; the message names file and path. */
export class DemoContentError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DemoContentError';
  }
}

/** One of the given strings, as a schema: reuses a slice's `as const` list (roles, statuses, …). */
export function oneOf<const T extends string>(values: readonly T[]): TUnion<TLiteral<T>[]> {
  return Type.Union(values.map((value) => Type.Literal(value)));
}

/** `content/demo/x.yaml` for files in the repository, the full path for others (tests). */
function shownPath(file: string): string {
  const relative = path.relative(repositoryRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

const kindNames: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.String]: 'a string',
  [ValueErrorType.Number]: 'a number',
  [ValueErrorType.Integer]: 'an integer',
  [ValueErrorType.Boolean]: 'true or false',
  [ValueErrorType.Array]: 'a list',
  [ValueErrorType.Object]: 'a mapping',
  [ValueErrorType.Null]: 'null',
};

function describe(error: ValueError): string {
  const kind = kindNames[error.type];
  if (error.value === undefined) return 'is missing';
  if (kind) return `must be ${kind}`;
  if (error.type === ValueErrorType.ObjectAdditionalProperties) return 'is not expected here';
  if (error.type === ValueErrorType.Union) {
    const options: unknown[] = Array.isArray(error.schema.anyOf) ? error.schema.anyOf : [];
    const literals = options.flatMap((option) =>
      typeof option === 'object' && option !== null && 'const' in option ? [String(option.const)] : [],
    );
    if (literals.length === options.length && literals.length > 0)
      return `must be one of ${literals.join(', ')} (found ${JSON.stringify(error.value)})`;
  }
  return error.message.charAt(0).toLowerCase() + error.message.slice(1);
}

/** One line per bad value (TypeBox reports some twice), e.g. `/contracts/3/endDate must be a string`. */
function schemaProblems(schema: TSchema, data: unknown): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const error of Value.Errors(schema, data)) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    problems.push(`${error.path || '/'} ${describe(error)}`);
  }
  return problems;
}

function failure(file: string, problems: readonly string[]): DemoContentError {
  const lines = problems.map((problem) => `${shownPath(file)}: ${problem}`);
  return new DemoContentError(lines.join('\n'), lines);
}

/**
 * Reads `content/demo/<name>.yaml` and checks it against `schema`; the result is typed by the schema.
 * Throws a DemoContentError naming the file and the path of every bad value.
 */
export function loadDemoContent<T extends TSchema>(
  name: string,
  schema: T,
  dir: string = demoContentDir,
): Static<T> {
  const file = path.join(dir, `${name}.yaml`);
  if (!fs.existsSync(file)) throw failure(file, ['file not found']);
  const document = parseDocument(fs.readFileSync(file, 'utf8'));
  if (document.errors.length > 0)
    throw failure(
      file,
      document.errors.map((error) => `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`),
    );
  const data: unknown = document.toJS();
  if (Value.Check(schema, data)) return data;
  throw failure(file, schemaProblems(schema, data));
}
