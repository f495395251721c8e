import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import {
  defaultContentDir,
  FrameworkError,
  listFrameworkVersions,
  loadFramework,
} from './framework-loader.ts';
import { carriedQuestions, mappingProblems } from './framework-mapping.ts';
import type { Framework, PillarId, Question, Text, Theme } from './framework.schemas.ts';
import { frameworkVersions } from './framework.tables.ts';

/** Loaded versions, by version: content never changes while the process runs. */
const cache = new Map<string, Framework>();
let latestVersion: string | undefined;

export interface RegisteredFramework {
  version: string;
  hash: string;
  /** False when this installation had already recorded the version (with the same hash). */
  isNew: boolean;
}

/** 2026.1 → 2026.2: the version directory to suggest for a change to a published version. */
function nextVersion(latest: string): string {
  const [year, minor] = latest.split('.');
  return `${year ?? latest}.${Number(minor ?? 0) + 1}`;
}

function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

async function recordVersion(db: Db, framework: Framework, suggestion: string): Promise<RegisteredFramework> {
  const { version, hash } = framework;
  const inserted = await db
    .insert(frameworkVersions)
    .values({ version, frameworkId: framework.id, contentHash: hash })
    .onConflictDoNothing()
    .returning({ version: frameworkVersions.version });
  if (inserted.length > 0) return { version, hash, isNew: true };

  const [stored] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.version, version));
  if (stored && stored.contentHash !== hash)
    throw new FrameworkError(
      `Framework version ${version} was published and has changed since (hash ${shortHash(stored.contentHash)}≠${shortHash(hash)}). ` +
        `A published version never changes: put the change in a new version directory, e.g. ${suggestion}.`,
    );
  return { version, hash, isNew: false };
}

/**
 * Loads and checks every framework version and records it with its hash; a broken version or a
 * changed published one stops the start. Idempotent, and safe for several processes starting at once.
 */
export async function registerFrameworks(
  db: Db,
  contentDir = defaultContentDir,
): Promise<RegisteredFramework[]> {
  const versions = listFrameworkVersions(contentDir);
  const latest = versions.at(-1);
  if (!latest) throw new FrameworkError(`No framework version found in ${contentDir}`);
  const frameworks = versions.map((version) => loadFramework(version, contentDir));
  checkMappings(frameworks);
  const registered: RegisteredFramework[] = [];
  for (const framework of frameworks)
    registered.push(await recordVersion(db, framework, nextVersion(latest)));
  if (contentDir === defaultContentDir)
    for (const framework of frameworks) cache.set(framework.version, framework);
  return registered;
}

/** A mapping must cover the version it maps from, when that version is shipped too. */
export function checkMappings(frameworks: readonly Framework[]): void {
  for (const next of frameworks) {
    const previous = frameworks.find((framework) => framework.version === next.mapping?.from);
    if (!next.mapping || !previous) continue;
    const problems = mappingProblems(next.mapping, previous, next);
    if (problems.length > 0)
      throw new FrameworkError(
        `Framework ${next.version}'s mapping from ${previous.version} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
        problems,
      );
  }
}

/**
 * The questions on which scans of two versions can be compared: per question id of \`a\`, the id of
 * the question in \`b\` that asks the same. Every question for one version; the same and reworded
 * questions of a mapping between consecutive versions; undefined when the versions have no mapping.
 */
export function comparableQuestions(a: Framework, b: Framework): Map<string, string> | undefined {
  if (a.version === b.version) {
    const ids = a.themes.flatMap((theme) => theme.questions.map((question) => question.id));
    return new Map(ids.map((id) => [id, id]));
  }
  if (a.mapping?.from === b.version)
    return new Map([...carriedQuestions(a.mapping)].map(([to, { from }]) => [to, from]));
  if (b.mapping?.from === a.version)
    return new Map([...carriedQuestions(b.mapping)].map(([to, { from }]) => [from, to]));
  return undefined;
}

/** A shipped framework version, loaded and checked once per process. */
export function getFramework(version: string): Framework {
  const cached = cache.get(version);
  if (cached) return cached;
  if (!listFrameworkVersions().includes(version))
    throw new FrameworkError(`Unknown framework version ${version}`);
  const framework = loadFramework(version);
  cache.set(version, framework);
  return framework;
}

/** The newest shipped version: new scans use it. */
export function latestFrameworkVersion(): string {
  latestVersion ??= listFrameworkVersions().at(-1);
  if (!latestVersion) throw new FrameworkError(`No framework version found in ${defaultContentDir}`);
  return latestVersion;
}

export function findQuestion(
  framework: Framework,
  questionId: string,
): { question: Question; theme: Theme } | undefined {
  for (const theme of framework.themes) {
    const question = theme.questions.find((candidate) => candidate.id === questionId);
    if (question) return { question, theme };
  }
  return undefined;
}

/** The themes of one pillar, in display order. */
export function themesOfPillar(framework: Framework, pillarId: PillarId): Theme[] {
  return framework.themes.filter((theme) => theme.pillar === pillarId);
}

export function localise(text: Text, locale: Locale): string {
  return text[locale];
}
