/**
 * bin/kft.cjs compiles the bundle with the code cache scripts/code-cache.mjs wrote at build time
 * (dist/cli-bundle.cache). The cache only makes start-up faster: the build's own cache is accepted,
 * and a missing, stale (made for another bundle), corrupt or V8-rejected cache still gives the
 * same output. KFT_TRACE_MODULES=1 makes bin/kft.cjs say which case it met.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const { headerOf } = (await import('../../scripts/code-cache.mjs')) as { headerOf: (bundle: Buffer) => string };

const spec = join(repoRoot, 'examples', 'hello', 'spec.yaml');

/** Runs `kft build <hello>` from the bin/kft.cjs under `root`; its stdout and the cache it met. */
function build(root: string): { code: number | null; stdout: string; cache: string | undefined } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kft.cjs'), 'build', spec], { encoding: 'utf8', env: { ...process.env, KFT_TRACE_MODULES: '1' } });
  return { code: r.status, stdout: r.stdout, cache: /^CODE CACHE (\w+)$/m.exec(r.stderr)?.[1] };
}

/** A copy of bin/kft.cjs and the bundle (with the rest of the package linked) with `cache` as its code cache. */
function installWith(cache: Buffer | undefined): string {
  const root = mkdtempSync(join(tmpdir(), 'kft-bin-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist'));
  copyFileSync(join(repoRoot, 'bin', 'kft.cjs'), join(root, 'bin', 'kft.cjs'));
  copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  copyFileSync(join(repoRoot, 'dist', 'cli-bundle.js'), join(root, 'dist', 'cli-bundle.js'));
  for (const dir of ['schemas', 'node_modules']) symlinkSync(join(repoRoot, dir), join(root, dir), 'dir');
  if (cache) writeFileSync(join(root, 'dist', 'cli-bundle.cache'), cache);
  return root;
}

describe('bin/kft.cjs', () => {
  const expected = build(repoRoot);
  const bundle = readFileSync(join(repoRoot, 'dist', 'cli-bundle.js'));
  const cache = readFileSync(join(repoRoot, 'dist', 'cli-bundle.cache'));
  const data = cache.subarray(cache.indexOf(10) + 1);

  it('uses the code cache written by npm run build', () => {
    expect(expected.code).toBe(0);
    expect(expected.stdout).toMatch(/^apiVersion: tekton\.dev\/v1$/m);
    expect(expected.cache).toBe('accepted');
    expect(cache.subarray(0, cache.indexOf(10) + 1).toString('latin1')).toBe(headerOf(bundle));
  });

  it.each([
    ['missing', undefined, 'none'],
    ['made for another bundle', Buffer.concat([Buffer.from(headerOf(Buffer.from('another bundle')), 'latin1'), data]), 'none'],
    ['without a header', data, 'none'],
    ['truncated', Buffer.concat([Buffer.from(headerOf(bundle), 'latin1'), data.subarray(0, data.length >> 1)]), 'rejected'],
    ['not a V8 cache', Buffer.concat([Buffer.from(headerOf(bundle), 'latin1'), Buffer.alloc(4096, 7)]), 'rejected'],
  ])('still works, with the same output, when the cache is %s', (_, variant, status) => {
    const r = build(installWith(variant));
    expect(r.cache).toBe(status);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected.stdout);
  });
});

describe('bin/kft.cjs ends the process as soon as the output is out', () => {
  // finish() calls process.exit when stdout and stderr hold nothing unwritten; a megabyte of
  // manifests through a pipe must still arrive whole, and the exit code must be the build's.
  it('a 1,500-task build to stdout (a pipe) arrives complete', () => {
    const perf = join(repoRoot, 'fixtures', 'conformance', 'compiler_perf');
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'kft.cjs'), 'build', join(perf, 'spec.yaml')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    const expected = readFileSync(join(perf, 'expected.yaml'), 'utf8');
    expect(r.stdout.length).toBeGreaterThan(900_000);
    expect(r.stdout.endsWith(expected)).toBe(true);
  });

  it('keeps the exit code of a failed build', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'kft.cjs'), 'build', join(repoRoot, 'no-such-spec.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file/);
  });
});
