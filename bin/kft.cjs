#!/usr/bin/env node
// The kft CLI entry. dist/cli-bundle.js is dist/cli/main.js, the modules it imports and the
// packages they use in one script (scripts/bundle-cli.mjs, esbuild; one file loads much faster
// than some 250), built by `npm run build` (run by `npm install` via `prepare`).
//
// This file is CommonJS on purpose: an ES-module entry makes Node load its ESM loader (module
// map, translators, fs/promises, readline, streams) before the first line runs — ~0.1 G
// instructions, ~8 ms of every cold start (docs/performance.md). import() still works from here
// and loads that loader only when needed (kft lsp: the language server loads from dist/ as ES
// modules, outside the bundle).
//
// The bundle is compiled with V8's code cache dist/cli-bundle.cache, written at build time after a
// warm-up run (scripts/code-cache.mjs): V8 then skips parsing and compiling the functions a build
// runs, a large part of a cold start. The cache is only an accelerator: missing, unreadable, made
// for another bundle (its header holds the CRC-32 of the bundle text; V8 itself only compares
// lengths) or rejected by V8 (another Node/V8 version or flags), the bundle is compiled from source
// as usual. Nothing is written at run time.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');

const bundleFile = join(__dirname, '..', 'dist', 'cli-bundle.js');
const cacheFile = join(__dirname, '..', 'dist', 'cli-bundle.cache');

/** The cache's first line: this magic, the CRC-32 of the bundle's bytes (hex) and their length. */
const MAGIC = 'kft-code-cache-1';

function cachedDataFor(bundle) {
  let cache;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = cache.indexOf(10);
  if (newline < 0 || newline > 100 || typeof crc32 !== 'function') return undefined;
  const expected = `${MAGIC} ${crc32(bundle).toString(16)} ${bundle.length}`;
  return cache.toString('latin1', 0, newline) === expected ? cache.subarray(newline + 1) : undefined;
}

/**
 * Ends the process as soon as the exit code is known and all output is out: waiting for the event
 * loop to drain would first run V8's idle-time garbage collection of the heap a big build leaves
 * behind (~5–10 ms after a 1,500-task build, work whose result nobody uses). stdout is written with
 * fs.writeSync (src/cli/io.ts writeStdout), so it is out when main() returns; only stderr is a
 * stream, synchronous for files, and for pipes and terminals on Linux. Where it still holds data
 * (asynchronous pipes on Windows and macOS), the process ends normally once it is written.
 * (process.stdout is never touched: creating it loads the stream modules for the fd's kind.)
 */
function finish(code) {
  process.exitCode = code;
  if (process.stderr.writableLength === 0) process.exit(code);
}

const bytes = readFileSync(bundleFile);
const cachedData = cachedDataFor(bytes);
const script = new Script(bytes.toString('utf8'), { filename: bundleFile, cachedData });
if (process.env.KFT_TRACE_MODULES === '1') {
  process.stderr.write(`CODE CACHE ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
const { main } = script.runInThisContext()(pathToFileURL(bundleFile).href, (specifier) => import(specifier));

main(process.argv.slice(2)).then(finish, (error) => {
  process.stderr.write(`kft: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(70);
});
