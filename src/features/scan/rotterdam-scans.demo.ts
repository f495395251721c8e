import type { Framework } from '../framework/index.ts';
import type { AnswerInput } from './scan.service.ts';
import {
  clampLevel,
  levelAnswer,
  pick,
  seedFor,
  seededRandom,
  shifted,
  unknownAnswer,
  withNote,
  type DemoScan,
  type Random,
} from './scan-answers.demo.ts';
import { loadDemoScanContent, type RotterdamScans } from './scan-content.demo.ts';

interface Position {
  current: number;
  target: number;
}

/** Each question's 2025 level from scans.yaml, and a target one level up (two in stretch themes). */
function positions2025(framework: Framework, content: RotterdamScans): Map<string, Position> {
  const { levels, stretchThemes } = content.baseline;
  const result = new Map<string, Position>();
  for (const theme of framework.themes) {
    theme.questions.forEach((question, index) => {
      const current = levels[theme.id]?.[index];
      if (current === undefined) throw new Error(`Demo data: no Rotterdam level for ${question.id}`);
      result.set(question.id, {
        current,
        target: clampLevel(current + (stretchThemes.includes(theme.id) ? 2 : 1)),
      });
    });
  }
  return result;
}

/**
 * Per question: the second and third respondent's offset from the first. Never two levels apart, and
 * the middle one stays the first's, so that the team's answer is the profile in scans.yaml.
 */
const offsets: readonly [[number, number], ...[number, number][]] = [
  [0, 0],
  [0, 0],
  [0, 0],
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

function answers2025(
  framework: Framework,
  content: RotterdamScans,
  random: Random,
): Map<string, AnswerInput[]> {
  const { settled, notes, unknown } = content.baseline;
  const byPerson = new Map<string, AnswerInput[]>(content.respondents.map((email) => [email, []]));
  for (const [questionId, { current, target }] of positions2025(framework, content)) {
    const own = levelAnswer(questionId, current, target);
    const agreed = settled.find((s) => s.questionId === questionId);
    const [bySecond, byThird] = pick(random, offsets);
    const given = agreed
      ? agreed.levels.map((l) => levelAnswer(questionId, l, Math.max(target, l)))
      : [own, shifted(own, bySecond), shifted(own, byThird)];
    content.respondents.forEach((email, i) => byPerson.get(email)?.push(given[i] ?? own));
  }
  for (const n of notes) byPerson.set(n.email, withNote(byPerson.get(n.email) ?? [], n.questionId, n));
  for (const { email, questionId, note } of unknown) {
    const answer = unknownAnswer(questionId, note);
    byPerson.set(
      email,
      (byPerson.get(email) ?? []).map((a) => (a.questionId === answer.questionId ? answer : a)),
    );
  }
  return byPerson;
}

function nulmeting2025(framework: Framework, content: RotterdamScans): DemoScan {
  const positions = positions2025(framework, content);
  const answers = answers2025(
    framework,
    content,
    seededRandom(seedFor(`${content.organisation}-${content.baseline.period}`)),
  );
  return {
    organisation: content.organisation,
    title: content.baseline.title,
    period: content.baseline.period,
    respondents: content.respondents.map((email) => ({ email, answers: answers.get(email) ?? [] })),
    consensus: content.baseline.settled.map((s) => {
      const agreed = positions.get(s.questionId);
      if (!agreed) throw new Error(`Demo data: no Rotterdam level for ${s.questionId}`);
      return levelAnswer(s.questionId, agreed.current, agreed.target, s);
    }),
    submit: true,
  };
}

/**
 * A year on: a level up where Rotterdam put in the work. The second respondent has answered the first
 * themes; where they stand two levels above the first respondent the question is still open, and until
 * then the lower answer counts in the preview, so the follow-up shows only the real improvements.
 */
function herhaalmeting2026(framework: Framework, content: RotterdamScans): DemoScan {
  const { improved, notes, secondRespondentThemes, open } = content.followUp;
  const random = seededRandom(seedFor(`${content.organisation}-${content.followUp.period}`));
  const byFirst = [...positions2025(framework, content)].map(([questionId, { current, target }]) =>
    levelAnswer(questionId, current + (improved.includes(questionId) ? 1 : 0), target),
  );
  const withNotes = notes.reduce((answers, n) => withNote(answers, n.questionId, n), byFirst);
  const themeOf = new Map(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, t.id])));
  const bySecond = withNotes
    .filter((a) => secondRespondentThemes.includes(themeOf.get(a.questionId) ?? ''))
    .map((a) => {
      const question = open.find((o) => o.questionId === a.questionId);
      const offset = pick(random, [0, 0, 0, 1]);
      if (!question) return { ...shifted(a, offset), note: '', evidence: [] };
      const target = Math.max(question.level, a.targetLevel ?? 0);
      return levelAnswer(a.questionId, question.level, target, question);
    });
  const [first, second, third] = content.respondents;
  return {
    organisation: content.organisation,
    title: content.followUp.title,
    period: content.followUp.period,
    respondents: [
      { email: first, answers: withNotes },
      { email: second, answers: bySecond },
      { email: third, answers: [] },
    ],
    consensus: [],
    submit: false,
  };
}

/** Rotterdam: a submitted baseline settled by consensus, and a follow-up that is under way. */
export function rotterdamScans(
  framework: Framework,
  content: RotterdamScans = loadDemoScanContent().rotterdam,
): DemoScan[] {
  return [nulmeting2025(framework, content), herhaalmeting2026(framework, content)];
}
