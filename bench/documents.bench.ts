import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import type { Config } from '../src/config.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { inlineRunner } from '../src/core/workers/worker-tasks.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { renderDocx } from '../src/features/documents/document-docx.ts';
import { buildDocumentFile, documentModel } from '../src/features/documents/document-file.ts';
import { renderOdt } from '../src/features/documents/document-odt.ts';
import { renderPdf } from '../src/features/documents/document-pdf.ts';
import { strategyDocumentBuilder } from '../src/features/documents/documents-build.ts';
import { submittedScan } from '../src/features/documents/documents.fixtures.ts';
import { exportDocument } from '../src/features/documents/documents.service.ts';
import { sampleDocument } from '../src/features/documents/document-sample.fixtures.ts';
import { sampleStrategyJob } from '../src/features/documents/strategy-document-sample.fixtures.ts';
import { generateRoadmapInput } from '../src/features/roadmap/roadmap.fixtures.ts';
import { layoutRoadmap } from '../src/features/roadmap/roadmap-layout.ts';
import { renderRoadmapPng } from '../src/features/roadmap/roadmap-png.ts';
import { renderRoadmapSvg } from '../src/features/roadmap/roadmap-svg.ts';
import { getActiveStrategy } from '../src/features/strategy/index.ts';
import { createStrategyForTest } from '../src/features/strategy/strategy-builders.fixtures.ts';
import { onEachDatabase } from './lib/databases.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Document figures (issues #6 and #17). The figure that counts is a worker's time for one document:
 * `buildDocumentFile` from the job the request thread posts (model, charts drawn, file rendered),
 * without the pool's queue; here it runs on the bench's own thread, the same code. Targets for the
 * strategy document with 100 actions: DOCX < 500 ms, PDF < 1 s; the roadmap PNG at print size
 * < 500 ms, beside the way it was drawn before #17 (full Noto Sans, 300 dpi, resvg's own encoder).
 * A small document (one table of eight rows) shows the renderers' fixed costs. Then a whole export
 * through the database (load, worker's work, store) on PGlite and, with BENCH_DATABASE_URL, on
 * PostgreSQL. Every figure is printed beside a baseline measured in the same run (zlib packing 16 MB),
 * as a ratio of wall clocks and of CPU times, with the load average, because this machine is shared and
 * its wall clock says more about the load than the code. Medians of BENCH_RUNS runs (default 5); CPU time (all threads of the
 * process) beside the wall clock. `BENCH_OUT=dir` writes the files.
 */
const runs = Number(process.env.BENCH_RUNS ?? 5);
const actions = Number(process.env.BENCH_ACTIONS ?? 100);
const progress = (message: string) => console.error(`… ${message}`);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Figure {
  wall: number;
  cpu: number;
  bytes: number;
}

async function time(work: () => Promise<Buffer | number> | Buffer | number, n = runs): Promise<Figure> {
  const walls: number[] = [];
  const cpus: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const [start, startCpu] = [performance.now(), cpuMs()];
    const out = await work();
    walls.push(performance.now() - start);
    cpus.push(cpuMs() - startCpu);
    bytes = typeof out === 'number' ? out : out.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { wall: median(walls), cpu: median(cpus), bytes };
}

const noise = Buffer.from(Array.from({ length: 1 << 16 }, (_, i) => `${(i * 2654435761) % 9973} `).join(''));
const baselineInput = Buffer.concat(
  Array.from({ length: Math.ceil((16 << 20) / noise.length) }, () => noise),
);
const baseline = () => time(() => deflateSync(baselineInput, { level: 6 }));

/** The roadmap PNG as it was drawn before #17: the full font, 300 dpi at A3 width, resvg's encoder. */
function pngBefore(svg: string, widthPx: number): Buffer {
  const fonts = path.resolve(import.meta.dirname, '../assets/fonts');
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: {
      fontFiles: [path.join(fonts, 'NotoSans-Regular.ttf'), path.join(fonts, 'NotoSans-Bold.ttf')],
      loadSystemFonts: false,
      defaultFontFamily: 'Noto Sans',
    },
  })
    .render()
    .asPng();
}

const loadAtStart = os.loadavg()[0] ?? 0;
const rows: (string | number)[][] = [];
const row = (what: string, f: Figure, base: Figure, target?: number) =>
  rows.push([
    what,
    fixed(f.wall),
    fixed(f.cpu),
    fixed(f.wall / base.wall, 1),
    fixed(f.cpu / base.cpu, 1),
    target ? String(target) : '',
    fixed(f.bytes / 1024),
  ]);

progress('baseline');
let base = await baseline();
row('baseline: zlib 16 MB', base, base);
const job = sampleStrategyJob(actions);
const model = documentModel(job);
for (const [format, target] of [
  ['docx', 500],
  ['pdf', 1000],
  ['odt', undefined],
] as const) {
  progress(`in the worker: ${format} ${runs}×`);
  const figure = await time(async () => (await buildDocumentFile(job, format)).data);
  row(`worker: strategy ${format.toUpperCase()} (${actions} actions)`, figure, base, target);
}
progress('model alone');
row('  of which the model (no drawing)', await time(() => documentModel(job).sections.length), base);
const small = sampleDocument({ actions: 8, withImage: false });
for (const [name, render] of [
  ['DOCX', renderDocx],
  ['PDF', renderPdf],
  ['ODT', renderOdt],
] as const)
  row(`small document ${name} (8 rows)`, await time(() => render(small)), base);
const roadmap = generateRoadmapInput(actions, 5);
const layout = layoutRoadmap(roadmap);
progress('roadmap PNG at print size');
row(
  `roadmap PNG, print size (${actions} actions)`,
  await time(() => renderRoadmapPng(roadmap).png),
  base,
  500,
);
progress('roadmap PNG the way before #17');
const before = await time(() => pngBefore(renderRoadmapSvg(roadmap, layout), 4961), Math.min(runs, 3));
row('roadmap PNG before #17 (300 dpi, full font)', before, base);
base = await baseline();
row('baseline again', base, base);

console.log(
  `Strategy document with ${actions} actions; medians of ${runs} runs; load average ${fixed(loadAtStart, 2)} at start, ${fixed(os.loadavg()[0] ?? 0, 2)} now, on ${os.cpus().length} cores\n`,
);
console.log(
  formatTable(['what', 'wall ms', 'CPU ms', '× baseline', 'CPU × baseline CPU', 'target ms', 'kB'], rows),
);

async function measure(config: Config, label: string) {
  const database = await openAndPrepareDatabase(config);
  try {
    const { db } = database;
    const id = await organisationId(db, 'GM0599');
    await submittedScan(db, 'GM0599');
    await createStrategyForTest(db, id, { actions });
    const strategy = await getActiveStrategy(db, id);
    const user = await createUser(db, { memberOf: { GM0599: 'editor' } });
    if (!strategy) throw new Error('no strategy');
    const organisation = { id, code: 'GM0599', kind: 'municipality' as const, displayName: 'Rotterdam' };
    const build = strategyDocumentBuilder(db, organisation, strategy);
    const figures: Record<string, Figure> = {};
    for (const format of ['docx', 'pdf', 'odt'] as const) {
      progress(`${label}: export ${format}`);
      figures[format] = await time(async () => {
        const made = await exportDocument(db, {
          organisation,
          kind: 'strategy',
          subjectId: strategy.id,
          format,
          actor: { id: user.id, name: 'Bench' },
          build: (version, createdAt) => build('nl', version, createdAt),
          runner: inlineRunner,
        });
        return made.id;
      }, 3);
    }
    return { label, figures, baseline: await baseline() };
  } finally {
    await database.close();
  }
}

const exports = await onEachDatabase('documents', measure);
console.log(`\nWhole export through the database (load, model with images, render, store; medians of 3)`);
console.log(
  formatTable(
    ['database', 'DOCX ms', 'PDF ms', 'ODT ms', 'baseline ms', 'DOCX × b.', 'PDF × b.', 'ODT × b.'],
    exports.map((e) => [
      e.label,
      fixed(e.figures.docx?.wall),
      fixed(e.figures.pdf?.wall),
      fixed(e.figures.odt?.wall),
      fixed(e.baseline.wall),
      fixed((e.figures.docx?.wall ?? 0) / e.baseline.wall, 1),
      fixed((e.figures.pdf?.wall ?? 0) / e.baseline.wall, 1),
      fixed((e.figures.odt?.wall ?? 0) / e.baseline.wall, 1),
    ]),
  ),
);
const out = process.env.BENCH_OUT;
if (out) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'strategy.docx'), await renderDocx(model));
  fs.writeFileSync(path.join(out, 'strategy.pdf'), await renderPdf(model));
  fs.writeFileSync(path.join(out, 'strategy.odt'), await renderOdt(model));
  console.log(`written to ${out}`);
}
