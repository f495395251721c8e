import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  listFrameworkVersions,
  loadFramework,
  writeCompiledFramework,
} from '../src/features/framework/framework-loader.ts';

/**
 * Compiles the server's TypeScript to JavaScript in dist/, the layout of src/ kept (decision 0033):
 * `npm start` and the container image run it with plain Node, which starts in less than half the
 * time tsx needs to load the same modules. Types are checked by `npm run typecheck`, not here.
 * The few data files the modules read beside themselves are copied along, and each framework
 * version is checked and stored as JSON, which the compiled server reads instead of the YAML.
 */
const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.json') || file.startsWith('client')) continue;
  fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  fs.copyFileSync(path.join(src, file), path.join(dist, file));
}
for (const version of listFrameworkVersions())
  writeCompiledFramework(path.join(dist, 'frameworks'), loadFramework(version));
console.log(`Server compiled to ${path.relative(root, dist)}/`);
