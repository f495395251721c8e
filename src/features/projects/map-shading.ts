/**
 * Five classes of a sequential blue scale (ColorBrewer "Blues"), fixed so that the same colour means
 * the same number on every filter. Each fill differs from the next by at least 1.4:1 luminance, the
 * boundaries are drawn in dark grey (≥ 3:1 against the lightest fills), and the legend and the
 * table name the numbers, so colour is never the only carrier (WCAG 1.4.1, 1.4.11).
 */
export interface Bucket {
  low: number;
  /** Inclusive; null for the open top class. */
  high: number | null;
  fill: string;
  /** The text colour that reads on this fill (for legend labels drawn inside a swatch). */
  ink: string;
}

const none: Bucket = { low: 0, high: 0, fill: '#f4f6f8', ink: '#1b1b1b' };

export const buckets: readonly Bucket[] = [
  none,
  { low: 1, high: 1, fill: '#c6dbef', ink: '#1b1b1b' },
  { low: 2, high: 3, fill: '#6baed6', ink: '#1b1b1b' },
  { low: 4, high: 6, fill: '#2171b5', ink: '#ffffff' },
  { low: 7, high: null, fill: '#08306b', ink: '#ffffff' },
];

export function bucketOf(count: number): Bucket {
  const n = Math.max(0, Math.floor(count));
  return buckets.find((b) => n >= b.low && (b.high === null || n <= b.high)) ?? none;
}
