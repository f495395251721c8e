import type { Db } from '../../core/db/database.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import type { Framework } from '../framework/index.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { procurementOpportunities, type ProcurementOpportunity } from '../registries/index.ts';
import { upcomingSessions, type SessionSummary } from '../sessions/index.ts';
import { sharingModesOf } from '../sharing/index.ts';
import {
  brigadeDemand,
  participationOfMembers,
  sessionsNeedingAttention,
  unassignedNewCases,
  type BrigadeDemand,
  type MemberParticipation,
} from './workspace-figures.ts';
import { loadMaturity, type MaturityData } from './workspace-maturity.ts';
import {
  caseFacts,
  membersOf,
  openGuideRequests,
  participationFacts,
  type CaseFact,
  type RegionMember,
  type RegionNetwork,
} from './workspace.queries.ts';

export interface WorkspaceData {
  network: RegionNetwork;
  members: RegionMember[];
  now: Date;
  /** The Brigade and the handreiking are the province's services: only its coordinators open the cases. */
  canOpenCases: boolean;
  attention: {
    cases: CaseFact[];
    requests: { id: number; createdAt: Date }[];
    sessions: SessionSummary[];
    opportunities: ProcurementOpportunity[];
  };
  participation: MemberParticipation[];
  maturity: MaturityData;
  demand: BrigadeDemand;
  framework: Framework;
}

export async function loadWorkspace(
  db: Db,
  network: RegionNetwork,
  viewer: { coordinatorOf: string[]; isPlatformAdmin: boolean },
  now = new Date(),
): Promise<WorkspaceData> {
  const members = await membersOf(db, network.id);
  const ids = members.map((m) => m.id);
  const cases = await caseFacts(db, ids);
  const isProvince = network.code === networkCodes.zuidHolland;
  const modes = await sharingModesOf(db, ids);
  // Contracts are a member's own business: only those sharing by name are compared, as on the contracts page.
  const named = ids.filter((id) => modes.get(id) === 'named');
  return {
    network,
    members,
    now,
    canOpenCases: viewer.isPlatformAdmin || viewer.coordinatorOf.includes(networkCodes.zuidHolland),
    attention: {
      cases: unassignedNewCases(cases),
      requests: await openGuideRequests(db, isProvince ? undefined : ids),
      sessions: sessionsNeedingAttention(await upcomingSessions(db, now, network.code), now),
      opportunities: await procurementOpportunities(db, named, now.toISOString().slice(0, 10)),
    },
    participation: participationOfMembers(members, await participationFacts(db, ids)),
    maturity: await loadMaturity(db, network, members),
    demand: brigadeDemand(cases),
    framework: getFramework(latestFrameworkVersion()),
  };
}
