import { wrapLabel } from '../../core/render/svg.ts';
import { roadmapMessage } from './roadmap.messages.ts';
import { roadmapStatuses, type RoadmapStatus } from './roadmap.model.ts';

export type LegendKind =
  | { kind: 'status'; status: RoadmapStatus }
  | { kind: 'milestoneDone' | 'milestoneOpen' | 'warning' | 'dependency' | 'today' | 'progress' };
export type LegendItem = LegendKind & { label: string; x: number; y: number; width: number };

export const LEGEND = { rowHeight: 26, swatchWidth: 30, textGap: 8, itemGap: 24, charWidth: 7.8, font: 13 };
const LANE_TITLE_CHARS = 20;

/** Splits text into lines of at most `width` units (words longer than a line stay whole). */
export function wrapToWidth(text: string, width: number, charWidth: number): string[] {
  const limit = Math.max(1, Math.floor(width / charWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

export const layoutLaneTitle = (title: string): string[] => wrapLabel(title, LANE_TITLE_CHARS, 4);

/** The legend's entries flowed into rows within `width`; `bottom` is where the legend ends. */
export function layoutLegend(
  locale: 'nl' | 'en',
  left: number,
  top: number,
  width: number,
  hasWarnings = true,
) {
  const t = roadmapMessage.for(locale);
  const kinds: (LegendKind & { label: string })[] = [
    ...roadmapStatuses.map((status) => ({ kind: 'status' as const, status, label: t(`status.${status}`) })),
    { kind: 'progress', label: t('legend.progress') },
    { kind: 'milestoneDone', label: t('legend.milestoneDone') },
    { kind: 'milestoneOpen', label: t('legend.milestoneOpen') },
    ...(hasWarnings ? [{ kind: 'warning' as const, label: t('legend.warning') }] : []),
    { kind: 'dependency', label: t('legend.dependency') },
    { kind: 'today', label: t('legend.today') },
  ];
  let [x, y] = [left, top];
  const items = kinds.map((entry): LegendItem => {
    const itemWidth = LEGEND.swatchWidth + LEGEND.textGap + entry.label.length * LEGEND.charWidth;
    if (x > left && x + itemWidth > left + width) [x, y] = [left, y + LEGEND.rowHeight];
    const item = { ...entry, x, y, width: itemWidth };
    x += itemWidth + LEGEND.itemGap;
    return item;
  });
  return { items, bottom: y + LEGEND.rowHeight };
}
