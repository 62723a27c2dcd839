/**
 * The output directory's lock, so that two `kft build -o DIR` at once do not interleave their
 * files: the directory `DIR/.kft-build`, created with mkdir (atomic: exactly one process succeeds),
 * holding `owner` (pid, host, a random nonce, when) and, while the build writes, its journal
 * (transaction.ts). A second build waits for it (bounded: KFT_LOCK_TIMEOUT seconds, default 60),
 * then fails with a message naming the holder.
 *
 * A lock whose owner died (kill -9, a crash, a power cut) is stale: its pid no longer runs on this
 * host (on Linux also: the pid now belongs to a process started at another time). The next build
 * takes it over, after which the caller completes or undoes what the dead build left. Taking over
 * is serialised by a second, short-lived lock (`.kft-build.break`), inside which the owner is read
 * again: of several builds finding the same stale lock, exactly one takes it. A lock held by
 * another host cannot be checked (a shared network directory): it counts as live until the wait
 * ends, and the message says how to remove it. An owner file that is missing or unreadable
 * (the instant between mkdir and writing it) counts as live for 10 seconds.
 *
 * Release renames the lock away before deleting it, so the lock path is never an empty directory
 * that a half-finished delete leaves behind. The lock directory holds a `.gitignore` of `*`: a
 * `git add -A` after a killed build commits none of it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describeError, sleepSync } from '../io.js';
import { crashPoint } from './faults.js';
import { LOCK_NAME } from './layout.js';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
  /** ISO time the lock was taken (for the message). */
  readonly since: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/PID/stat), to tell a reused pid. */
  readonly start?: string;
}

export type LockState =
  | { readonly kind: 'free' }
  | { readonly kind: 'live'; readonly owner?: LockOwner }
  | { readonly kind: 'stale'; readonly owner?: LockOwner };

export interface Lock {
  /** The lock directory (`DIR/.kft-build`), where the journal lives. */
  readonly dir: string;
  /** A dead build's lock was taken over: its journal, if any, must be completed or undone first. */
  readonly tookOver: boolean;
  /** The dead build's owner record, when it had written one. */
  readonly previousOwner?: LockOwner;
  readonly owner: LockOwner;
  release(): void;
}

/** The lock stayed held by a live process for the whole wait. */
export class LockTimeout extends Error {
  constructor(
    readonly outputDir: string,
    readonly owner: LockOwner | undefined,
    readonly seconds: number,
  ) {
    super(`${outputDir} is locked by another kft build (${describeOwner(owner)}) for more than ${seconds} s; if no kft build is running there, delete ${join(outputDir, LOCK_NAME)}`);
  }
}

/** How long a missing or unreadable owner file counts as "being written" rather than stale. */
const OWNER_GRACE_MS = 10_000;
const BREAKER = `${LOCK_NAME}.break`;
const RELEASED = `${LOCK_NAME}.done-`;

/** Seconds a build waits for another build's lock: KFT_LOCK_TIMEOUT, default 60. */
export function lockTimeoutSeconds(): number {
  const value = Number(process.env.KFT_LOCK_TIMEOUT);
  return process.env.KFT_LOCK_TIMEOUT !== undefined && Number.isFinite(value) && value >= 0 ? value : 60;
}

export function describeOwner(owner: LockOwner | undefined): string {
  if (owner === undefined) return 'owner not yet recorded';
  return `pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since}`;
}

/** The state of `outputDir`'s lock, read only. */
export function inspectLock(outputDir: string): LockState {
  const dir = join(outputDir, LOCK_NAME);
  let mtimeMs: number;
  try {
    const stat = statSync(dir);
    if (!stat.isDirectory()) throw new Error(`${dir} is in the way of kft's lock (it is not a directory); remove it`);
    mtimeMs = stat.mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    throw error;
  }
  const owner = readOwner(dir);
  if (owner === undefined) return Date.now() - mtimeMs < OWNER_GRACE_MS ? { kind: 'live' } : { kind: 'stale' };
  return isAlive(owner) ? { kind: 'live', owner } : { kind: 'stale', owner };
}

/**
 * Waits (bounded) while a live process holds the lock, without taking it: for `--check`, which
 * writes nothing. Returns the state it ended in (free or stale); throws LockTimeout.
 */
export function waitWhileLocked(outputDir: string, onWait: (owner: LockOwner | undefined) => void): LockState {
  const seconds = lockTimeoutSeconds();
  const deadline = Date.now() + seconds * 1000;
  const pause = new Backoff();
  let told = false;
  for (;;) {
    const state = inspectLock(outputDir);
    if (state.kind !== 'live') return state;
    if (Date.now() >= deadline) throw new LockTimeout(outputDir, state.owner, seconds);
    if (!told) onWait(state.owner), (told = true);
    pause.sleep();
  }
}

/**
 * Takes the lock of `outputDir` (created if missing), waiting while another live build holds it
 * and taking over a stale one. Throws LockTimeout, or the file system's error.
 */
export function acquireLock(outputDir: string, onWait: (owner: LockOwner | undefined) => void): Lock {
  mkdirSync(outputDir, { recursive: true });
  const dir = join(outputDir, LOCK_NAME);
  const me = ownerOfThisProcess();
  const seconds = lockTimeoutSeconds();
  const deadline = Date.now() + seconds * 1000;
  const pause = new Backoff();
  let told = false;
  for (;;) {
    if (tryMkdir(dir)) {
      writeOwner(dir, me);
      return heldLock(outputDir, me);
    }
    const state = inspectLock(outputDir);
    if (state.kind === 'stale') {
      if (takeOver(outputDir, state.owner, me)) return heldLock(outputDir, me, { previous: state.owner });
    } else if (state.kind === 'live') {
      if (Date.now() >= deadline) throw new LockTimeout(outputDir, state.owner, seconds);
      if (!told) onWait(state.owner), (told = true);
    }
    pause.sleep();
  }
}

function heldLock(outputDir: string, owner: LockOwner, takenOver?: { previous?: LockOwner }): Lock {
  const dir = join(outputDir, LOCK_NAME);
  // Also on a takeover: the dead build may not have written it yet.
  writeFileSync(join(dir, '.gitignore'), '# kft build lock and journal: never commit\n*\n');
  crashPoint('locked');
  removeReleasedLocks(outputDir);
  return {
    dir,
    tookOver: takenOver !== undefined,
    ...(takenOver?.previous ? { previousOwner: takenOver.previous } : {}),
    owner,
    release() {
      const away = join(outputDir, `${RELEASED}${owner.nonce}`);
      renameSync(dir, away);
      crashPoint('released');
      // The .gitignore last: whatever a kill leaves of it stays out of `git add -A`. Plain unlinks
      // for what a finished build leaves (owner, .gitignore): rmSync's recursive walk costs more.
      // Another build that took the lock meanwhile may be deleting it too (removeReleasedLocks).
      ignoringGone(() => {
        for (const entry of readdirSync(away, { withFileTypes: true })) {
          if (entry.name === '.gitignore') continue;
          if (entry.isDirectory()) rmSync(join(away, entry.name), { recursive: true, force: true });
          else ignoringGone(() => unlinkSync(join(away, entry.name)));
        }
        ignoringGone(() => unlinkSync(join(away, '.gitignore')));
        rmdirSync(away);
      });
    },
  };
}

/**
 * Locks that were released but not fully deleted (the releasing build was killed meanwhile, or is
 * still deleting: both may delete, whoever comes second finds entries gone), and an old breaker.
 */
function removeReleasedLocks(outputDir: string): void {
  for (const name of lockLeftovers(outputDir, readdirSync(outputDir))) ignoringGone(() => rmSync(join(outputDir, name), { recursive: true, force: true }));
}

/** Runs `remove`, ignoring that what it removes is already gone (ENOENT). */
function ignoringGone(remove: () => void): void {
  try {
    remove();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Which of the lock's entries at the top of the output directory (`names`) outlived their build:
 * released locks not fully deleted, and a breaker older than any takeover takes (for --check).
 */
export function lockLeftovers(outputDir: string, names: readonly string[]): string[] {
  return names.filter((name) => name.startsWith(RELEASED) || (name === BREAKER && isOld(join(outputDir, name))));
}

/**
 * Takes over a stale lock (true), or finds it is no longer the stale lock seen (false: retry).
 * Only one process at a time may do this: the breaker directory, itself stale after 10 s.
 */
function takeOver(outputDir: string, seen: LockOwner | undefined, me: LockOwner): boolean {
  const breaker = join(outputDir, BREAKER);
  if (!tryMkdir(breaker)) {
    // Its holder was killed within the few statements below (it never holds it longer).
    if (isOld(breaker)) ignoringGone(() => rmdirSync(breaker));
    return false;
  }
  try {
    const now = inspectLock(outputDir);
    if (now.kind !== 'stale' || now.owner?.nonce !== seen?.nonce) return false;
    writeOwner(join(outputDir, LOCK_NAME), me);
    return true;
  } finally {
    rmdirSync(breaker);
  }
}

function tryMkdir(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`cannot create ${path}: ${describeError(error)}`);
  }
}

const isOld = (path: string): boolean => {
  try {
    return Date.now() - statSync(path).mtimeMs >= OWNER_GRACE_MS;
  } catch {
    return false;
  }
};

/** Written under a private name and renamed into place: a reader sees the old owner or the new, whole. */
function writeOwner(dir: string, owner: LockOwner): void {
  const temp = join(dir, `owner.${owner.nonce}`);
  writeFileSync(temp, JSON.stringify(owner) + '\n');
  renameSync(temp, join(dir, 'owner'));
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, 'owner'), 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.nonce === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function ownerOfThisProcess(): LockOwner {
  const start = processStart(process.pid);
  // Unique among the processes that share the directory (not a secret): no need to load node:crypto.
  const nonce = `${process.pid.toString(36)}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return { pid: process.pid, host: hostname(), nonce, since: new Date().toISOString(), ...(start ? { start } : {}) };
}

/** Whether the owner's process still runs. Another host's cannot be checked: assumed alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // The pid runs, but may have been reused by a process started after the owner died.
  const start = owner.start === undefined ? undefined : processStart(owner.pid);
  return start === undefined || start === owner.start;
}

/** Linux: field 22 of /proc/PID/stat, the start time in clock ticks since boot; undefined elsewhere. */
function processStart(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Polling pauses: short at first (a build's write phase takes milliseconds), then 100 ms. */
class Backoff {
  private ms = 2;
  sleep(): void {
    sleepSync(this.ms);
    this.ms = Math.min(this.ms * 2, 100);
  }
}
