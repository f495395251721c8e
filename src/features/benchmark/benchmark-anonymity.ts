/**
 * Which group figures may be shown, so that no organisation's own score can be read or derived.
 *
 * 1. A figure needs at least `minimumGroupSize` contributing organisations.
 * 2. Differencing: if two groups of the same period have contributor sets that differ by 1 to
 *    `minimumGroupSize - 1` organisations, comparing their figures would reveal those few. The
 *    smaller of the two is withheld (on a tie, the later one in the list), and the check repeats
 *    until no such pair remains among the groups still shown.
 * 3. Named scores are known to some viewers (coordinators, other named organisations), who could
 *    subtract them from a group figure. So the organisations in a group that did not choose named
 *    sharing must number none or at least `minimumGroupSize`; otherwise the group is withheld.
 * 4. Each period stands alone: a figure for a period uses only scans of that period, so comparing
 *    periods never isolates one organisation's answers.
 */
import { minimumGroupSize } from '../sharing/index.ts';

// The number is the sharing slice's promise to organisations; this rule is where it is kept.
export { minimumGroupSize };

export interface CandidateGroup {
  id: string;
  /** Organisations that contribute to this group in this period. */
  contributors: ReadonlySet<number>;
  /** Of those, the ones that share by name (their own scores are visible to some viewers). */
  named?: ReadonlySet<number>;
}

function hiddenCount(group: CandidateGroup): number {
  let count = 0;
  for (const id of group.contributors) if (!group.named?.has(id)) count++;
  return count;
}

export type Decision =
  { id: string; isShown: true } | { id: string; isShown: false; reason: 'tooFew' | 'differencing' };

/** Size of the symmetric difference, counted only up to `limit` (all the rule needs to know). */
function differenceSize(a: ReadonlySet<number>, b: ReadonlySet<number>, limit: number): number {
  // The difference is at least the difference in size: far-apart groups need no counting.
  if (Math.abs(a.size - b.size) >= limit) return limit;
  let count = 0;
  for (const x of a) if (!b.has(x) && ++count >= limit) return limit;
  for (const x of b) if (!a.has(x) && ++count >= limit) return limit;
  return count;
}

export function decideGroups(groups: readonly CandidateGroup[]): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const shown: CandidateGroup[] = [];
  for (const group of groups) {
    const hidden = hiddenCount(group);
    if (group.contributors.size < minimumGroupSize)
      decisions.set(group.id, { id: group.id, isShown: false, reason: 'tooFew' });
    else if (hidden > 0 && hidden < minimumGroupSize)
      decisions.set(group.id, { id: group.id, isShown: false, reason: 'differencing' });
    else shown.push(group);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < shown.length && !changed; i++) {
      for (let j = i + 1; j < shown.length && !changed; j++) {
        const a = shown[i];
        const b = shown[j];
        if (!a || !b) continue;
        const difference = differenceSize(a.contributors, b.contributors, minimumGroupSize);
        if (difference > 0 && difference < minimumGroupSize) {
          const withheld = b.contributors.size <= a.contributors.size ? b : a;
          decisions.set(withheld.id, { id: withheld.id, isShown: false, reason: 'differencing' });
          shown.splice(shown.indexOf(withheld), 1);
          changed = true;
        }
      }
    }
  }
  for (const group of shown) decisions.set(group.id, { id: group.id, isShown: true });
  return decisions;
}

/** Median and quartiles (linear interpolation, as PostgreSQL's percentile_cont). */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = (sorted.length - 1) * p;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    const lowValue = sorted[low] ?? 0;
    const highValue = sorted[high] ?? lowValue;
    return Math.round((lowValue + (highValue - lowValue) * (position - low)) * 100) / 100;
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
