import { generateRoadmapInput } from '../src/features/roadmap/roadmap.fixtures.ts';
import { layoutRoadmap } from '../src/features/roadmap/roadmap-layout.ts';
import { renderRoadmapPng } from '../src/features/roadmap/roadmap-png.ts';
import { renderRoadmapSvg } from '../src/features/roadmap/roadmap-svg.ts';
import { percentile } from './lib/load.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Roadmap infographic render times on generated strategies (deterministic, no database): the layout
 * alone, the whole SVG (layout included) and the PNG at print width. Prints figures; the target from
 * issue 5 (SVG under 50 ms for 200 actions) is printed beside them, never asserted.
 */
const svgRuns = Number(process.env.BENCH_RUNS ?? 40);
const pngRuns = Number(process.env.BENCH_PNG_RUNS ?? 5);

/**
 * Wall-clock median and p95, and the median CPU time of this process: on a machine shared with other
 * work the wall clock mostly measures waiting for a core, the CPU time what the render itself costs.
 */
function measure(runs: number, work: () => unknown): { median: number; p95: number; cpu: number } {
  work(); // warm-up: the first call compiles the code paths
  const times = new Float64Array(runs);
  const cpu = new Float64Array(runs);
  for (let i = 0; i < runs; i += 1) {
    const [start, startCpu] = [performance.now(), process.cpuUsage()];
    work();
    const used = process.cpuUsage(startCpu);
    times[i] = performance.now() - start;
    cpu[i] = (used.user + used.system) / 1000;
  }
  times.sort();
  cpu.sort();
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), cpu: percentile(cpu, 0.5) };
}

const rows = [];
for (const count of [20, 200]) {
  const input = generateRoadmapInput(count, count);
  const layout = measure(svgRuns, () => layoutRoadmap(input));
  const svg = measure(svgRuns, () => renderRoadmapSvg(input));
  const png = measure(pngRuns, () => renderRoadmapPng(input));
  const { width, height } = renderRoadmapPng(input);
  const svgBytes = renderRoadmapSvg(input).length;
  rows.push([
    count,
    fixed(layout.median, 1),
    fixed(svg.median, 1),
    fixed(svg.p95, 1),
    fixed(svg.cpu, 1),
    fixed(svgBytes / 1024, 0),
    fixed(png.median, 0),
    fixed(png.cpu, 0),
    `${width}×${height}`,
  ]);
}
console.log(
  `Roadmap render (${svgRuns} SVG runs, ${pngRuns} PNG runs per size; target: SVG < 50 ms for 200 actions)\n`,
);
console.log(
  formatTable(
    [
      'actions',
      'layout ms',
      'SVG ms',
      'SVG ms p95',
      'SVG CPU ms',
      'SVG KiB',
      'PNG ms',
      'PNG CPU ms',
      'PNG px',
    ],
    rows,
  ),
);
