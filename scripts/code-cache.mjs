// Writes dist/cli-bundle.cache: V8's code cache of dist/cli-bundle.js after a warm-up run, which
// bin/kft.cjs hands to V8 when it compiles the bundle. Run by `npm run build` after bundle-cli.mjs.
//
// Why: parsing and compiling the ~1 MB bundle, and then lazily compiling each function a build
// calls, is a large part of a cold `kft build` (V8 compiles a function the first time it runs).
// A cache made after the warm-up holds the bytecode of every function the warm-up ran, so a
// real run deserialises it instead of compiling.
//
// How: a child process (with this process's node flags, normally none: V8 rejects a cache made
// under other flags; `node --single-threaded scripts/code-cache.mjs` makes one for that flag) loads
// the bundle exactly as bin/kft.cjs does, builds two example specs into a temporary directory,
// then asks V8 for the cache. The file starts with a line bin/kft.cjs checks: a magic, the CRC-32 of the bundle's
// bytes and their length (V8 itself only compares the source length).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

export const MAGIC = 'kft-code-cache-1';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The header line bin/kft.cjs expects before the cache data of `bundle` (its bytes). */
export const headerOf = (bundle) => `${MAGIC} ${crc32(bundle).toString(16)} ${bundle.length}\n`;

/** Runs in the child: warm up, then write the cache. */
async function warmUpAndWrite(bundleFile, cacheFile) {
  const bytes = readFileSync(bundleFile);
  const script = new Script(bytes.toString('utf8'), { filename: bundleFile });
  const { main } = script.runInThisContext()(pathToFileURL(bundleFile).href, (specifier) => import(specifier));
  // Two small examples (the common features), each built once into a directory (the write path),
  // with relative paths as a user types them. A longer warm-up makes a worse cache: measured, a
  // second pass (--check) or more examples made the compiler_perf build slower (a bigger cache to
  // load in every run, and functions V8 had optimised during the warm-up).
  process.chdir(root);
  const names = ['hello', 'conditions'].filter((name) => existsSync(`examples/${name}/spec.yaml`));
  const out = mkdtempSync(join(tmpdir(), 'kft-code-cache-'));
  try {
    // The examples are not part of an installed package: without them the cache only holds start-up.
    for (const name of names) {
      const args = ['build', `examples/${name}/spec.yaml`, '-o', join(out, name)];
      const code = await main(args);
      if (code !== 0) throw new Error(`code-cache: the warm-up run \`kft ${args.join(' ')}\` exited with ${code}`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  writeFileSync(cacheFile, Buffer.concat([Buffer.from(headerOf(bytes), 'latin1'), script.createCachedData()]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bundleFile = join(root, 'dist', 'cli-bundle.js'), cacheFile = join(root, 'dist', 'cli-bundle.cache')] = process.argv.slice(2).filter((a) => a !== '--child').map((a) => resolve(a));
  if (process.argv.includes('--child')) {
    // The warm-up's messages go to stderr (shown by the parent only if it fails).
    await warmUpAndWrite(bundleFile, cacheFile);
  } else {
    rmSync(cacheFile, { force: true });
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', bundleFile, cacheFile], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`code-cache: the warm-up run failed (exit ${child.status})`);
    }
  }
}
