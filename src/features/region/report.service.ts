import type { Db } from '../../core/db/database.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import {
  demandInPeriod,
  maturityInPeriod,
  requestsInPeriod,
  type RegionReportData,
} from './report-figures.ts';
import type { ReportPeriod } from './report-period.ts';
import { participationOfMembers } from './workspace-figures.ts';
import { loadMaturity } from './workspace-maturity.ts';
import {
  caseFacts,
  guideRequestFacts,
  membersOf,
  participationFacts,
  type RegionNetwork,
} from './workspace.queries.ts';

/**
 * The region report's facts: the workspace's own queries (members, Brigade questions with their
 * days, participation, the benchmark's maturity under its anonymity rule), narrowed to the period.
 */
export async function loadRegionReport(
  db: Db,
  network: RegionNetwork,
  period: ReportPeriod,
  now = new Date(),
): Promise<RegionReportData> {
  const members = await membersOf(db, network.id);
  const ids = members.map((m) => m.id);
  // The handreiking is the province's service: its coordinators see every request, as on the workspace.
  const isProvince = network.code === networkCodes.zuidHolland;
  return {
    network,
    members,
    period,
    now,
    participation: participationOfMembers(members, await participationFacts(db, ids)),
    maturity: maturityInPeriod(await loadMaturity(db, network, members), period),
    demand: demandInPeriod(await caseFacts(db, ids), period),
    requests: requestsInPeriod(await guideRequestFacts(db, isProvince ? undefined : ids), period),
  };
}
