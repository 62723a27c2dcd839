/**
 * `src/cli/io.ts` through the CLI: a spec argument that is not a regular file (a device such as
 * /dev/zero, a named pipe) is a usage error at once, never an endless or blocked read; a write to
 * stdout that fails is exit 2 with one line, and a reader that closes the pipe ends kft quietly. A
 * spec's bytes are decoded by the compiler (UTF-8 or UTF-16 with a byte-order mark; anything else
 * is reported at its position), the size limit counts bytes, and hostile nesting is one short
 * diagnostic per file, never a crash.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.js';
import { kft, kftBin, tempTree, validSpec } from './run.js';

/** Long enough for a loaded machine, short enough that a hanging read fails the test rather than the suite. */
const timeout = 30_000;
const hasDevZero = existsSync('/dev/zero');
const mkfifo = (path: string): void => void execFileSync('mkfifo', [path]);
const hasMkfifo = ((): boolean => {
  try {
    mkfifo(join(tempTree(), 'probe'));
    return true;
  } catch {
    return false;
  }
})();

describe('spec arguments that are not regular files', () => {
  it.runIf(hasDevZero).each([['build'], ['validate'], ['graph']])('kft %s /dev/zero is a usage error (exit 2), not an endless read', (command) => {
    const r = kft([command, '/dev/zero'], { timeout });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kft: /dev/zero: not a regular file');
    expect(r.stdout).toBe('');
  });

  it.runIf(hasMkfifo)('kft build on a named pipe fails at once instead of waiting for a writer', () => {
    const dir = tempTree();
    mkfifo(join(dir, 'pipe.yaml'));
    const r = kft(['build', 'pipe.yaml'], { cwd: dir, timeout });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kft: pipe.yaml: not a regular file (kft reads specs from files, not devices or pipes)\n');
  });

  it.runIf(hasMkfifo)('a directory argument skips a named pipe among its specs and builds the rest', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha') });
    mkfifo(join(dir, 'p', 'b.yaml'));
    const r = kft(['build', 'p', '-o', 'out'], { cwd: dir, timeout });
    expect(r.stderr).toBe('kft: wrote out/a.yaml\n');
    expect(r.code).toBe(0);
  });

  it.runIf(hasMkfifo)('a component file that is a named pipe is named as such at once, not read (the read would block)', () => {
    const dir = tempTree({ 'spec.yaml': 'apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  components:\n    c: {file: c.yaml}\n  tasks:\n    a: {component: c}\n' });
    mkfifo(join(dir, 'c.yaml'));
    const r = kft(['validate', 'spec.yaml'], { cwd: dir, timeout });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("spec.yaml:6:15: error: component file 'c.yaml' is not a regular file (a pipe, a socket or a device) [file-unreadable]");
  });

  it('a directory argument is still expanded into its specs', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha') });
    const r = kft(['build', 'p'], { cwd: dir, timeout });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: alpha');
  });
});

/** A spec whose manifests (~1 MB) are far more than a pipe holds (64 KB on Linux). */
const bigSpec = join(fixturesDir, 'conformance', 'compiler_perf', 'spec.yaml');
const hasBash = process.platform !== 'win32' && existsSync('/bin/bash');

/** Runs `script` in bash with $KFT set to the kft command line; stdout and stderr of bash. */
const bash = (script: string, cwd?: string) =>
  spawnSync('/bin/bash', ['-c', script], { cwd, encoding: 'utf8', timeout, env: { ...process.env, KFT: `"${process.execPath}" "${kftBin}"`, NO_COLOR: '1' } });

describe('writing to stdout', () => {
  it.runIf(existsSync('/dev/full')).each([
    ['build', ['build', bigSpec]],
    ['validate --format json', ['validate', '--format', 'json', bigSpec]],
    ['explain', ['explain']],
    ['schema', ['schema']],
    ['--help', ['--help']],
    ['component python', ['component', 'python', `${join(fixturesDir, '..', 'examples', 'python-components', 'steps', 'data.py')}:make_table`]],
  ])('kft %s > /dev/full is exit 2 with one line, not a silent success', (_, args) => {
    const r = bash(`eval "$KFT ${args.map((a) => `'${a}'`).join(' ')}" > /dev/full`);
    expect(r.stderr).toBe('kft: cannot write to stdout: no space left on the device (ENOSPC)\n');
    expect(r.status).toBe(2);
  });

  it.runIf(hasBash)('under a file-size limit (ulimit -f) the truncated output is exit 2, not exit 0', () => {
    const dir = tempTree();
    // 100 blocks of 1,024 bytes (bash counts ulimit -f in 1 KiB units): far less than the output.
    const r = bash(`ulimit -f 100 && eval "$KFT build '${bigSpec}'" > out.yaml`, dir);
    expect(r.stderr).toBe('kft: cannot write to stdout: file too large (a file-size limit, ulimit -f?) (EFBIG)\n');
    expect(r.status).toBe(2);
    expect(statSync(join(dir, 'out.yaml')).size).toBe(100 * 1024);
  });

  it.runIf(hasBash)('a reader that stops early (| head -c10) ends kft quietly: exit 0, no stack trace', () => {
    const dir = tempTree();
    const r = bash(`eval "$KFT build '${bigSpec}'" 2>err.txt | head -c10; echo " \${PIPESTATUS[0]}"`, dir);
    expect(r.stdout).toBe('apiVersion 0\n');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it.runIf(hasBash)('a reader that stops early does not turn spec errors into success: the exit code stays 1', () => {
    const dir = tempTree({ 'bad.yaml': 'apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: bad}\nspec:\n  tasks:\n' + Array.from({ length: 3000 }, (_, i) => `    t${i}: {component: missing}\n`).join('') });
    const r = bash(`eval "$KFT validate --format json bad.yaml" 2>err.txt | head -c1; echo " \${PIPESTATUS[0]}"`, dir);
    expect(r.stdout).toBe('[ 1\n');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it.runIf(hasBash)('output larger than a pipe arrives whole through a slow reader', () => {
    const expected = kft(['build', bigSpec]).stdout;
    const r = bash(`eval "$KFT build '${bigSpec}'" | (sleep 0.2; cat) | wc -c`);
    expect(Number(r.stdout.trim())).toBe(Buffer.byteLength(expected));
    expect(expected.length).toBeGreaterThan(500_000);
  });
});

describe('spec bytes', () => {
  const withBom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);

  it('reads UTF-8 with a byte-order mark and UTF-16 (either byte order) as the same spec', () => {
    const text = validSpec('enc', 'café');
    const dir = tempTree({ 'plain.yaml': text });
    const le = Buffer.from(text, 'utf16le');
    writeFileSync(join(dir, 'bom.yaml'), withBom([0xef, 0xbb, 0xbf], Buffer.from(text)));
    writeFileSync(join(dir, 'le.yaml'), withBom([0xff, 0xfe], le));
    writeFileSync(join(dir, 'be.yaml'), withBom([0xfe, 0xff], Buffer.from(le).swap16()));
    const expected = kft(['build', 'plain.yaml'], { cwd: dir });
    expect(expected.code).toBe(0);
    for (const file of ['bom.yaml', 'le.yaml', 'be.yaml']) expect(kft(['build', file], { cwd: dir }), file).toEqual(expected);
  });

  it('reports bytes that are not UTF-8 at file:line:col, and UTF-16 without a mark in one line, never as a dump', () => {
    const dir = tempTree();
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from(validSpec('enc', 'caf\xe9'), 'latin1'));
    writeFileSync(join(dir, 'bare16.yaml'), Buffer.from(validSpec('enc'), 'utf16le'));
    const latin1 = kft(['validate', 'latin1.yaml'], { cwd: dir });
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toMatch(/^latin1\.yaml:15:28: error: byte 0xE9 \(at byte offset \d+\) is not valid UTF-8 \[file-encoding\]\n/);
    const bare = kft(['validate', 'bare16.yaml'], { cwd: dir });
    expect(bare.code).toBe(1);
    expect(bare.stderr.split('\n')[0]).toBe('bare16.yaml:1:1: error: the file looks like UTF-16 or UTF-32 without a byte-order mark (it starts with a NUL byte) [file-encoding]');
    expect(bare.stderr.length).toBeLessThan(400);
  });

  it('counts the size limit in bytes: 6 million CJK characters (18 MB) are over 16 MiB', () => {
    const dir = tempTree();
    writeFileSync(join(dir, 'big.yaml'), `a: ${'漢'.repeat(6_000_000)}\n`);
    const r = kft(['validate', 'big.yaml'], { cwd: dir, timeout });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('big.yaml:1:1: error: input rejected: the file is 18000004 bytes; the limit is 16777216 [input-limit]');
    expect(r.stderr.length).toBeLessThan(600);
  });

  it('reports nesting thousands of levels deep where the limit is passed, in short lines, file after file (no abort)', () => {
    const dir = tempTree({ 'flow.yaml': `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'compact.yaml': `${'- '.repeat(20_000)}x\n`, 'block.yaml': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:\n`).join('') });
    const r = kft(['validate', 'flow.yaml', 'compact.yaml', 'block.yaml'], { cwd: dir, timeout });
    expect(r.code).toBe(1);
    const heads = r.stderr.split('\n').filter((l) => /^\w+\.yaml:/.test(l));
    expect(heads).toEqual([
      'flow.yaml:1:132: error: input rejected: nesting is deeper than 128 levels [input-limit]',
      'compact.yaml:1:259: error: input rejected: nesting is deeper than 128 levels [input-limit]',
      'block.yaml:129:129: error: input rejected: nesting is deeper than 128 levels [input-limit]',
    ]);
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThan(140);
  });
});
