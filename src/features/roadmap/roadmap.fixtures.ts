import { pillarIds } from '../framework/index.ts';
import { roadmapStatuses, type Quarter, type RoadmapAction, type RoadmapInput } from './roadmap.model.ts';
import { addQuarters } from './roadmap-time.ts';

/** Deterministic generated roadmaps for tests and benches (no database): the same seed, the same input. */

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5;
    state ^= state >>> 13;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
}

const verbs = [
  'Invoeren van',
  'Opstellen van',
  'Uitbreiden van',
  'Vervangen van',
  'Pilot met',
  'Aanbesteden van',
];
const subjects = [
  'een dataregister',
  'het zaaksysteem voor het sociaal domein',
  'de Common Ground-componenten',
  'DPIA’s bij nieuwe verwerkingen',
  'algoritmeregister',
  'digitale vaardigheden voor medewerkers',
  'informatiebeveiliging volgens de BIO',
  'het omgevingsloket',
  'regionale samenwerking in de MRDH',
  'een open-datapublicatie van de tien belangrijkste bronnen',
  'gegevensuitwisseling met de zorgaanbieders in de regio',
];

const titleOf = (rnd: () => number, i: number): string => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] ?? (list[0] as T);
  const base = `${pick(verbs)} ${pick(subjects)}`;
  return rnd() < 0.15 ? `${base} en ${pick(subjects)} (${i + 1})` : `${base} (${i + 1})`;
};

export function generateRoadmapInput(count: number, seed = 1, today = '2026-11-28'): RoadmapInput {
  const rnd = random(seed);
  const [startYear, endYear] = [2025, 2029];
  const actions: RoadmapAction[] = [];
  for (let i = 0; i < count; i += 1) {
    const start: Quarter = addQuarters({ year: startYear, quarter: 1 }, Math.floor(rnd() * 18));
    const end = addQuarters(start, Math.floor(rnd() * 6));
    const earlier = actions.filter((a) => a.end.year * 4 + a.end.quarter < start.year * 4 + start.quarter);
    const dependency = rnd() < 0.2 ? earlier[Math.floor(rnd() * earlier.length)] : undefined;
    const status = roadmapStatuses[Math.floor(rnd() * roadmapStatuses.length)] ?? 'planned';
    actions.push({
      id: `action-${i + 1}`,
      title: titleOf(rnd, i),
      pillar: pillarIds[Math.floor(rnd() * pillarIds.length)] ?? 'strategy',
      themeTitle: 'Thema',
      start,
      end,
      status,
      progress: status === 'done' ? 100 : status === 'planned' ? 0 : Math.floor(rnd() * 100),
      milestones:
        rnd() < 0.3
          ? [
              {
                date: `${start.year}-${String(start.quarter * 3 - 1).padStart(2, '0')}-15`,
                title: 'Besluit college',
                isDone: rnd() < 0.5,
              },
            ]
          : [],
      dependsOn: dependency ? [dependency.id] : [],
      warnings: rnd() < 0.15 ? ['Technology push: deze actie dient geen maatschappelijke opgave'] : [],
    });
  }
  return {
    locale: 'nl',
    organisationName: 'Gemeente Rotterdam',
    strategyTitle: 'Digitale strategie 2025–2029',
    startYear,
    endYear,
    pillars: [
      { id: 'strategy', title: 'Strategie en sturing' },
      { id: 'foundation', title: 'Digitaal fundament' },
      { id: 'preconditions', title: 'Randvoorwaarden' },
      { id: 'ecosystem', title: 'Ecosysteem en samenwerking' },
    ],
    actions,
    today,
  };
}

/** A generated roadmap over fewer years (2026–2028 by default): actions outside are moved to its edges. */
export function generateRoadmapInputOver(count: number, seed: number, startYear = 2026, endYear = 2028) {
  const input = generateRoadmapInput(count, seed);
  const clamp = (q: Quarter): Quarter =>
    q.year < startYear
      ? { year: startYear, quarter: 1 }
      : q.year > endYear
        ? { year: endYear, quarter: 4 }
        : q;
  return {
    ...input,
    strategyTitle: `Digitale strategie ${startYear}–${endYear}`,
    startYear,
    endYear,
    actions: input.actions.map((a) => ({ ...a, start: clamp(a.start), end: clamp(a.end) })),
  };
}
