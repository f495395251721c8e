/**
 * Addresses that one slice serves and other slices link to. The documents slice serves both pages
 * below while it reads the scans and strategies that link to them; if the links imported the
 * documents slice, each pair would depend on the other. So the address lives here, where both
 * sides can reach it and the core still knows no slice.
 */

/** The scan-results document of one scan, with its versions. */
export const scanDocumentsPath = (code: string, scanId: number): string =>
  `/o/${code}/scans/${scanId}/documents`;

/** The strategy document of the organisation's active strategy, with its versions. */
export const strategyDocumentsPath = (code: string): string => `/o/${code}/documents/strategy`;

/** The council letters on the strategy's progress: drafting one, and the earlier ones. */
export const councilLettersPath = (code: string): string => `/o/${code}/documents/council-letters`;
