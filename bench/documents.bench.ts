import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderDocx } from '../src/features/documents/document-docx.ts';
import { renderPdf } from '../src/features/documents/document-pdf.ts';
import { sampleStrategyDocument } from '../src/features/documents/strategy-document-sample.fixtures.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Document figures (issue #6): the time to render a strategy of 100 actions (with the radar chart,
 * the roadmap and every chapter) as DOCX and as PDF, and the files' sizes. Targets: DOCX under
 * 500 ms, PDF under 1 s. The model (which draws the two PNG images) is timed apart. Prints figures
 * only. `BENCH_OUT=dir` also writes the two files there to look at.
 */
const runs = Number(process.env.BENCH_RUNS ?? 7);
const actions = Number(process.env.BENCH_ACTIONS ?? 100);
const progress = (message: string) => console.error(`… ${message}`);

async function time(fn: () => Promise<Buffer>) {
  const times: number[] = [];
  let bytes: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = await fn();
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0] ?? 0, p50: sorted[Math.floor(runs / 2)] ?? 0, max: sorted.at(-1) ?? 0, bytes };
}

const loadAtStart = os.loadavg()[0] ?? 0;
progress(`building a strategy document model with ${actions} actions`);
let started = performance.now();
const model = sampleStrategyDocument(actions);
const modelMs = performance.now() - started;
progress(`rendering DOCX ${runs}×`);
const docx = await time(() => renderDocx(model));
progress(`rendering PDF ${runs}×`);
const pdf = await time(() => renderPdf(model));
started = performance.now();

console.log(
  `Strategy document with ${actions} actions (${runs} runs each; load average at start ${fixed(loadAtStart, 2)} on ${os.cpus().length} cores)`,
);
console.log(`model with radar and roadmap PNGs: ${fixed(modelMs)} ms`);
console.log(
  formatTable(
    ['format', 'first run ms', 'p50 ms', 'max ms', 'target ms', 'size kB'],
    [
      ['DOCX', fixed(docx.first), fixed(docx.p50), fixed(docx.max), '500', fixed(docx.bytes.length / 1024)],
      ['PDF', fixed(pdf.first), fixed(pdf.p50), fixed(pdf.max), '1000', fixed(pdf.bytes.length / 1024)],
    ],
  ),
);
const out = process.env.BENCH_OUT;
if (out) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'strategy.docx'), docx.bytes);
  fs.writeFileSync(path.join(out, 'strategy.pdf'), pdf.bytes);
  console.log(`written to ${out}`);
}
