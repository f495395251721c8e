#!/usr/bin/env node
// Runs the TypeScript command line through tsx, resolved from this package, wherever it is called from.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
