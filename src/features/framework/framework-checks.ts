import { pillarIds, type FrameworkFile, type PillarId, type Theme } from './framework.schemas.ts';
import { formatPath, type Path, type Problem } from './framework-problems.ts';

/** The cross-file rules of docs CONTENT.md that a schema cannot express. */

export const frameworkFileName = 'framework.yaml';
export const questionRange = { min: 40, max: 70 } as const;
/** The handreiking's structure: three parts of the digital foundation, six preconditions. */
export const themesPerPillar: Partial<Record<PillarId, number>> = { foundation: 3, preconditions: 6 };
const actionLevels = ['1', '2', '3', '4'] as const;

export interface ThemeFile {
  file: string;
  theme: Theme;
}

export function themeFileName(themeId: string): string {
  return `themes/${themeId}.yaml`;
}

function problem(file: string, path: Path, message: string): Problem {
  return { file, path, message };
}

function duplicates(file: string, list: string, ids: readonly string[]): Problem[] {
  return ids.flatMap((id, index) =>
    ids.indexOf(id) < index ? [problem(file, [list, index], `duplicate id "${id}"`)] : [],
  );
}

export function checkFrameworkFile(framework: FrameworkFile, version: string): Problem[] {
  const file = frameworkFileName;
  const problems: Problem[] = [];
  if (framework.version !== version)
    problems.push(problem(file, ['version'], `"${framework.version}" differs from its directory ${version}`));
  framework.levels.forEach((level, index) => {
    if (level.level !== index + 1)
      problems.push(
        problem(file, ['levels', index, 'level'], `expected level ${index + 1}, found ${level.level}`),
      );
  });
  framework.pillars.forEach((pillar, index) => {
    if (pillar.id !== pillarIds[index])
      problems.push(
        problem(file, ['pillars', index, 'id'], `expected "${pillarIds[index]}", found "${pillar.id}"`),
      );
    if (pillar.number !== index + 1)
      problems.push(
        problem(file, ['pillars', index, 'number'], `expected ${index + 1}, found ${pillar.number}`),
      );
  });
  problems.push(
    ...duplicates(
      file,
      'societalTasks',
      framework.societalTasks.map((task) => task.id),
    ),
  );
  problems.push(
    ...duplicates(
      file,
      'sources',
      framework.sources.map((source) => source.id),
    ),
  );
  problems.push(...duplicates(file, 'themes', framework.themes));
  return [...problems, ...checkSourceKinds(framework), ...checkNeeds(framework)];
}

/** Once a version says what its sources are, every source says it; an addition names and links its source. */
function checkSourceKinds(framework: FrameworkFile): Problem[] {
  if (!framework.sources.some((source) => source.kind)) return [];
  return framework.sources.flatMap((source, index) => {
    const path = ['sources', index];
    if (!source.kind) return [problem(frameworkFileName, path, 'no kind: handreiking or aanvulling')];
    if (source.kind === 'aanvulling' && (!source.url || !source.publisher))
      return [problem(frameworkFileName, path, 'an aanvulling names its publisher and url')];
    return [];
  });
}

/** A societal task's needs name listed themes, each once. */
function checkNeeds(framework: FrameworkFile): Problem[] {
  return framework.societalTasks.flatMap((task, t) =>
    (task.needs ?? []).flatMap((need, n) => {
      const path = ['societalTasks', t, 'needs', n, 'theme'];
      if (!framework.themes.includes(need.theme))
        return [problem(frameworkFileName, path, `unknown theme "${need.theme}"`)];
      const first = (task.needs ?? []).findIndex((other) => other.theme === need.theme);
      return first < n ? [problem(frameworkFileName, path, `theme "${need.theme}" listed twice`)] : [];
    }),
  );
}

/** The themes list and the files in themes/ must match one to one. */
export function checkThemeListing(listed: readonly string[], fileNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  listed.forEach((id, index) => {
    if (!fileNames.includes(`${id}.yaml`))
      problems.push(problem(frameworkFileName, ['themes', index], `no file ${themeFileName(id)}`));
  });
  for (const name of fileNames) {
    if (!listed.some((id) => `${id}.yaml` === name))
      problems.push(problem(`themes/${name}`, [], `not listed in ${frameworkFileName} themes`));
  }
  return problems;
}

/** Theme, question and action ids share one namespace: scans and strategies refer to them. */
export function checkUniqueIds(themes: readonly ThemeFile[]): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  const claim = (file: string, path: Path, id: string) => {
    const earlier = seen.get(id);
    if (earlier) problems.push(problem(file, path, `duplicate id "${id}" (also ${earlier})`));
    else seen.set(id, `${file}: ${formatPath(path)}`);
  };
  for (const { file, theme } of themes) {
    claim(file, ['id'], theme.id);
    theme.questions.forEach((question, q) => claim(file, ['questions', q, 'id'], question.id));
    for (const [level, actions] of Object.entries(theme.actions))
      actions.forEach((action, a) => claim(file, ['actions', level, a, 'id'], action.id));
  }
  return problems;
}

function checkQuestions(framework: FrameworkFile, { file, theme }: ThemeFile): Problem[] {
  const sourceIds = new Set(framework.sources.map((source) => source.id));
  return theme.questions.flatMap((question, q) => {
    const problems: Problem[] = [];
    if (!sourceIds.has(question.source))
      problems.push(problem(file, ['questions', q, 'source'], `unknown source "${question.source}"`));
    const statements = question.levels.map((level) => level.nl);
    statements.forEach((statement, s) => {
      if (statements.indexOf(statement) < s)
        problems.push(problem(file, ['questions', q, 'levels', s], 'repeats an earlier level statement'));
    });
    return problems;
  });
}

function checkActions(framework: FrameworkFile, { file, theme }: ThemeFile): Problem[] {
  const taskIds = new Set(framework.societalTasks.map((task) => task.id));
  const problems: Problem[] = [];
  for (const level of actionLevels) {
    if (!theme.actions[level]) problems.push(problem(file, ['actions'], `no actions for level "${level}"`));
  }
  for (const [level, actions] of Object.entries(theme.actions)) {
    if (!actionLevels.some((expected) => expected === level))
      problems.push(problem(file, ['actions', level], 'unexpected level: actions exist for "1" to "4"'));
    actions.forEach((action, a) =>
      action.tasks.forEach((task, t) => {
        if (!taskIds.has(task))
          problems.push(problem(file, ['actions', level, a, 'tasks', t], `unknown societal task "${task}"`));
      }),
    );
  }
  return problems;
}

export function checkTheme(framework: FrameworkFile | undefined, themeFile: ThemeFile): Problem[] {
  const { file, theme } = themeFile;
  const expectedId = file.replace(/^themes\//, '').replace(/\.yaml$/, '');
  const problems: Problem[] = [];
  if (theme.id !== expectedId)
    problems.push(
      problem(file, ['id'], `"${theme.id}" differs from the file name (expected "${expectedId}")`),
    );
  if (!framework) return problems;
  return [...problems, ...checkQuestions(framework, themeFile), ...checkActions(framework, themeFile)];
}

function checkSourcesUsed(framework: FrameworkFile, themes: readonly Theme[]): Problem[] {
  const used = new Set(themes.flatMap((theme) => theme.questions.map((question) => question.source)));
  return framework.sources.flatMap((source, index) =>
    used.has(source.id)
      ? []
      : [problem(frameworkFileName, ['sources', index], `source "${source.id}" is not used by any question`)],
  );
}

function checkPillars(themes: readonly Theme[]): Problem[] {
  const problems: Problem[] = [];
  for (const pillar of pillarIds) {
    const count = themes.filter((theme) => theme.pillar === pillar).length;
    const expected = themesPerPillar[pillar];
    if (count === 0) problems.push(problem(frameworkFileName, ['themes'], `pillar "${pillar}" has no theme`));
    else if (expected !== undefined && count !== expected)
      problems.push(
        problem(
          frameworkFileName,
          ['themes'],
          `pillar "${pillar}" has ${count} themes, expected ${expected}`,
        ),
      );
  }
  const order = themes.map((theme) => pillarIds.indexOf(theme.pillar));
  const outOfOrder = order.findIndex((rank, index) => index > 0 && rank < (order[index - 1] ?? rank));
  if (outOfOrder > 0)
    problems.push(
      problem(
        frameworkFileName,
        ['themes', outOfOrder],
        'themes must be listed grouped by pillar, in pillar order',
      ),
    );
  return problems;
}

/** Rules over the whole version: only meaningful once every theme file has loaded. */
export function checkWhole(framework: FrameworkFile, themes: readonly Theme[]): Problem[] {
  const questions = themes.reduce((sum, theme) => sum + theme.questions.length, 0);
  const count =
    questions < questionRange.min || questions > questionRange.max
      ? [
          problem(
            frameworkFileName,
            ['themes'],
            `${questions} questions in all, expected ${questionRange.min} to ${questionRange.max}`,
          ),
        ]
      : [];
  return [...checkSourcesUsed(framework, themes), ...checkPillars(themes), ...count];
}
