import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networkMembers, networks, organisations } from '../../core/db/core.tables.ts';
import { sharingModesOf } from '../sharing/index.ts';
import { procurementOpportunities, type ProcurementOpportunity } from '../registries/index.ts';
import { getActiveStrategy, quarterIndex, type Quarter } from '../strategy/index.ts';

export type SharingMode = 'named' | 'aggregated' | 'not-shared';

export interface Participant {
  organisationId: number;
  code: string;
  name: string;
  mode: SharingMode;
}

export interface PlannedAction {
  title: string;
  themeId: string;
  frameworkActionId: string | null;
  start: Quarter;
  end: Quarter;
}

export interface PlanOpportunity {
  themeId: string;
  frameworkActionId: string;
  from: Quarter;
  to: Quarter;
  participants: (Participant & { actions: { title: string; start: Quarter; end: Quarter }[] })[];
}

interface Keyed {
  participant: Participant;
  action: PlannedAction;
}

/** Chains of actions whose periods overlap (a chain may link A and C through B), sorted by start. */
function overlappingChains(items: Keyed[]): Keyed[][] {
  const sorted = [...items].sort((a, b) => quarterIndex(a.action.start) - quarterIndex(b.action.start));
  const chains: Keyed[][] = [];
  let current: Keyed[] = [];
  let reach = -Infinity;
  for (const item of sorted) {
    if (quarterIndex(item.action.start) > reach && current.length > 0) {
      chains.push(current);
      current = [];
    }
    current.push(item);
    reach = Math.max(reach, quarterIndex(item.action.end));
  }
  if (current.length > 0) chains.push(current);
  return chains;
}

function toOpportunity(themeId: string, frameworkActionId: string, chain: Keyed[]): PlanOpportunity {
  const byOrganisation = new Map<number, PlanOpportunity['participants'][number]>();
  for (const { participant, action } of chain) {
    const entry = byOrganisation.get(participant.organisationId) ?? { ...participant, actions: [] };
    entry.actions.push({ title: action.title, start: action.start, end: action.end });
    byOrganisation.set(participant.organisationId, entry);
  }
  const starts = chain.map((k) => k.action.start);
  const ends = chain.map((k) => k.action.end);
  const first = starts.reduce((a, b) => (quarterIndex(b) < quarterIndex(a) ? b : a));
  const last = ends.reduce((a, b) => (quarterIndex(b) > quarterIndex(a) ? b : a));
  const participants = [...byOrganisation.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { themeId, frameworkActionId, from: first, to: last, participants };
}

/**
 * "Plan het samen": two or more organisations with actions on the same theme and the same recommended
 * framework action in overlapping periods. Organisations that chose not to share are never included.
 */
export function findPlanTogether(
  input: { participant: Participant; actions: PlannedAction[] }[],
): PlanOpportunity[] {
  const groups = new Map<string, Keyed[]>();
  for (const { participant, actions } of input) {
    if (participant.mode === 'not-shared') continue;
    for (const action of actions) {
      if (!action.frameworkActionId) continue;
      const key = `${action.themeId}\u0000${action.frameworkActionId}`;
      groups.set(key, [...(groups.get(key) ?? []), { participant, action }]);
    }
  }
  const found: PlanOpportunity[] = [];
  for (const [key, items] of groups) {
    const [themeId = '', frameworkActionId = ''] = key.split('\u0000');
    for (const chain of overlappingChains(items)) {
      const organisationCount = new Set(chain.map((k) => k.participant.organisationId)).size;
      if (organisationCount >= 2) found.push(toOpportunity(themeId, frameworkActionId, chain));
    }
  }
  return found.sort(
    (a, b) => quarterIndex(a.from) - quarterIndex(b.from) || a.themeId.localeCompare(b.themeId),
  );
}

/** The members of the given networks with their sharing choice; those that chose not to share are left out. */
export async function sharingMembers(db: Db, networkIds: number[]): Promise<Participant[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectDistinct({
      organisationId: organisations.id,
      code: organisations.code,
      name: organisations.displayName,
    })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(inArray(networkMembers.networkId, networkIds));
  const modes = await sharingModesOf(
    db,
    rows.map((r) => r.organisationId),
  );
  return rows
    .map((r) => ({ ...r, mode: modes.get(r.organisationId) ?? 'aggregated' }))
    .filter((p) => p.mode !== 'not-shared');
}

export interface Opportunities {
  plan: PlanOpportunity[];
  procure: ProcurementOpportunity[];
}

/** Both kinds of opportunity among the sharing members of the given networks. */
export async function opportunitiesAmong(db: Db, members: Participant[]): Promise<Opportunities> {
  const input = [];
  for (const participant of members) {
    const strategy = await getActiveStrategy(db, participant.organisationId);
    input.push({ participant, actions: strategy?.actions ?? [] });
  }
  return {
    plan: findPlanTogether(input),
    procure: await procurementOpportunities(
      db,
      members.map((m) => m.organisationId),
    ),
  };
}

export async function networkIdsOf(db: Db, organisationId: number): Promise<number[]> {
  const rows = await db
    .select({ id: networkMembers.networkId })
    .from(networkMembers)
    .where(eq(networkMembers.organisationId, organisationId));
  return rows.map((r) => r.id);
}

export async function findNetworkByCode(db: Db, code: string) {
  const [row] = await db.select().from(networks).where(eq(networks.code, code));
  return row;
}

/** Only the opportunities an organisation takes part in. */
export function involving(opportunities: Opportunities, organisationId: number): Opportunities {
  return {
    plan: opportunities.plan.filter((o) => o.participants.some((p) => p.organisationId === organisationId)),
    procure: opportunities.procure.filter((o) =>
      o.contracts.some((c) => c.organisationId === organisationId),
    ),
  };
}
