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

const noor = 'noor.bakker@rotterdam.example';
const sander = 'sander.devries@rotterdam.example';
const fatima = 'fatima.elamrani@rotterdam.example';
const intranet = 'https://intranet.rotterdam.example';

/**
 * Where Rotterdam stood in 2025, per question in the framework's order: strong on infrastructure
 * and coordination, weaker on ethics, data ownership and the financial and legal frameworks.
 */
const levels2025: Record<string, number[]> = {
  'ambition-and-tasks': [3, 3, 2, 3],
  'digital-strategy': [3, 3, 2, 3],
  'infrastructure-and-sensors': [4, 4, 4, 3],
  'knowledge-and-capacity': [3, 3, 3, 4],
  'coordination-and-governance': [4, 4, 3, 4],
  'vision-and-programme': [3, 4, 3, 2],
  'data-ownership': [2, 2, 2, 1],
  ethics: [2, 2, 1, 3],
  coalitions: [3, 2, 2],
  'vng-principles': [3, 3, 3, 3],
  'finance-legal': [2, 1, 2, 2],
  'data-ecosystem': [3, 3, 2],
  'open-data': [3, 2, 2],
  'services-and-innovation': [3, 3, 3],
  procurement: [2, 2, 3, 2],
};
/** Where the ambition is highest: two levels up rather than one. */
const stretchThemes = new Set(['ethics', 'data-ownership', 'finance-legal']);

interface Position {
  current: number;
  target: number;
}

function positions2025(framework: Framework): Map<string, Position> {
  const result = new Map<string, Position>();
  for (const theme of framework.themes) {
    theme.questions.forEach((question, index) => {
      const current = levels2025[theme.id]?.[index];
      if (current === undefined) throw new Error(`Demo data: no Rotterdam level for ${question.id}`);
      result.set(question.id, {
        current,
        target: clampLevel(current + (stretchThemes.has(theme.id) ? 2 : 1)),
      });
    });
  }
  return result;
}

const mt = 'Besproken in het MT van 14 maart';
/** Two levels apart in 2025 (Noor, Sander, Fatima), settled by the team at the agreed level above. */
const settled2025: {
  questionId: string;
  levels: [number, number, number];
  note: string;
  evidence?: string[];
}[] = [
  {
    questionId: 'ethics.dpia-process',
    levels: [3, 1, 2],
    note: `${mt}: DPIA's worden uitgevoerd, maar nog niet volgens één vast proces. Daarom niveau 2.`,
    evidence: [`${intranet}/privacy/dpia-werkwijze`],
  },
  {
    questionId: 'data-ownership.contract-clauses',
    levels: [1, 3, 2],
    note: `${mt}: de nieuwe inkoopvoorwaarden regelen data-eigendom, de meeste lopende contracten nog niet.`,
  },
  {
    questionId: 'infrastructure-and-sensors.sensor-register',
    levels: [4, 2, 3],
    note: `${mt}: het sensorregister bestaat, maar sensoren van partners ontbreken er nog in.`,
    evidence: [`${intranet}/openbare-ruimte/sensorregister`],
  },
  {
    questionId: 'coordination-and-governance.architecture',
    levels: [2, 4, 3],
    note: `${mt}: toetsing aan GEMMA gebeurt bij grote projecten, niet bij kleinere aanschaffen.`,
  },
];

const notes2025: { email: string; questionId: string; note: string; evidence?: string[] }[] = [
  {
    email: noor,
    questionId: 'digital-strategy.strategy-document',
    note: 'Digitaliseringsstrategie 2024–2027 is door het college vastgesteld; pijler 4 is nog dun uitgewerkt.',
    evidence: [`${intranet}/digitalisering/strategie-2024-2027`],
  },
  {
    email: noor,
    questionId: 'infrastructure-and-sensors.antenna-policy',
    note: 'Antennebeleid geactualiseerd, inclusief small cells in lichtmasten.',
    evidence: [`${intranet}/beleid/antennebeleid`],
  },
  {
    email: sander,
    questionId: 'finance-legal.structural-budget',
    note: 'Structureel budget is er alleen voor beheer; vernieuwing loopt via incidentele middelen.',
  },
  {
    email: fatima,
    questionId: 'ethics.ethics-committee',
    note: 'Geen vaste commissie; we vragen af en toe advies aan een hogeschool.',
  },
];

/**
 * Per question: Sander's and Fatima's offset from Noor. Never two levels apart, and the middle one
 * stays Noor's, so that the team's answer is the profile above.
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

function answers2025(framework: Framework, random: Random): Map<string, AnswerInput[]> {
  const positions = positions2025(framework);
  const byPerson = new Map<string, AnswerInput[]>([
    [noor, []],
    [sander, []],
    [fatima, []],
  ]);
  for (const [questionId, { current, target }] of positions) {
    const own = levelAnswer(questionId, current, target);
    const settled = settled2025.find((s) => s.questionId === questionId);
    const [bySander, byFatima] = pick(random, offsets);
    const given = settled
      ? settled.levels.map((l) => levelAnswer(questionId, l, Math.max(target, l)))
      : [own, shifted(own, bySander), shifted(own, byFatima)];
    [noor, sander, fatima].forEach((email, i) => byPerson.get(email)?.push(given[i] ?? own));
  }
  for (const n of notes2025) byPerson.set(n.email, withNote(byPerson.get(n.email) ?? [], n.questionId, n));
  const unknown = new Map([
    [
      fatima,
      unknownAnswer('finance-legal.external-funding', 'Weet ik niet: dit loopt via het team Subsidies.'),
    ],
    [sander, unknownAnswer('data-ecosystem.resident-involvement')],
  ]);
  for (const [email, answer] of unknown)
    byPerson.set(
      email,
      (byPerson.get(email) ?? []).map((a) => (a.questionId === answer.questionId ? answer : a)),
    );
  return byPerson;
}

function nulmeting2025(framework: Framework): DemoScan {
  const positions = positions2025(framework);
  const answers = answers2025(framework, seededRandom(seedFor('GM0599-2025')));
  return {
    organisation: 'GM0599',
    title: 'Nulmeting 2025',
    period: 2025,
    respondents: [noor, sander, fatima].map((email) => ({ email, answers: answers.get(email) ?? [] })),
    consensus: settled2025.map((s) => {
      const agreed = positions.get(s.questionId);
      if (!agreed) throw new Error(`Demo data: no Rotterdam level for ${s.questionId}`);
      return levelAnswer(s.questionId, agreed.current, agreed.target, s);
    }),
    submit: true,
  };
}

/** A year on: a level up where Rotterdam put in the work, mostly on the weak preconditions. */
const improved2026 = new Set([
  'digital-strategy.maturity-monitoring',
  'knowledge-and-capacity.digital-skills',
  'data-ownership.data-register',
  'data-ownership.contract-clauses',
  'ethics.dpia-process',
  'ethics.algorithm-register',
  'vng-principles.privacy-protection',
  'finance-legal.continuity-after-project',
  'open-data.data-quality',
]);
/** The themes Sander has answered so far: the first half of the scan. */
const sanderThemes2026 = new Set([
  'ambition-and-tasks',
  'digital-strategy',
  'infrastructure-and-sensors',
  'knowledge-and-capacity',
  'coordination-and-governance',
  'vision-and-programme',
  'data-ownership',
]);
/**
 * Two levels above Noor, still to be discussed. Until then the lower answer counts in the preview,
 * so the follow-up shows only the real improvements.
 */
const open2026: { questionId: string; level: number; note: string }[] = [
  {
    questionId: 'ambition-and-tasks.effect-measurement',
    level: 4,
    note: 'In de pilots met slimme lichtmasten meten we het effect op energieverbruik en veiligheid wel.',
  },
  {
    questionId: 'data-ownership.internal-reuse',
    level: 4,
    note: 'Het datateam controleert dit sinds dit voorjaar bij elk nieuw project.',
  },
];

function herhaalmeting2026(framework: Framework): DemoScan {
  const random = seededRandom(seedFor('GM0599-2026'));
  const byNoor = [...positions2025(framework)].map(([questionId, { current, target }]) =>
    levelAnswer(questionId, current + (improved2026.has(questionId) ? 1 : 0), target),
  );
  const withNotes = withNote(
    withNote(byNoor, 'digital-strategy.maturity-monitoring', {
      note: 'De nulmeting van 2025 is afgerond; dit is de eerste vervolgmeting.',
    }),
    'ethics.dpia-process',
    {
      note: 'Sinds juni 2025 één DPIA-werkwijze met een centraal register.',
      evidence: [`${intranet}/privacy/dpia-register`],
    },
  );
  const themeOf = new Map(framework.themes.flatMap((t) => t.questions.map((q) => [q.id, t.id])));
  const bySander = withNotes
    .filter((a) => sanderThemes2026.has(themeOf.get(a.questionId) ?? ''))
    .map((a) => {
      const open = open2026.find((o) => o.questionId === a.questionId);
      const offset = pick(random, [0, 0, 0, 1]);
      if (!open) return { ...shifted(a, offset), note: '', evidence: [] };
      return levelAnswer(a.questionId, open.level, Math.max(open.level, a.targetLevel ?? 0), open);
    });
  return {
    organisation: 'GM0599',
    title: 'Herhaalmeting 2026',
    period: 2026,
    respondents: [
      { email: noor, answers: withNotes },
      { email: sander, answers: bySander },
      { email: fatima, answers: [] },
    ],
    consensus: [],
    submit: false,
  };
}

/** Rotterdam: a submitted baseline settled by consensus, and a follow-up that is under way. */
export function rotterdamScans(framework: Framework): DemoScan[] {
  return [nulmeting2025(framework), herhaalmeting2026(framework)];
}
