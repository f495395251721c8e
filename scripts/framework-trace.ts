import fs from 'node:fs';
import path from 'node:path';
import {
  latestFrameworkVersion,
  loadFramework,
  localise,
  themesOfPillar,
  type Framework,
  type Theme,
} from '../src/features/framework/index.ts';

/**
 * Prints, as Markdown, how a framework version traces back to the handreiking: for every source
 * element the questions that cover it, and the counts per pillar and theme. With --write it saves
 * the result as docs/framework-<version>-trace.md.
 *
 *   npx tsx scripts/framework-trace.ts [version] [--write]
 */

const root = path.resolve(import.meta.dirname, '..');

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function actionCount(theme: Theme): number {
  return Object.values(theme.actions).reduce((sum, actions) => sum + actions.length, 0);
}

function questionsOf(framework: Framework, sourceId: string): string {
  const ids = framework.themes
    .flatMap((theme) => theme.questions)
    .filter((question) => question.source === sourceId)
    .map((question) => `\`${question.id}\``);
  return ids.join(', ') || '**not covered**';
}

/** The handreiking's elements; in a version without kinds (2026.1) every source counts as one. */
function traceRows(framework: Framework): string[][] {
  return framework.sources
    .filter((source) => source.kind !== 'aanvulling')
    .map((source) => [`\`${source.id}\``, localise(source.title, 'en'), questionsOf(framework, source.id)]);
}

/** The national and European sources added to the handreiking, named and linked. */
function additionRows(framework: Framework): string[][] {
  return framework.sources
    .filter((source) => source.kind === 'aanvulling')
    .map((source) => [
      `\`${source.id}\``,
      `[${localise(source.title, 'nl')}](${source.url ?? ''})`,
      source.publisher ?? '',
      questionsOf(framework, source.id),
    ]);
}

/** The societal challenges: what each needs most, and the recommended actions that serve it. */
function taskRows(framework: Framework): string[][] {
  const actions = framework.themes.flatMap((theme) => Object.values(theme.actions).flat());
  return framework.societalTasks.map((task) => {
    const serving = actions.filter((action) => action.tasks.includes(task.id));
    const needs = (task.needs ?? []).map((need) => `\`${need.theme}\` (${need.weight})`).join(', ');
    return [
      `\`${task.id}\`${task.generic ? ' (generic)' : ''}`,
      localise(task.title, 'en'),
      needs || '–',
      String(serving.length),
    ];
  });
}

function additionSections(framework: Framework): string[] {
  if (!framework.sources.some((source) => source.kind)) return [];
  const networkActions = framework.themes
    .flatMap((theme) => Object.values(theme.actions).flat())
    .filter((action) => action.networks?.length)
    .map((action) => `\`${action.id}\` (${(action.networks ?? []).join(', ')})`);
  return [
    '## Additions to the handreiking and the questions that use them',
    '',
    'Sources the handreiking does not contain: each question that uses one shows it as an *aanvulling* with ' +
      'its publisher and a link, not as a source in the handreiking.',
    '',
    ...table(['Source', 'Addition', 'Publisher', 'Questions'], additionRows(framework)),
    '',
    '## Societal challenges',
    '',
    'The challenges the source page names (energy transition, mobility transition, circular economy, health ' +
      'and wellbeing, sustainable energy, smart mobility, healthy urban living, safe living environment, the ' +
      'social domain, service delivery) and those added in this version, with the themes each needs most ' +
      '(3 = essential) and the number of recommended actions that serve it. A generic challenge is one every ' +
      'digital action could claim; a link only to generic challenges counts as no link.',
    '',
    ...table(['Challenge', 'Title', 'Needs', 'Actions'], taskRows(framework)),
    '',
    `Advice shown only to the members of a network: ${networkActions.join(', ') || 'none'}.`,
    '',
  ];
}

function countRows(framework: Framework): string[][] {
  return framework.pillars.flatMap((pillar) => {
    const themes = themesOfPillar(framework, pillar.id);
    const questions = themes.reduce((sum, theme) => sum + theme.questions.length, 0);
    const actions = themes.reduce((sum, theme) => sum + actionCount(theme), 0);
    const pillarRow = [
      `**${pillar.number}. ${localise(pillar.title, 'en')}**`,
      `**${themes.length} themes**`,
    ];
    return [
      [...pillarRow, `**${questions}**`, `**${actions}**`],
      ...themes.map((theme) => [
        '',
        `${localise(theme.title, 'en')} (\`${theme.id}\`)`,
        String(theme.questions.length),
        String(actionCount(theme)),
      ]),
    ];
  });
}

function renderTrace(framework: Framework): string {
  const questions = framework.themes.reduce((sum, theme) => sum + theme.questions.length, 0);
  const actions = framework.themes.reduce((sum, theme) => sum + actionCount(theme), 0);
  const lines = [
    `# Framework ${framework.version}: trace to the handreiking`,
    '',
    `This page shows how version ${framework.version} of the maturity framework ("${localise(framework.title, 'en')}") ` +
      'covers the Handreiking digitaliseringsstrategie of the Province of Zuid-Holland and MRDH: every ' +
      'pillar, part of the digital foundation and precondition of the guide is a source, and every source ' +
      'is covered by at least one question (the loader refuses a version where one is not). The counts ' +
      'below show how the questions and recommended actions are spread over the pillars and themes. ' +
      `Generated by \`npx tsx scripts/framework-trace.ts ${framework.version} --write\`; ` +
      'do not edit by hand.',
    '',
    `Content hash (sha256): \`${framework.hash}\``,
    '',
    '## Sources and the questions that cover them',
    '',
    ...table(['Source', 'Element of the handreiking', 'Questions'], traceRows(framework)),
    '',
    ...additionSections(framework),
    '## Counts per pillar and theme',
    '',
    ...table(['Pillar', 'Theme', 'Questions', 'Actions'], countRows(framework)),
    `| **Total** | **${framework.themes.length} themes** | **${questions}** | **${actions}** |`,
    '',
  ];
  return lines.join('\n');
}

const args = process.argv.slice(2);
const version = args.find((arg) => !arg.startsWith('--')) ?? latestFrameworkVersion();
const markdown = renderTrace(loadFramework(version));
if (args.includes('--write')) {
  const target = path.join(root, 'docs', `framework-${version}-trace.md`);
  fs.writeFileSync(target, markdown);
  console.log(`wrote ${path.relative(root, target)}`);
} else {
  process.stdout.write(markdown);
}
