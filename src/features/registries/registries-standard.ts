import { readFileSync } from 'node:fs';

/**
 * The algorithms register follows the Algoritmeregister's publication standard 1.0. Its field
 * configuration (`standards/publicatiestandaard-1.0.fields.json`, copied unchanged) supplies each
 * field's maximum length, whether it is required, its permitted values and its Dutch help text, so
 * the form, the checks and the export say what the national register says.
 */
export interface StandardItem {
  type?: string;
  title?: string;
  max_length?: number;
  help_text?: string;
  required?: boolean;
  permitted_values?: string[];
}
export interface StandardField extends StandardItem {
  items?: Record<string, StandardItem>;
}
export interface PublicationStandard {
  description: string;
  properties: Record<string, StandardField>;
}

function readStandard(): PublicationStandard {
  const url = new URL('./standards/publicatiestandaard-1.0.fields.json', import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('properties' in parsed))
    throw new Error('The publication standard has no properties');
  // The file is ours and checked by its tests; its shape is the interface above.
  return parsed as PublicationStandard;
}

export const publicationStandard = readStandard();

/** A field of the standard, or an item of one of its groupings ("lawful_basis_grouping.title"). */
export function standardItem(path: string): StandardField {
  const [key = '', item] = path.split('.');
  const field = publicationStandard.properties[key];
  const found = item === undefined ? field : field?.items?.[item];
  if (!found) throw new Error(`The publication standard has no field ${path}`);
  return found;
}
