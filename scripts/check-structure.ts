import path from 'node:path';
import { checkStructure, readSourceTree } from './structure.ts';

/** `npm run check:structure`: prints each broken structure rule with its file, and fails on any. */
const root = path.resolve(import.meta.dirname, '..');
const violations = checkStructure(readSourceTree(root));
for (const v of violations) console.error(`${v.file}: [${v.rule}] ${v.message}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} structure problem(s); the rules are in docs/development.md.`);
  process.exit(1);
}
console.log('structure: no cycles, the core imports no slice, slices meet at index.ts');
