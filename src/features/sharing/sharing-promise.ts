/**
 * What an organisation is promised when it shares: no group figure rests on fewer organisations
 * than this. The sharing page states it; the benchmark's anonymity rule enforces it.
 */
export const minimumGroupSize = 5;
