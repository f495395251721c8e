import fs from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import { schemaProblems, type Problem } from './framework-problems.ts';
import { MappingFile, type Framework, type MappingKind } from './framework.schemas.ts';

/**
 * How the questions of the previous version continue in a new one, from the new version's
 * mapping-from-<previous>.yaml. "same" and "reworded" carry an answer over (a reworded one marked
 * for review) and make a question comparable across the versions; the other kinds do not.
 */

const mappingFilePattern = /^mapping-from-(\d{4}\.\d+)\.yaml$/;

/** The mapping file of a version directory and the problems reading it, if it has one. */
export function readMapping(
  dir: string,
): { file: string; mapping?: MappingFile; problems: Problem[] } | undefined {
  const file = fs.readdirSync(dir).find((name) => mappingFilePattern.test(name));
  if (!file) return undefined;
  const document = parseDocument(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (document.errors.length > 0)
    return {
      file,
      problems: document.errors.map((e) => ({ file, path: [], message: `invalid YAML: ${e.code}` })),
    };
  const data: unknown = document.toJS();
  if (!Value.Check(MappingFile, data)) return { file, problems: schemaProblems(file, MappingFile, data) };
  const named = mappingFilePattern.exec(file)?.[1];
  const problems: Problem[] =
    named === data.from
      ? []
      : [{ file, path: ['from'], message: `"${data.from}" differs from the file name` }];
  return { file, mapping: data, problems };
}

const questionIds = (framework: Framework) =>
  framework.themes.flatMap((theme) => theme.questions.map((question) => question.id));

const expectedTargets: Record<MappingKind, (count: number) => boolean> = {
  same: (count) => count === 1,
  reworded: (count) => count === 1,
  split: (count) => count >= 2,
  merged: (count) => count === 1,
  removed: (count) => count === 0,
};

/**
 * Checks a mapping against both versions: every question of the previous version mapped, targets
 * only questions of the new version, each new question either a target or listed as new.
 */
export function mappingProblems(mapping: MappingFile, previous: Framework, next: Framework): string[] {
  const before = questionIds(previous);
  const after = new Set(questionIds(next));
  const problems: string[] = [];
  for (const id of before)
    if (!mapping.questions[id]) problems.push(`${previous.version} question "${id}" is not mapped`);
  const targeted = new Set<string>();
  for (const [id, entry] of Object.entries(mapping.questions)) {
    if (!before.includes(id)) problems.push(`"${id}" is not a question of ${previous.version}`);
    const targets = entry.to ?? [];
    if (!expectedTargets[entry.kind](targets.length))
      problems.push(`"${id}" is ${entry.kind} with ${targets.length} target(s)`);
    for (const target of targets) {
      targeted.add(target);
      if (!after.has(target))
        problems.push(`"${id}" points at "${target}", not a question of ${next.version}`);
    }
  }
  for (const id of mapping.new) {
    if (!after.has(id)) problems.push(`new "${id}" is not a question of ${next.version}`);
    if (targeted.has(id)) problems.push(`new "${id}" is also the target of a ${previous.version} question`);
  }
  for (const id of after)
    if (!targeted.has(id) && !mapping.new.includes(id))
      problems.push(`${next.version} question "${id}" is neither mapped to nor listed as new`);
  return problems;
}

/** A question of the new version and what it continues: the previous question, and whether reworded. */
export interface CarriedQuestion {
  from: string;
  reworded: boolean;
}

/** The questions of the new version whose answers carry over: same or reworded, one to one. */
export function carriedQuestions(mapping: MappingFile): Map<string, CarriedQuestion> {
  const carried = new Map<string, CarriedQuestion>();
  for (const [from, entry] of Object.entries(mapping.questions)) {
    const [to] = entry.to ?? [];
    if ((entry.kind === 'same' || entry.kind === 'reworded') && to)
      carried.set(to, { from, reworded: entry.kind === 'reworded' });
  }
  return carried;
}
