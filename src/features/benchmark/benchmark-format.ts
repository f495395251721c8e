import { formatDecimal } from '../../core/i18n/i18n.ts';
import type { PageContext } from '../../core/render/layout.ts';

/** Scores as on the results page: one or two decimals, in the user's number format. */
export function formatScore(ctx: PageContext, n: number): string {
  return formatDecimal(ctx.locale, n);
}
