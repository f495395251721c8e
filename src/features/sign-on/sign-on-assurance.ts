import { assuranceLevels, type AssuranceLevel } from './sign-on.tables.ts';

export const isAssuranceLevel = (value: unknown): value is AssuranceLevel =>
  assuranceLevels.some((level) => level === value);

/**
 * Whether the ID token's `acr` reaches the organisation's required level of assurance (NL GOV
 * Assurance profile for OIDC, eIDAS levels low < substantial < high). No requirement: any answer;
 * a requirement and a missing or unknown `acr`: refused, since it proves nothing.
 */
export function meetsAssurance(required: AssuranceLevel | null, acr: unknown): boolean {
  if (required === null) return true;
  if (!isAssuranceLevel(acr)) return false;
  return assuranceLevels.indexOf(acr) >= assuranceLevels.indexOf(required);
}
