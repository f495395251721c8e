import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import {
  checkFrameworkFile,
  checkTheme,
  checkThemeListing,
  checkUniqueIds,
  checkWhole,
  frameworkFileName,
  themeFileName,
  type ThemeFile,
} from './framework-checks.ts';
import {
  FrameworkError,
  formatProblem,
  schemaProblems,
  textProblems,
  type Problem,
} from './framework-problems.ts';
import { readMapping } from './framework-mapping.ts';
import { runsCompiled } from '../../core/runtime.ts';
import { FrameworkFile, Theme, type Framework } from './framework.schemas.ts';

export { FrameworkError } from './framework-problems.ts';

export const defaultContentDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../content/frameworks',
);

/**
 * The build's checked copy of each shipped version, one JSON file per version
 * (scripts/build-server.ts): the compiled server reads it instead of parsing and checking the YAML
 * at every start (about half a second), as long as its hash still matches the content.
 */
const compiledFrameworksDir = runsCompiled
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../frameworks')
  : undefined;

/** Writes a loaded (so checked) version where `loadFramework` looks for it. */
export function writeCompiledFramework(dir: string, framework: Framework): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${framework.version}.json`), JSON.stringify(framework));
}

function readCompiledFramework(compiledDir: string, version: string, dir: string): Framework | undefined {
  const file = path.join(compiledDir, `${version}.json`);
  if (!fs.existsSync(file)) return undefined;
  const framework = JSON.parse(fs.readFileSync(file, 'utf8')) as Framework;
  return framework.hash === hashVersion(dir) ? framework : undefined;
}

/** The version directories, oldest first (2026.2 before 2026.10). */
export function listFrameworkVersions(contentDir = defaultContentDir): string[] {
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Every file of a version, as a path relative to its directory with forward slashes, sorted. */
function versionFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return versionFiles(dir, relative);
      return entry.isFile() ? [relative] : [];
    })
    .sort();
}

/** sha256 over name and content of every file, so that any change to a published version shows. */
function hashVersion(dir: string): string {
  const hash = createHash('sha256');
  for (const file of versionFiles(dir)) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Parses and checks one file; returns its data only when the schema accepts it. */
function readFile<T extends TSchema>(
  dir: string,
  file: string,
  schema: T,
  problems: Problem[],
): Static<T> | undefined {
  const document = parseDocument(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (document.errors.length > 0) {
    // The first line says what and where ("… at line 3, column 1:"); the rest is a code frame.
    for (const error of document.errors) {
      const [summary = error.code] = error.message.split('\n');
      problems.push({ file, path: [], message: `invalid YAML: ${summary.replace(/:$/, '')}` });
    }
    return undefined;
  }
  const data: unknown = document.toJS();
  problems.push(...textProblems(file, data));
  if (Value.Check(schema, data)) return data;
  problems.push(...schemaProblems(file, schema, data));
  return undefined;
}

function themeFileNames(dir: string): string[] {
  const themesDir = path.join(dir, 'themes');
  if (!fs.existsSync(themesDir)) return [];
  return fs.readdirSync(themesDir).sort();
}

function readThemes(dir: string, ids: readonly string[], problems: Problem[]): ThemeFile[] {
  return ids.flatMap((id) => {
    const file = themeFileName(id);
    if (!fs.existsSync(path.join(dir, file))) return [];
    const theme = readFile(dir, file, Theme, problems);
    return theme ? [{ file, theme }] : [];
  });
}

function frameworkProblem(version: string, dir: string, problems: readonly Problem[]): FrameworkError {
  const lines = problems.map(formatProblem);
  const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
  const message = `Framework ${version} (${dir}) has ${count}:\n${lines.map((line) => `  - ${line}`).join('\n')}`;
  return new FrameworkError(message, lines);
}

/**
 * Reads a framework version from content/frameworks/<version>/ and checks it against the schema and
 * the content rules. Collects every problem and throws them together as one FrameworkError.
 * A compiled copy of the same content, when there is one, is read instead.
 */
export function loadFramework(
  version: string,
  contentDir = defaultContentDir,
  compiledDir = contentDir === defaultContentDir ? compiledFrameworksDir : undefined,
): Framework {
  const dir = path.join(contentDir, version);
  const compiled = compiledDir ? readCompiledFramework(compiledDir, version, dir) : undefined;
  if (compiled) return compiled;
  if (!fs.existsSync(path.join(dir, frameworkFileName)))
    throw new FrameworkError(
      `Framework ${version} not found: there is no ${path.join(dir, frameworkFileName)}`,
    );

  const problems: Problem[] = [];
  const file = readFile(dir, frameworkFileName, FrameworkFile, problems);
  const fileNames = themeFileNames(dir);
  const listed = file ? file.themes : fileNames.map((name) => name.replace(/\.yaml$/, ''));
  if (file) problems.push(...checkFrameworkFile(file, version), ...checkThemeListing(file.themes, fileNames));
  const themeFiles = readThemes(dir, listed, problems);
  for (const themeFile of themeFiles) problems.push(...checkTheme(file, themeFile));
  problems.push(...checkUniqueIds(themeFiles));
  const themes = themeFiles.map((themeFile) => themeFile.theme);
  if (file && themes.length === file.themes.length) problems.push(...checkWhole(file, themes));
  const mapping = readMapping(dir);
  problems.push(...(mapping?.problems ?? []));
  if (problems.length > 0 || !file) throw frameworkProblem(version, dir, problems);

  const { id, title, description, levels, pillars, societalTasks, sources } = file;
  return {
    id,
    version,
    title,
    description,
    levels,
    pillars,
    societalTasks,
    sources,
    themes,
    ...(mapping?.mapping ? { mapping: mapping.mapping } : {}),
    hash: hashVersion(dir),
  };
}
