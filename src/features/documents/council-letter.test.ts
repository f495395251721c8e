import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import type { ActionHistoryEntry } from '../strategy/index.ts';
import { letterChanges } from './council-letter-changes.ts';
import {
  councilLetterDocument,
  isOverdue,
  type CouncilLetterData,
  type LetterAction,
} from './council-letter.ts';
import { renderDocx } from './document-docx.ts';
import { renderOdt } from './document-odt.ts';
import { renderPdf } from './document-pdf.ts';
import { convertWithLibreOffice, readDocx, readPdf } from './document-reading.fixtures.ts';
import type { DocumentBlock, DocumentTable, LetterModel } from './document.model.ts';

/**
 * The council letter from a hand-made strategy: three pillars' actions, drafted on 6 December 2026
 * for the period since the previous letter of 1 March 2026. Since then one action went from planned
 * to in progress, one was completed, one was added and one was taken out; one is behind schedule.
 */
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

function action(id: number, title: string, pillar: string, fields: Partial<LetterAction> = {}): LetterAction {
  return {
    id,
    title,
    pillar,
    start: { year: 2026, quarter: 1 },
    end: { year: 2027, quarter: 4 },
    status: 'planned',
    progress: 0,
    budgetCents: null,
    budgetKind: null,
    ...fields,
  };
}

const actions: LetterAction[] = [
  action(1, 'Datagedreven warmtetransitie', 'strategy', {
    status: 'running',
    progress: 30,
    budgetCents: 12_500_000,
    budgetKind: 'project',
  }),
  action(2, 'Eén loket voor inwoners', 'services-and-innovation', {
    status: 'done',
    progress: 100,
    budgetCents: 4_000_000,
    budgetKind: 'structural',
  }),
  action(3, 'Datastrategie vaststellen', 'preconditions', {
    status: 'running',
    progress: 60,
    end: { year: 2026, quarter: 2 },
  }),
  action(4, 'Open data publiceren', 'preconditions', { status: 'planned' }),
];

const status = (before: string, after: string) => [{ field: 'status', before, after }];
const entry = (
  actionId: number,
  title: string,
  kind: string,
  at: string,
  changes: ActionHistoryEntry['changes'] = [],
  strategyId = 7,
): ActionHistoryEntry => ({ strategyId, actionId, actionTitle: title, kind, changes, at: day(at) });

const history: ActionHistoryEntry[] = [
  entry(1, 'Datagedreven warmtetransitie', 'updated', '2026-04-02', status('planned', 'running')),
  entry(2, 'Eén loket voor inwoners', 'updated', '2026-05-10', status('planned', 'running')),
  entry(2, 'Eén loket voor inwoners', 'updated', '2026-09-30', status('running', 'done')),
  // Back and forth: no net change to report.
  entry(3, 'Datastrategie vaststellen', 'updated', '2026-06-01', status('running', 'paused')),
  entry(3, 'Datastrategie vaststellen', 'updated', '2026-06-15', status('paused', 'running')),
  entry(4, 'Open data publiceren', 'created', '2026-10-01', status('', 'planned')),
  entry(9, 'Oude pilot chatbot', 'deleted', '2026-07-01', status('running', '')),
  // Only the title or progress changed: not a change of status.
  entry(1, 'Datagedreven warmtetransitie', 'updated', '2026-11-01', [
    { field: 'progress', before: '20', after: '30' },
  ]),
];

const data = (): CouncilLetterData => ({
  locale: 'nl',
  organisation: { name: 'Gemeente Voorbeeld', shortName: 'Voorbeeld', kind: 'municipality' },
  strategy: { title: 'Digitaliseringsstrategie 2026–2029', startYear: 2026, endYear: 2029, versionNumber: 2 },
  period: { start: '2026-03-01', end: '2026-12-06' },
  previousLetterOn: '2026-03-01',
  pillars: [
    { id: 'strategy', number: 1, title: 'Strategie en bestuur' },
    { id: 'services-and-innovation', number: 2, title: 'Dienstverlening en innovatie' },
    { id: 'preconditions', number: 3, title: 'Randvoorwaarden' },
  ],
  actions,
  changes: letterChanges(history, actions, 7, dayOf),
});

const words = (model: LetterModel) =>
  JSON.stringify(model.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => JSON.stringify(b))]));
const tables = (model: LetterModel) =>
  model.sections.flatMap((s) => s.blocks.filter((b): b is DocumentTable => b.kind === 'table'));

describe('the changes since the previous letter', () => {
  it('reports the net change per action: a status change, a completion, an addition and a removal', () => {
    const changes = letterChanges(history, actions, 7, dayOf);
    const byTitle = Object.fromEntries(changes.map((c) => [c.title, c]));
    assert.deepEqual(Object.keys(byTitle).sort(), [
      'Datagedreven warmtetransitie',
      'Eén loket voor inwoners',
      'Open data publiceren',
      'Oude pilot chatbot',
    ]);
    assert.deepEqual(byTitle['Datagedreven warmtetransitie']?.status, {
      before: 'planned',
      after: 'running',
      on: '2026-04-02',
    });
    assert.deepEqual(byTitle['Eén loket voor inwoners']?.status, {
      before: 'planned',
      after: 'done',
      on: '2026-09-30',
    });
    assert.equal(byTitle['Open data publiceren']?.addedOn, '2026-10-01');
    assert.equal(byTitle['Oude pilot chatbot']?.removedOn, '2026-07-01');
    assert.equal(byTitle['Oude pilot chatbot']?.actionId, null);
  });

  it('follows an action into a new version of the strategy by its title', () => {
    const earlier = [
      entry(41, 'Eén loket voor inwoners', 'updated', '2026-05-10', status('planned', 'done'), 6),
    ];
    const [change] = letterChanges(earlier, actions, 7, dayOf);
    assert.equal(change?.actionId, 2, 'the current action with that title');
    assert.equal(change?.status?.after, 'done');
  });

  it('leaves out an action added and removed again within the period', () => {
    const both = [
      entry(12, 'Kortstondig idee', 'created', '2026-05-01', status('', 'planned')),
      entry(12, 'Kortstondig idee', 'deleted', '2026-05-02', status('planned', '')),
    ];
    assert.deepEqual(letterChanges(both, actions, 7, dayOf), []);
  });
});

describe('the council letter', () => {
  const model = councilLetterDocument(data());

  it('opens as a letter to the council, dated in Dutch, with the subject and the period', () => {
    assert.equal(model.layout, 'letter');
    assert.equal(model.organisation, 'Gemeente Voorbeeld');
    assert.equal(model.title, 'Raadsinformatiebrief 6 december 2026');
    assert.deepEqual(model.letter.facts, [
      { label: 'Aan', value: 'de gemeenteraad' },
      { label: 'Datum', value: '6 december 2026' },
      { label: 'Onderwerp', value: 'Voortgang Digitaliseringsstrategie 2026–2029' },
      { label: 'Periode', value: '1 maart 2026 tot en met 6 december 2026' },
    ]);
    assert.equal(model.letter.salutation, 'Geachte leden van de raad,');
    assert.deepEqual(model.letter.closing, [
      'Met vriendelijke groet,',
      'Burgemeester en wethouders van Voorbeeld,',
      'de secretaris, de burgemeester,',
    ]);
    assert.deepEqual(
      model.sections.map((s) => s.heading),
      ['Kernboodschap', 'Voortgang per pijler', 'Wat er veranderde sinds 1 maart 2026', 'Vervolg'],
    );
  });

  it('writes an introduction from the figures: counts, what is late, what changed, the previous letter', () => {
    const intro = model.sections[0]?.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')) ?? [];
    assert.deepEqual(intro, [
      'Met deze brief informeert het college u over de voortgang van de Digitaliseringsstrategie 2026–2029 in de periode van 1 maart 2026 tot en met 6 december 2026.',
      'De strategie telt 4 acties: 1 afgerond, 2 in uitvoering en 1 gepland.',
      '1 actie loopt achter op de planning.',
      'Sinds 1 maart 2026: 1 nieuwe actie, 1 actie afgerond en 1 andere wijziging van status.',
      'Wij informeerden u eerder met de raadsinformatiebrief van 1 maart 2026.',
    ]);
  });

  it('lists the actions per pillar with quarters, status, progress, budget and the change since the letter', () => {
    // Euro amounts keep their no-break space: written here as a plain space.
    const [summary, ...perPillar] = tables(model).map((t) => ({
      rows: t.rows.map((row) => row.map((cell) => cell.replace(/\u00a0/g, ' '))),
    }));
    assert.deepEqual(summary?.rows, [
      ['1. Strategie en bestuur', '1', '0', '1', '0', '0', '€ 125.000'],
      ['2. Dienstverlening en innovatie', '1', '1', '0', '0', '0', '€ 40.000'],
      ['3. Randvoorwaarden', '2', '0', '1', '1', '1', '–'],
    ]);
    assert.deepEqual(
      perPillar.map((t) => t.rows),
      [
        [
          [
            'Datagedreven warmtetransitie',
            'K1 2026 – K4 2027',
            'In uitvoering',
            '30%',
            '€ 125.000 (project)',
            'was gepland, nu in uitvoering',
          ],
        ],
        [
          [
            'Eén loket voor inwoners',
            'K1 2026 – K4 2027',
            'Afgerond',
            '100%',
            '€ 40.000 (structureel)',
            'afgerond',
          ],
        ],
        [
          [
            'Datastrategie vaststellen',
            'K1 2026 – K2 2026',
            'In uitvoering, achter op planning',
            '60%',
            '–',
            '',
          ],
          ['Open data publiceren', 'K1 2026 – K4 2027', 'Gepland', '0%', '–', 'nieuw'],
        ],
      ],
    );
  });

  it('lists what changed since the previous letter, each with its date', () => {
    const lists = model.sections[2]?.blocks ?? [];
    const text = (b: DocumentBlock | undefined) =>
      b?.kind === 'list' ? b.items : b?.kind === 'heading' ? b.text : '';
    assert.deepEqual(lists.map(text), [
      'Nieuwe acties',
      ['Open data publiceren (Randvoorwaarden; toegevoegd op 1 oktober 2026, nu gepland)'],
      'Afgeronde acties',
      ['Eén loket voor inwoners (afgerond op 30 september 2026)'],
      'Andere wijzigingen van status',
      ['Datagedreven warmtetransitie: van gepland naar in uitvoering (op 2 april 2026)'],
      'Vervallen acties',
      ['Oude pilot chatbot (uit de strategie gehaald op 1 juli 2026)'],
    ]);
  });

  it('says so when nothing changed, and addresses a province as a province', () => {
    const quiet = councilLetterDocument({
      ...data(),
      organisation: { name: 'Provincie Zuid-Holland', shortName: 'Zuid-Holland', kind: 'province' },
      changes: [],
      previousLetterOn: null,
    });
    assert.match(words(quiet), /Sinds 1 maart 2026 zijn geen acties toegevoegd of afgerond/);
    assert.match(words(quiet), /In deze periode zijn geen acties toegevoegd/);
    assert.doesNotMatch(words(quiet), /Wij informeerden u eerder/);
    assert.equal(quiet.letter.facts[0]?.value, 'Provinciale Staten');
    assert.equal(quiet.letter.closing[1], 'Gedeputeerde Staten van Zuid-Holland,');
  });

  it('counts an action as behind schedule only after its last quarter, while not done or stopped', () => {
    const late = action(5, 'Laat', 'strategy', { end: { year: 2026, quarter: 3 }, status: 'running' });
    assert.equal(isOverdue(late, '2026-09-30'), false, 'still in its last quarter');
    assert.equal(isOverdue(late, '2026-10-01'), true);
    assert.equal(isOverdue({ ...late, status: 'stopped' }, '2026-10-01'), false);
    assert.equal(isOverdue({ ...late, status: 'done' }, '2027-10-01'), false);
  });
});

describe('the council letter as files', () => {
  const model = councilLetterDocument(data());
  let docx: Buffer;
  let fromWord = '';
  let fromOdt = '';

  before(async () => {
    docx = await renderDocx(model);
    const converted = await convertWithLibreOffice({
      'letter.docx': docx,
      'letter-odt.odt': await renderOdt(model),
    });
    const text = (pdf: Buffer | undefined) => {
      assert.ok(pdf, 'LibreOffice wrote a PDF');
      return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, ' ');
    };
    fromWord = text(converted['letter.docx']);
    fromOdt = text(converted['letter-odt.odt']);
  });

  it('is a Word file without a title page or contents: the letterhead first, then the chapters', async () => {
    const parts = await readDocx(docx);
    assert.doesNotMatch(parts.document, /TOC|w:titlePg/, 'no contents and no separate first page');
    assert.doesNotMatch(parts.document, /w:pageBreakBefore/, 'the chapters follow on');
    const headings = [...parts.document.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<w:t[^>]*>([^<]+)</g)];
    assert.deepEqual(
      headings.map((m) => m[1]),
      ['Kernboodschap', 'Voortgang per pijler', 'Wat er veranderde sinds 1 maart 2026', 'Vervolg'],
    );
    assert.match(parts.footers.join(''), /raadsinformatiebrief van 6 december 2026/);
    assert.match(parts.core, /<dc:title>Raadsinformatiebrief 6 december 2026<\/dc:title>/);
  });

  it('opens in LibreOffice with the letterhead on the first page and the same text from the ODT', () => {
    for (const text of [fromWord, fromOdt]) {
      assert.match(
        text,
        /^\s*Gemeente Voorbeeld Raadsinformatiebrief Aan: de gemeenteraad Datum: 6 december 2026/,
      );
      assert.match(text, /Onderwerp: Voortgang Digitaliseringsstrategie 2026–2029/);
      assert.match(text, /Geachte leden van de raad, Kernboodschap/);
      assert.match(
        text,
        /Stand van de acties per pijler .* € 125\.000 2\. Dienstverlening/,
        'amounts unbroken',
      );
      assert.match(text, /Datagedreven warmtetransitie: van gepland naar in uitvoering \(op 2 april 2026\)/);
      assert.match(text, /Eén loket voor inwoners \(afgerond op 30 september 2026\)/);
      assert.match(
        text,
        /Met vriendelijke groet, Burgemeester en wethouders van Voorbeeld, de secretaris, de burgemeester,/,
      );
      assert.match(text, /Pagina 1 van \d/, 'the footer on the first page too');
    }
  });

  it('is a tagged PDF whose first page is the letter, not a title page', async () => {
    const pdf = await readPdf(await renderPdf(model));
    assert.equal(pdf.info.Tagged, 'yes');
    assert.equal(pdf.info.Title, 'Raadsinformatiebrief 6 december 2026');
    assert.match(pdf.pages[0] ?? '', /Aan: de gemeenteraad/);
    assert.match(pdf.pages[0] ?? '', /Kernboodschap/);
    assert.match(pdf.pages[0] ?? '', /Pagina 1 van/);
    assert.match(pdf.pages.at(-1) ?? '', /de secretaris, de burgemeester,/);
    assert.equal(pdf.rendered, pdf.pages.length);
  });
});
