/**
 * `src/cli/io.ts` readSource through the CLI: a spec argument that is not a regular file (a device
 * such as /dev/zero, a named pipe) is a usage error at once, never an endless or blocked read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kft, tempTree, validSpec } from './run.js';

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

  it('a directory argument is still expanded into its specs', () => {
    const dir = tempTree({ 'p/a.yaml': validSpec('alpha') });
    const r = kft(['build', 'p'], { cwd: dir, timeout });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('name: alpha');
  });
});
