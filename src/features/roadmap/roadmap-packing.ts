/**
 * Packs the bars of one lane into rows so that nothing overlaps, choosing per bar where its label goes:
 * inside the bar when it fits, else beside it (right, then left) in free space, else on rows of its own
 * below the bar. Works on x-intervals and row numbers only; the layout turns rows into pixels.
 */

export type LabelPlacement = 'inside' | 'right' | 'left' | 'below';

export interface PackItem {
  /** The bar. */
  barFrom: number;
  barTo: number;
  /** The bar widened by its milestone markers (they may lie outside the bar's quarters). */
  extentFrom: number;
  extentTo: number;
  /** Width of the label on one line (marker included). */
  labelWidth: number;
  /** The label wrapped to `bounds` width, used when it goes below the bar (one line per row). */
  wrappedLineCount: number;
  /** Inner padding needed around a label inside the bar. */
  insidePadding: number;
}

export interface Packed {
  row: number;
  placement: LabelPlacement;
  /** Left edge of the label box. */
  labelFrom: number;
  /** Rows the item takes: 1, or 1 + wrapped lines when the label is below. */
  rowCount: number;
}

interface Interval {
  from: number;
  to: number;
}
interface Candidate {
  placement: LabelPlacement;
  labelFrom: number;
  /** The occupied interval per row, from the bar's row down. */
  rows: Interval[];
}

/** Horizontal space kept free between two items in a row, and between a bar and a label beside it. */
export const ITEM_GAP = 8;
export const LABEL_GAP = 6;

function candidatesOf(item: PackItem, bounds: Interval): Candidate[] {
  const extent = { from: Math.min(item.barFrom, item.extentFrom), to: Math.max(item.barTo, item.extentTo) };
  if (item.labelWidth + 2 * item.insidePadding <= item.barTo - item.barFrom) {
    return [{ placement: 'inside', labelFrom: item.barFrom + item.insidePadding, rows: [extent] }];
  }
  const result: Candidate[] = [];
  const rightFrom = extent.to + LABEL_GAP;
  if (rightFrom + item.labelWidth <= bounds.to) {
    result.push({
      placement: 'right',
      labelFrom: rightFrom,
      rows: [{ ...extent, to: rightFrom + item.labelWidth }],
    });
  }
  const leftFrom = extent.from - LABEL_GAP - item.labelWidth;
  if (leftFrom >= bounds.from) {
    result.push({ placement: 'left', labelFrom: leftFrom, rows: [{ ...extent, from: leftFrom }] });
  }
  const width = Math.min(item.labelWidth, bounds.to - bounds.from);
  const belowFrom = Math.min(Math.max(item.barFrom, bounds.from), bounds.to - width);
  const labelRow = { from: belowFrom, to: belowFrom + width };
  const lines = Array.from({ length: Math.max(1, item.wrappedLineCount) }, () => labelRow);
  result.push({ placement: 'below', labelFrom: belowFrom, rows: [extent, ...lines] });
  return result;
}

class Rows {
  private readonly rows: Interval[][] = [];

  get count(): number {
    return this.rows.length;
  }

  private isFree(row: number, wanted: Interval): boolean {
    return (this.rows[row] ?? []).every(
      (taken) => wanted.to + ITEM_GAP <= taken.from || taken.to + ITEM_GAP <= wanted.from,
    );
  }

  /** The first row from which every interval of the candidate fits in consecutive rows. */
  firstFit(candidate: Candidate): number {
    for (let row = 0; ; row += 1) {
      if (candidate.rows.every((interval, i) => this.isFree(row + i, interval))) return row;
    }
  }

  take(row: number, candidate: Candidate): void {
    candidate.rows.forEach((interval, i) => {
      while (this.rows.length <= row + i) this.rows.push([]);
      this.rows[row + i]?.push(interval);
    });
  }
}

/**
 * Items are placed in the given order (the caller sorts them by start). Of the label placements that are
 * possible, the one whose lowest row is highest wins; a tie keeps the order inside, right, left, below.
 */
export function packLane(items: PackItem[], bounds: { from: number; to: number }) {
  const rows = new Rows();
  const packed = items.map((item): Packed => {
    let best: { row: number; bottom: number; candidate: Candidate } | undefined;
    for (const candidate of candidatesOf(item, bounds)) {
      const row = rows.firstFit(candidate);
      const bottom = row + candidate.rows.length - 1;
      if (!best || bottom < best.bottom) best = { row, bottom, candidate };
    }
    if (!best) throw new Error('A bar always has the placement below it');
    rows.take(best.row, best.candidate);
    const { placement, labelFrom } = best.candidate;
    return { row: best.row, placement, labelFrom, rowCount: best.candidate.rows.length };
  });
  return { packed, rowCount: rows.count };
}
