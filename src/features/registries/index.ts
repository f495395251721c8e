export {
  registryFactsForDocument,
  registryFactsForTheme,
  factsHeading,
  type RegistryFacts,
} from './registries-facts.ts';
export { procurementOpportunities, type ProcurementOpportunity } from './registries-network.routes.ts';
export { exitReadiness, exitReadinessRules, riskBand } from './registries-scoring.ts';
export { contractsEndingBetween, organisationsWithOpenData } from './registries.queries.ts';
export { addMonths } from './registries-expiry.ts';
export { optionLabel } from './registries-labels.ts';
