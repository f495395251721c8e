/** The OpenAPI document's tags: one per resource, in the order the documentation lists them. */
export const apiTags = [
  { name: 'meta', description: 'About this API' },
  {
    name: 'organisations',
    description: 'Municipalities, provinces and regions (public reference data)',
  },
  { name: 'scans', description: 'An organisation’s maturity scans (with an organisation API token)' },
  {
    name: 'strategies',
    description:
      'An organisation’s strategies, each version with its actions (with an organisation API token)',
  },
  {
    name: 'registers',
    description:
      'An organisation’s registers (data sources, contracts, assessments, partnerships): read, and ' +
      'changed with a read-write token under the same checks as the forms',
  },
  {
    name: 'documents',
    description:
      'The documents an organisation made of its strategy, scans and council letters: each stored version, and its file',
  },
  {
    name: 'practices',
    description:
      'An organisation’s practices, drafts included, with their attachments: read, and added or changed with a read-write token under the same checks as the form',
  },
  {
    name: 'knowledge-sessions',
    description:
      'Knowledge sessions of the networks an organisation coordinates or belongs to, and their sign-ups: announced by the coordinating organisation, signed up for and withdrawn by a member organisation for its staff, under the same checks as the web',
  },
  {
    name: 'brigade-questions',
    description:
      'Questions to the Connectiviteit Brigade: an organisation reads and asks its own; the organisation coordinating the network reads and handles them all, under the same checks as the forms',
  },
  {
    name: 'benchmarks',
    description: 'Aggregated scores per peer group, as open data (CC0 1.0), under the anonymity rule',
  },
];
