/**
 * The output guarantees of `kft build -o DIR` (issue: "a failed build never leaves partial output,
 * and --check never writes"), checked on the whole directory tree: every file's bytes and mtime,
 * every directory's mtime (creating and deleting a temp file would change it), no temp files.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenSpec, kft, tempTree, validSpec } from './run.js';

interface Entry {
  readonly kind: 'file' | 'dir' | 'other';
  readonly mtimeMs: number;
  readonly bytes?: string;
}

/** Everything under `root` (hidden entries included), path → kind, mtime and content. */
function snapshot(root: string): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  const visit = (path: string) => {
    const stat = statSync(path);
    const key = relative(root, path) || '.';
    if (stat.isDirectory()) {
      out[key] = { kind: 'dir', mtimeMs: stat.mtimeMs };
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (stat.isFile()) out[key] = { kind: 'file', mtimeMs: stat.mtimeMs, bytes: readFileSync(path).toString('base64') };
    else out[key] = { kind: 'other', mtimeMs: stat.mtimeMs };
  };
  visit(root);
  return out;
}

/** Sets every mtime under `root` one hour back, so that any rewrite (even of the same bytes) shows. */
function ageTree(root: string): void {
  const then = new Date(Date.now() - 3_600_000);
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    utimesSync(path, then, then);
  };
  visit(root);
}

const tempFiles = (root: string): string[] => Object.keys(snapshot(root)).filter((p) => p.split('/').some((part) => part.startsWith('.kft-tmp-')));

/** Specs p/a.yaml and p/team/b.yaml built once into out/, with a user's file beside them; all aged. */
function builtTree(): string {
  const dir = tempTree({ 'p/a.yaml': validSpec('alpha'), 'p/team/b.yaml': validSpec('beta'), 'out/README.md': 'mine\n' });
  expect(kft(['build', 'p', '-o', 'out'], { cwd: dir }).code).toBe(0);
  ageTree(join(dir, 'out'));
  return dir;
}

describe('a failed kft build -o leaves the output as it was', () => {
  it('when one spec of several has errors (exit 1): no file written, no temp file, nothing touched', () => {
    const dir = builtTree();
    writeFileSync(join(dir, 'p/a.yaml'), validSpec('alpha', 'changed'));
    writeFileSync(join(dir, 'p/c.yaml'), validSpec('gamma'));
    writeFileSync(join(dir, 'p/team/b.yaml'), brokenSpec);
    const before = snapshot(join(dir, 'out'));
    const r = kft(['build', 'p', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('p/team/b.yaml:7:20: error:');
    expect(r.stderr).not.toContain('wrote');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('when a first build fails, the output directory is not even created', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha'), 'p/b.yaml': brokenSpec });
    expect(kft(['build', 'p', '-o', 'out/nested'], { cwd: dir }).code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('when a directory cannot be created (a file is in the way, exit 2): no partial output, no temp files', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha'), 'p/team/b.yaml': validSpec('beta'), 'out/team': 'a file where a directory must go\n' });
    ageTree(join(dir, 'out'));
    const before = snapshot(join(dir, 'out'));
    const r = kft(['build', 'p', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kft: cannot write out/team/b.yaml: out/team is a file where kft needs a directory; nothing was written\n');
    expect(existsSync(join(dir, 'out/a.yaml'))).toBe(false);
    expect(tempFiles(join(dir, 'out'))).toEqual([]);
    const after = snapshot(join(dir, 'out'));
    expect(after['team']).toEqual(before['team']);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  it('when an output file path is taken by a directory (exit 2): a clear error, nothing written', () => {
    const dir = builtTree();
    writeFileSync(join(dir, 'p/a.yaml'), validSpec('alpha', 'changed'));
    writeFileSync(join(dir, 'p/c.yaml'), validSpec('gamma'));
    mkdirSync(join(dir, 'out/c.yaml'));
    ageTree(join(dir, 'out'));
    const before = snapshot(join(dir, 'out'));
    const r = kft(['build', 'p', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kft: cannot write out/c.yaml: a directory is in the way; nothing was written\n');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('when -o names a file (exit 2): a clear error, the file untouched', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha'), 'out': 'not a directory\n' });
    const r = kft(['build', 'p', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kft: out: not a directory; -o needs a directory to write into\n');
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('not a directory\n');
  });

  // Root may write anywhere whatever the mode bits say, so this case needs an unprivileged user.
  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)('when the output directory is read-only (exit 2): no partial output, no temp files', () => {
    const dir = builtTree();
    writeFileSync(join(dir, 'p/a.yaml'), validSpec('alpha', 'changed'));
    writeFileSync(join(dir, 'p/team/b.yaml'), validSpec('beta', 'changed'));
    chmodSync(join(dir, 'out/team'), 0o555);
    try {
      const before = snapshot(join(dir, 'out'));
      const r = kft(['build', 'p', '-o', 'out'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('kft: cannot write into out/team: permission denied; nothing was written\n');
      expect(snapshot(join(dir, 'out'))).toEqual(before);
    } finally {
      chmodSync(join(dir, 'out/team'), 0o755);
    }
  });
});

describe('kft build --check never writes', () => {
  const check = (dir: string, ...extra: string[]) => kft(['build', '--check', ...extra, 'p', '-o', 'out'], { cwd: dir });

  it('leaves a fresh output byte for byte and mtime for mtime as it was (exit 0)', () => {
    const dir = builtTree();
    const before = snapshot(join(dir, 'out'));
    expect(check(dir).code).toBe(0);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('leaves missing, stale and extra files as they are (exit 1), also with --prune', () => {
    const dir = builtTree();
    writeFileSync(join(dir, 'p/a.yaml'), validSpec('alpha', 'changed'));
    writeFileSync(join(dir, 'p/c.yaml'), validSpec('gamma'));
    writeFileSync(join(dir, 'p/team/b.yaml'), 'not a spec any more\n');
    const before = snapshot(join(dir, 'out'));
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kft: 3 generated files are out of date');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    expect(check(dir, '--prune').code).toBe(1);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('does not create a missing output directory', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha') });
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('out/a.yaml: missing');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('touches nothing when a spec has errors (exit 1)', () => {
    const dir = builtTree();
    writeFileSync(join(dir, 'p/a.yaml'), brokenSpec);
    const before = snapshot(join(dir, 'out'));
    expect(check(dir).code).toBe(1);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it.runIf(process.platform !== 'win32')('does not read a named pipe in the output directory (it would block) and leaves it there', () => {
    const dir = builtTree();
    execFileSync('mkfifo', [join(dir, 'out/pipe.yaml')]);
    const before = snapshot(join(dir, 'out'));
    expect(check(dir, '--prune')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  }, 30_000);
});
