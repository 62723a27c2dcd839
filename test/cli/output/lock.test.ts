/**
 * src/cli/output/lock.ts: mutual exclusion between real processes, also when they all start on a
 * stale lock (exactly one takes it over at a time), and the states a lock can be in.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectLock, lockLeftovers } from '../../../src/cli/output/lock.js';
import { repoRoot } from '../../helpers.js';
import { tempTree } from '../run.js';

/**
 * A child process (the built module, as the CLI runs it) that takes the lock `rounds` times; while
 * holding it, it checks that no other holder's marker exists, writes its own, does some file work,
 * and removes it. It prints the overlaps it saw.
 */
const contender = (outputDir: string, rounds: number) => `
import { acquireLock } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist/cli/output/lock.js')).href)};
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
let overlaps = 0;
for (let i = 0; i < ${rounds}; i++) {
  const lock = acquireLock(${JSON.stringify(outputDir)}, () => {});
  if (readdirSync(${JSON.stringify(outputDir)}).some((n) => n.startsWith('holding-'))) overlaps++;
  const mine = join(${JSON.stringify(outputDir)}, 'holding-' + process.pid);
  writeFileSync(mine, 'x');
  for (let j = 0; j < 20; j++) writeFileSync(join(lock.dir, 'work'), String(j));
  rmSync(mine);
  lock.release();
}
process.stdout.write(String(overlaps));
`;

async function race(outputDir: string, processes: number, rounds: number): Promise<string[]> {
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['--input-type=module', '-e', contender(outputDir, rounds)], { stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.on('exit', (code) => resolve(code === 0 ? out : `exit ${code}`));
        }),
    ),
  );
}

describe('the output lock between processes', () => {
  it('four processes taking it 10 times each never hold it together, and leave nothing behind', async () => {
    const dir = tempTree();
    const out = join(dir, 'out');
    expect(await race(out, 4, 10)).toEqual(['0', '0', '0', '0']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('the first build to take the lock removes what killed builds left of earlier locks', async () => {
    const out = join(tempTree(), 'out');
    mkdirSync(join(out, '.kft-build.done-x', 'stage'), { recursive: true });
    mkdirSync(join(out, '.kft-build.break'));
    const then = new Date(Date.now() - 60_000);
    utimesSync(join(out, '.kft-build.break'), then, then);
    expect(await race(out, 1, 1)).toEqual(['0']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('four processes starting on a stale lock: one takes it over at a time, none together', async () => {
    const dir = tempTree();
    const out = join(dir, 'out');
    mkdirSync(join(out, '.kft-build'), { recursive: true });
    writeFileSync(join(out, '.kft-build', 'owner'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), nonce: 'dead', since: 'then' }));
    expect(await race(out, 4, 5)).toEqual(['0', '0', '0', '0']);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('inspectLock', () => {
  const withLock = (owner?: object) => {
    const out = join(tempTree(), 'out');
    mkdirSync(join(out, '.kft-build'), { recursive: true });
    if (owner) writeFileSync(join(out, '.kft-build', 'owner'), JSON.stringify(owner));
    return out;
  };

  it('free without a lock directory; live for this process; stale for a pid that does not run', () => {
    expect(inspectLock(join(tempTree(), 'out'))).toEqual({ kind: 'free' });
    expect(inspectLock(withLock({ pid: process.pid, host: hostname(), nonce: 'n', since: 's' })).kind).toBe('live');
    expect(inspectLock(withLock({ pid: 2 ** 22 + 7, host: hostname(), nonce: 'n', since: 's' })).kind).toBe('stale');
  });

  it('an unreadable owner counts as live while the directory is young, then as stale', () => {
    const out = withLock();
    writeFileSync(join(out, '.kft-build', 'owner'), '{"pid": 12');
    expect(inspectLock(out)).toEqual({ kind: 'live' });
    const then = new Date(Date.now() - 60_000);
    utimesSync(join(out, '.kft-build'), then, then);
    expect(inspectLock(out)).toEqual({ kind: 'stale' });
  });

  it('leftovers: released locks not fully deleted, and an old breaker; a fresh breaker is in use', () => {
    const out = join(tempTree(), 'out');
    mkdirSync(join(out, '.kft-build.break'), { recursive: true });
    expect(lockLeftovers(out, ['.kft-build.done-x', '.kft-build.break', '.kft-build'])).toEqual(['.kft-build.done-x']);
    const then = new Date(Date.now() - 60_000);
    utimesSync(join(out, '.kft-build.break'), then, then);
    expect(lockLeftovers(out, ['.kft-build.break'])).toEqual(['.kft-build.break']);
  });
});
