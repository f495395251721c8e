import { layoutRoadmap } from './roadmap-layout.ts';
import type { RoadmapAction, RoadmapInput } from './roadmap.model.ts';
import { renderRoadmapSvg } from './roadmap-svg.ts';
import { compareQuarters } from './roadmap-time.ts';

/**
 * The roadmap on paper: drawn narrower, so that at the scale that fits the page its smallest text
 * (quarter labels, the warning mark: 11 units) prints at `minTextPt` or more, and split over pages
 * when it is too tall: whole pillars together while they fit, a pillar that does not fit on its own
 * in parts of its actions (by start date). Every page is a complete drawing: header, time axis and
 * legend, so a printed page reads on its own.
 */
export const SMALLEST_TEXT_UNITS = 11;

export interface PrintArea {
  /** The room for the drawing on the page, in points. */
  widthPt: number;
  heightPt: number;
}

export interface RoadmapPrintPage {
  /** The part of the roadmap on this page. */
  input: RoadmapInput;
  svg: string;
  /** The drawing's size on paper, in points. */
  widthPt: number;
  heightPt: number;
  /** The pillars drawn, and for a pillar split over pages which part this is. */
  pillarTitles: string[];
  part?: { index: number; of: number };
}

function subset(input: RoadmapInput, pillarIds: string[], actions: RoadmapAction[]): RoadmapInput {
  const ids = new Set(actions.map((a) => a.id));
  return {
    ...input,
    pillars: input.pillars.filter((p) => pillarIds.includes(p.id)),
    actions: actions.map((a) => ({ ...a, dependsOn: a.dependsOn.filter((id) => ids.has(id)) })),
  };
}

/** The pages the roadmap takes at this size; one page when it fits whole. */
export function roadmapPrintPages(input: RoadmapInput, area: PrintArea, minTextPt = 8): RoadmapPrintPage[] {
  const scale = minTextPt / SMALLEST_TEXT_UNITS;
  const width = Math.floor(area.widthPt / scale);
  const maxHeight = area.heightPt / scale;
  const heightOf = (part: RoadmapInput) => layoutRoadmap(part, { width }).height;
  const page = (part: RoadmapInput, extra: Partial<RoadmapPrintPage> = {}): RoadmapPrintPage => {
    const layout = layoutRoadmap(part, { width });
    return {
      input: part,
      svg: renderRoadmapSvg(part, layout),
      widthPt: layout.width * scale,
      heightPt: layout.height * scale,
      pillarTitles: part.pillars.map((p) => p.title),
      ...extra,
    };
  };
  const actionsOf = (id: string) => input.actions.filter((a) => a.pillar === id);
  const pillars = input.pillars.filter((p) => actionsOf(p.id).length > 0).map((p) => p.id);
  if (heightOf(input) <= maxHeight || pillars.length === 0) return [page(input)];

  const pages: RoadmapPrintPage[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) pages.push(page(subset(input, group, group.flatMap(actionsOf))));
    group = [];
  };
  for (const id of pillars) {
    const candidate = [...group, id];
    if (heightOf(subset(input, candidate, candidate.flatMap(actionsOf))) <= maxHeight) {
      group = candidate;
      continue;
    }
    flush();
    if (heightOf(subset(input, [id], actionsOf(id))) <= maxHeight) group = [id];
    else pages.push(...pillarInParts(input, id, actionsOf(id), heightOf, maxHeight).map((p) => page(...p)));
  }
  flush();
  return pages;
}

/**
 * One pillar's actions, by start, in parts that each fill a page: an action joins the part while the
 * part still fits (a single action always makes a part; a page then scales it down if it must).
 */
function pillarInParts(
  input: RoadmapInput,
  pillarId: string,
  actions: RoadmapAction[],
  heightOf: (part: RoadmapInput) => number,
  maxHeight: number,
): [RoadmapInput, Partial<RoadmapPrintPage>][] {
  const sorted = [...actions].sort((a, b) => compareQuarters(a.start, b.start));
  const parts: RoadmapAction[][] = [];
  let part: RoadmapAction[] = [];
  for (const action of sorted) {
    const candidate = [...part, action];
    if (part.length === 0 || heightOf(subset(input, [pillarId], candidate)) <= maxHeight) part = candidate;
    else {
      parts.push(part);
      part = [action];
    }
  }
  if (part.length > 0) parts.push(part);
  return parts.map((actions, index) => [
    subset(input, [pillarId], actions),
    { part: { index: index + 1, of: parts.length } },
  ]);
}
