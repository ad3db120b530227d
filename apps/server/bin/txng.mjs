#!/usr/bin/env node
// `txng` command-line entry: loads the TypeScript sources through tsx, then dispatches.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
