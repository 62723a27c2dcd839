/**
 * Writing a build's files into the output directory so that a build killed at any moment (kill -9,
 * a crash, Ctrl-C) leaves the old files or the new ones, never a mix that stays. Run while holding
 * the directory's lock (lock.ts), whose directory `DIR/.kft-build` (git-ignored by its own
 * `.gitignore`) also holds the new files and the journal:
 *
 * 1. Each new file is written to `.kft-build/stage/N`. Nothing outside `.kft-build` has changed.
 * 2. `.kft-build/journal` (which staged file goes where, which files to delete for --prune) is
 *    written under a temporary name and renamed into place: the commit point, one atomic rename.
 * 3. Each staged file is renamed over its target (missing directories created first), then the
 *    pruned files are deleted, then the journal is deleted.
 *
 * A build that finds the lock stale (its owner died) first completes a journal (step 3 again: the
 * renames not yet done, the deletes) or, without one, deletes the staged files. So the files are
 * the old ones until the commit point and the new ones after it, as soon as kft has looked at the
 * directory again, and `kft build --check` reports a build that was interrupted and not yet
 * completed. Files kft did not generate are never touched.
 *
 * A staged file's rename crosses directories, which fails (EXDEV) where a subdirectory of the
 * output is another mount: such a file is copied beside its target first and renamed from there,
 * still one atomic replacement per file. Nothing is fsync'ed: this guards against the process
 * dying, not against the machine losing power (like git with its default settings).
 */
import { accessSync, constants, copyFileSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeError } from '../io.js';
import { crashPoint } from './faults.js';
import { isGenerated, TEMP_PREFIX } from './layout.js';
import type { Lock } from './lock.js';
import type { PlannedFile } from './plan.js';

/** Staged file names (in `.kft-build/stage/`) and paths relative to the output directory, with `/`. */
interface Journal {
  readonly kft: 1;
  readonly writes: readonly (readonly [staged: string, target: string])[];
  readonly deletes: readonly string[];
}

/** Writing failed; `committed`: after the commit point, so the next build completes it. */
export class OutputWriteError extends Error {
  constructor(
    message: string,
    readonly committed: boolean,
  ) {
    super(message);
  }
}

/** Writes `writes` and deletes `deletes` (kft's files) in `outputDir` as one step; see the header. */
export function writeOutput(outputDir: string, lock: Lock, writes: readonly PlannedFile[], deletes: readonly string[]): void {
  const journal: Journal = { kft: 1, writes: writes.map((f, i) => [String(i), f.file] as const), deletes };
  const stage = join(lock.dir, 'stage');
  const journalFile = join(lock.dir, 'journal');
  try {
    mkdirSync(stage);
    writes.forEach((f, i) => {
      writeFileSync(join(stage, String(i)), f.text, { flag: 'wx' });
      crashPoint('staged');
    });
    writeFileSync(`${journalFile}.tmp`, JSON.stringify(journal));
    renameSync(`${journalFile}.tmp`, journalFile);
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    rmSync(`${journalFile}.tmp`, { force: true });
    throw new OutputWriteError(describePathError(error, outputDir), false);
  }
  crashPoint('committed');
  try {
    complete(outputDir, lock, journal);
    unlinkSync(journalFile);
    rmdirSync(stage); // empty: every staged file was renamed
  } catch (error) {
    throw new OutputWriteError(describePathError(error, outputDir), true);
  }
}

export type Recovery = { readonly kind: 'none' } | { readonly kind: 'completed' | 'undone'; readonly files: number };

/**
 * Completes or undoes what the dead owner of a lock just taken over left (see the header). The
 * temporary files of older kft versions (`.kft-tmp-*` beside their targets) are found by the
 * directory scan instead (OutputPlan.leftovers).
 */
export function recover(outputDir: string, lock: Lock): Recovery {
  const journalFile = join(lock.dir, 'journal');
  const stage = join(lock.dir, 'stage');
  const journal = readJournal(journalFile);
  if (journal !== undefined) {
    complete(outputDir, lock, journal);
    rmSync(journalFile);
    rmSync(stage, { recursive: true, force: true });
    return { kind: 'completed', files: journal.writes.length + journal.deletes.length };
  }
  if (!exists(stage)) return { kind: 'none' };
  rmSync(stage, { recursive: true, force: true });
  rmSync(`${journalFile}.tmp`, { force: true });
  return { kind: 'undone', files: 0 };
}

/**
 * The directories kft would need to write into but may not (permission, a read-only file system),
 * with why, looked up before anything is written or locked: the nearest existing directory of each
 * target, and the directory of each file to delete.
 */
export function unwritableDirectories(outputDir: string, writes: readonly PlannedFile[], deletes: readonly string[]): { dir: string; reason: string }[] {
  const dirs = new Set([outputDir, ...writes.map((f) => dirname(join(outputDir, f.file))), ...deletes.map((f) => dirname(join(outputDir, f)))]);
  const checked = new Map<string, string | undefined>();
  for (const dir of dirs) {
    const existing = nearestExisting(dir);
    if (!checked.has(existing)) checked.set(existing, whyNotWritable(existing));
  }
  return [...checked].filter(([, reason]) => reason !== undefined).map(([dir, reason]) => ({ dir, reason: reason! })).sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

/** Why `dir` may not be written; undefined otherwise, also for other errors (the write reports them). */
function whyNotWritable(dir: string): string | undefined {
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? describeError(error).replace(/ \(\w+\)$/, '') : undefined;
  }
}

function nearestExisting(dir: string): string {
  let d = dir;
  while (!exists(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** Step 3: the renames not yet done (a staged file still there), then the deletes. */
function complete(outputDir: string, lock: Lock, journal: Journal): void {
  const made = new Set<string>();
  journal.writes.forEach(([name, target], i) => {
    const staged = join(lock.dir, 'stage', name);
    if (!isRegularFile(staged)) return;
    const path = join(outputDir, target);
    const dir = dirname(path);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    moveOver(staged, path, `${TEMP_PREFIX}${lock.owner.nonce}-${i}`);
    crashPoint('switched');
  });
  for (const file of journal.deletes) {
    const path = join(outputDir, file);
    // Re-read: the file may have been replaced by a user's own since the plan (on recovery, much later).
    if (isRegularFile(path) && isGenerated(readFileSync(path, 'utf8'), file)) {
      rmSync(path);
      crashPoint('pruned');
    }
  }
}

/** Renames `from` over `to`; across mounts (EXDEV) via a copy beside `to` named `tempName`. */
function moveOver(from: string, to: string, tempName: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const temp = join(dirname(to), tempName);
    copyFileSync(from, temp);
    renameSync(temp, to);
    rmSync(from);
  }
}

function readJournal(path: string): Journal | undefined {
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    return journal.kft === 1 && Array.isArray(journal.writes) && Array.isArray(journal.deletes) ? journal : undefined;
  } catch {
    return undefined;
  }
}

/** lstat, or undefined when nothing is there (ENOENT, or ENOTDIR: a file on the way). */
function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const exists = (path: string): boolean => lstatOrUndefined(path) !== undefined;
const isRegularFile = (path: string): boolean => lstatOrUndefined(path)?.isFile() === true;

/** `out/team/.kft-tmp-…: no space left on the device (ENOSPC)`. */
function describePathError(error: unknown, outputDir: string): string {
  const path = (error as NodeJS.ErrnoException).path;
  return `${path ?? outputDir}: ${describeError(error)}`;
}
