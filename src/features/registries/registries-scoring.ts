import type { EntryData } from './registries.tables.ts';

/**
 * Exit readiness of a supplier contract: how easily the municipality could leave the supplier with
 * its data. Points per field, no hidden weights; the page shows this table for every contract.
 * Total 100.
 */
export interface ScoreRule {
  field: string;
  /** The most a contract can earn on this field. */
  max: number;
  /** The points this contract earns; the rule in words is the message `rule.<field>`. */
  points(data: EntryData): number;
}

export const exitReadinessRules: readonly ScoreRule[] = [
  {
    field: 'data_owner',
    max: 20,
    points: (d) => (d.data_owner === 'municipality' ? 20 : d.data_owner === 'shared' ? 10 : 0),
  },
  { field: 'reuse_right', max: 15, points: (d) => (d.reuse_right === true ? 15 : 0) },
  { field: 'exit_clause', max: 20, points: (d) => (d.exit_clause === true ? 20 : 0) },
  {
    field: 'return_format',
    max: 10,
    points: (d) => (typeof d.return_format === 'string' && d.return_format.trim() !== '' ? 10 : 0),
  },
  { field: 'open_standards', max: 15, points: (d) => (d.open_standards === true ? 15 : 0) },
  { field: 'escrow', max: 5, points: (d) => (d.escrow === true ? 5 : 0) },
  // Inside the EU/EEA or not is what the GDPR and the government-wide cloud policy distinguish; the
  // Netherlands is not more exit-ready than another member state (decision 0032).
  {
    field: 'hosting',
    max: 15,
    points: (d) => (d.hosting === 'nl' || d.hosting === 'eu' ? 15 : 0),
  },
];

export const maxExitReadiness = exitReadinessRules.reduce((sum, rule) => sum + rule.max, 0);

export interface ScoreLine {
  field: string;
  max: number;
  points: number;
}

export function exitReadiness(data: EntryData): { total: number; lines: ScoreLine[] } {
  const lines = exitReadinessRules.map((rule) => ({
    field: rule.field,
    max: rule.max,
    points: rule.points(data),
  }));
  return { total: lines.reduce((sum, line) => sum + line.points, 0), lines };
}

export type RiskBand = 'high' | 'medium' | 'low';

/** Below 50 a move away would be costly; from 80 the contract is ready for an exit. */
export function riskBand(score: number): RiskBand {
  if (score < 50) return 'high';
  if (score < 80) return 'medium';
  return 'low';
}

/** Highest risk first: lowest score, then the earliest end date (less time to repair it). */
export function byRisk<T extends { score: number; endDate: string | null }>(a: T, b: T): number {
  if (a.score !== b.score) return a.score - b.score;
  return (a.endDate ?? '9999').localeCompare(b.endDate ?? '9999');
}
