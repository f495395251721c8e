import { formatDecimal } from '../../core/i18n/i18n.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { benchmarkMessage, type BenchmarkKey } from './benchmark.messages.ts';

export const tr = (ctx: PageContext) => (k: BenchmarkKey, p?: Record<string, string | number>) =>
  benchmarkMessage(ctx.locale, k, p);

/** Scores as on the results page: one or two decimals, in the user's number format. */
export function formatScore(ctx: PageContext, n: number): string {
  return formatDecimal(ctx.locale, n);
}
