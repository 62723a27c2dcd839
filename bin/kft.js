#!/usr/bin/env node
// The kft CLI entry. dist/cli-bundle.js is dist/cli/main.js, the modules it imports and the
// CommonJS packages they use in one script (scripts/bundle-cli.mjs; one file loads much faster
// than ~80), built by `npm run build` (run by `npm install` via `prepare`).
//
// It is compiled with V8's code cache dist/cli-bundle.cache, written at build time after a warm-up
// run (scripts/code-cache.mjs): V8 then skips parsing and compiling the functions a build runs,
// a large part of a cold start. The cache is only an accelerator: missing, unreadable, made for
// another bundle (its header holds the CRC-32 of the bundle text; V8 itself only compares lengths)
// or rejected by V8 (another Node/V8 version or flags), the bundle is compiled from source as
// usual. Nothing is written at run time.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

const bundleUrl = new URL('../dist/cli-bundle.js', import.meta.url);
const cacheUrl = new URL('../dist/cli-bundle.cache', import.meta.url);

/** The cache's first line: this magic, the CRC-32 of the bundle's bytes (hex) and their length. */
const MAGIC = 'kft-code-cache-1';

function cachedDataFor(bundle) {
  let cache;
  try {
    cache = readFileSync(cacheUrl);
  } catch {
    return undefined;
  }
  const newline = cache.indexOf(10);
  if (newline < 0 || newline > 100 || typeof crc32 !== 'function') return undefined;
  const expected = `${MAGIC} ${crc32(bundle).toString(16)} ${bundle.length}`;
  return cache.toString('latin1', 0, newline) === expected ? cache.subarray(newline + 1) : undefined;
}

const bytes = readFileSync(bundleUrl);
const cachedData = cachedDataFor(bytes);
const script = new Script(bytes.toString('utf8'), { filename: fileURLToPath(bundleUrl), cachedData });
if (process.env.KFT_TRACE_MODULES === '1') {
  process.stderr.write(`CODE CACHE ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
const { main } = script.runInThisContext()(bundleUrl.href, (specifier) => import(specifier));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`kft: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
