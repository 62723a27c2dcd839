#!/usr/bin/env node
// The kft CLI entry. dist/cli-bundle.js is dist/cli/main.js and the modules it imports in one
// file (scripts/bundle-cli.mjs; one file loads much faster than ~80), built by `npm run build`
// (run by `npm install` via `prepare`).
import { main } from '../dist/cli-bundle.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`kft: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
