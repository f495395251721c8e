export { sharingModes, type SharingMode } from './sharing.tables.ts';
// The table itself only for tests and demo checks that clear or count rows; slices read and write
// sharing choices through the functions below.
export { sharingSettings } from './sharing.tables.ts';
export { setSharingMode, sharingModeOf, sharingModesOf } from './sharing.queries.ts';
export { minimumGroupSize } from './sharing-promise.ts';
