import type { RoadmapStatus } from './roadmap.model.ts';

/**
 * Status is told by colour and by the bar's outline pattern (WCAG 1.4.1). Outline and progress colours
 * keep ≥ 3:1 against white, the lane shading and the bar's tint (WCAG 1.4.11); label text keeps ≥ 4.5:1
 * on every background it sits on (tested in roadmap.style.test.ts).
 */
export const STATUS_STYLE: Record<RoadmapStatus, { colour: string; dash?: string }> = {
  planned: { colour: '#5b6770', dash: '6 4' },
  running: { colour: '#1a5a96' },
  done: { colour: '#2f6b3a' },
  paused: { colour: '#8a5300', dash: '2 3' },
  stopped: { colour: '#a4262c', dash: '10 3 2 3' },
};

export const PALETTE = {
  text: '#1b1b1b',
  muted: '#4b5560',
  background: '#ffffff',
  laneShade: '#f4f6f8',
  yearShade: '#e9edf1',
  grid: '#dde2e7',
  yearLine: '#9aa4ae',
  today: '#b8410f',
  warning: '#a4262c',
  arrow: '#4b5560',
};

/** The bar's fill: the status colour at 14 % on white, light enough for dark text on it. */
export const TINT_STRENGTH = 0.14;

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function tint(hex: string, strength = TINT_STRENGTH): string {
  const mixed = channels(hex).map((c) => Math.round(255 - (255 - c) * strength));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const linear = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}
