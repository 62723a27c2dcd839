/**
 * `kft build SPEC... [-o DIR] [--check] [--prune]`: compile every spec (files, directories, globs).
 * Without -o the manifests go to stdout. With -o each spec becomes one file under DIR (layout in
 * output/layout.ts), written only when every spec compiles, all files at once (atomically); kft's
 * files that no spec generates any more are reported, and deleted with --prune. With --check
 * nothing is written: missing, stale and extra files are listed with a short diff (exit 1).
 *
 * What only some runs need (the requirements report, the output plan and diff, GitHub annotations)
 * is imported when used, to keep the common `kft build spec.yaml` start-up short.
 */
import { existsSync, lstatSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileOptions } from '../../compile.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Manifest } from '../../emit/index.js';
import { ExitCode } from '../exitCodes.js';
import { findSpecFiles, type SpecFile } from '../inputs/specFiles.js';
import { describeError, readSource, report, say, writeStdout, type OutputOptions } from '../io.js';
import type { Lock, LockOwner, LockState } from '../output/lock.js';
import type { OutputPlan, PlannedFile } from '../output/plan.js';
import type { Recovery } from '../output/transaction.js';

export interface BuildOptions extends OutputOptions {
  readonly output?: string;
  readonly check?: boolean;
  readonly prune?: boolean;
  readonly apiVersion?: 'v1' | 'v1beta1';
  readonly layout?: 'pipelinerun' | 'pipeline';
  readonly loops?: 'inline' | 'separate';
  readonly conditions?: 'task' | 'when';
  readonly kfpMetadata?: boolean;
  readonly outputFormat?: 'yaml' | 'json';
  readonly allowOutsideRoot?: boolean;
  /** Print the cluster requirements of the output instead of the manifests. */
  readonly requirements?: boolean;
}

interface Built {
  readonly spec: SpecFile;
  readonly text: string;
  readonly manifests: readonly Manifest[];
}

export async function runBuild(args: readonly string[], options: BuildOptions): Promise<number> {
  if ((options.check || options.prune) && !options.output) {
    say(`${options.check ? '--check' : '--prune'} needs an output directory (-o DIR)`);
    return ExitCode.usage;
  }
  const found = findSpecFiles(args, options.output ? [options.output] : []);
  for (const message of [...found.notes, ...found.errors]) say(message);
  const { built, diagnostics, code } = compileAll(found.specs, options);
  await report(diagnostics, options, !options.output);
  if (found.errors.length > 0) return ExitCode.usage;
  if (code !== ExitCode.ok) return code;
  if (options.requirements) {
    const { clusterRequirements, formatRequirements } = await import('../../requirements.js');
    const requirements = (b: Built) => formatRequirements(clusterRequirements(b.manifests));
    writeStdout(built.map((b) => (built.length > 1 ? `# ${b.spec.path}\n` : '') + requirements(b)).join('\n'));
    return ExitCode.ok;
  }
  if (!options.output) {
    writeStdout(built.map((b) => b.text).join('---\n'));
    return ExitCode.ok;
  }
  return writeOrCheck(built, options.output, options);
}

function compileAll(specs: readonly SpecFile[], options: BuildOptions): { built: Built[]; diagnostics: Diagnostic[]; code: number } {
  const compileOptions: CompileOptions = {
    apiVersion: options.apiVersion,
    layout: options.layout,
    loops: options.loops,
    conditions: options.conditions,
    kfpMetadata: options.kfpMetadata,
    format: options.outputFormat,
    allowOutsideRoot: options.allowOutsideRoot,
  };
  const built: Built[] = [];
  const diagnostics: Diagnostic[] = [];
  let code: number = ExitCode.ok;
  for (const spec of specs) {
    const source = readSource(spec.path);
    if (source.bytes === undefined) {
      say(source.error ?? spec.path);
      code = ExitCode.usage;
      continue;
    }
    const result = compile({ path: spec.path, bytes: source.bytes }, compileOptions);
    diagnostics.push(...result.diagnostics);
    if (!result.ok) code = code === ExitCode.ok ? ExitCode.specErrors : code;
    else built.push({ spec, text: result.text, manifests: result.manifests });
  }
  return { built, diagnostics, code };
}

async function writeOrCheck(built: readonly Built[], outputDir: string, options: BuildOptions): Promise<number> {
  const { outputFileOf, outputText, isKustomization, isKftInternal } = await import('../output/layout.js');
  const format = options.outputFormat ?? 'yaml';
  const files: PlannedFile[] = [];
  const owners = new Map<string, string>();
  for (const b of built) {
    const file = outputFileOf(b.spec, format);
    const other = owners.get(file);
    if (other !== undefined) {
      say(`${other} and ${b.spec.path} would both be written to ${join(outputDir, file)}; build them into different directories`);
      return ExitCode.usage;
    }
    if (isKustomization(file) || isKftInternal(file)) {
      const why = isKustomization(file) ? "the file kustomize reads as the directory's Kustomization" : "a name kft keeps for its lock and temporary files";
      say(`${b.spec.path} would be written to ${join(outputDir, file)}, ${why}; kft does not write that name: rename the spec`);
      return ExitCode.usage;
    }
    owners.set(file, b.spec.path);
    files.push({ file, text: outputText(b.spec, outputDir, b.text, format) });
  }
  const problem = outputDirectoryProblem(outputDir);
  if (problem !== undefined) {
    say(`${outputDir}: ${problem}`);
    return ExitCode.usage;
  }
  try {
    return options.check ? await reportCheck(files, outputDir, options) : await applyBuild(files, outputDir, options.prune === true);
  } catch (error) {
    // A file in the output directory kft cannot read (permissions): I/O, not a bug.
    const path = (error as NodeJS.ErrnoException).path;
    if (path === undefined) throw error;
    say(`cannot ${options.check ? 'read' : 'write'} output: ${path}: ${describeError(error)}`);
    return ExitCode.usage;
  }
}

/** Why `-o DIR` cannot be used, or undefined (a directory, or nothing yet: a build creates it). */
function outputDirectoryProblem(outputDir: string): string | undefined {
  try {
    return statSync(outputDir).isDirectory() ? undefined : 'not a directory; -o needs a directory to write into';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return describeError(error);
    // Nothing there, or a link to nothing (which mkdir cannot replace).
    return lstatSync(outputDir, { throwIfNoEntry: false })?.isSymbolicLink() ? 'a symbolic link to a directory that does not exist; create it first' : undefined;
  }
}

/** Reports generated files kft will not write (nothing was written); true when there were any. */
function reportBlocked(plan: OutputPlan, outputDir: string): boolean {
  for (const b of plan.blocked) say(`cannot write ${join(outputDir, b.file)}: ${b.reason}; nothing was written`);
  return plan.blocked.length > 0;
}

type LockModule = typeof import('../output/lock.js');

/** Said once when a build or --check starts to wait for another build's lock. */
const waitingFor = (outputDir: string, lock: LockModule) => (owner: LockOwner | undefined) =>
  say(`waiting for another kft build (${lock.describeOwner(owner)}) to finish writing ${outputDir}`);

async function reportCheck(files: readonly PlannedFile[], outputDir: string, options: BuildOptions): Promise<number> {
  const [{ planOutput }, { LOCK_NAME }] = await Promise.all([import('../output/plan.js'), import('../output/layout.js')]);
  let plan = planOutput(outputDir, files);
  let lockState: LockState = { kind: 'free' };
  if (plan.lockEntries.length > 0) {
    const lock = await import('../output/lock.js');
    // A build is writing: check what it leaves, not a moment of its switch.
    try {
      lockState = lock.waitWhileLocked(outputDir, waitingFor(outputDir, lock));
    } catch (error) {
      say(error instanceof lock.LockTimeout ? error.message : `cannot read output: ${describeError(error)}`);
      return ExitCode.usage;
    }
    plan = planOutput(outputDir, files);
    if (!plan.lockEntries.includes(LOCK_NAME)) lockState = { kind: 'free' };
    plan.leftovers.push(...lock.lockLeftovers(outputDir, plan.lockEntries));
    if (lockState.kind === 'stale') plan.leftovers.push(LOCK_NAME);
  }
  if (reportBlocked(plan, outputDir)) return ExitCode.usage;
  const outOfDate = plan.missing.length + plan.stale.length + plan.extra.length;
  if (outOfDate + plan.leftovers.length === 0) return ExitCode.ok;
  const [{ staleFileDiff }, { annotation }] = await Promise.all([import('../output/diff.js'), import('../format/github.js')]);
  const interrupted = lockState.kind === 'stale' ? ` (pid ${lockState.owner?.pid ?? 'unknown'}); run kft build to complete or undo it` : '';
  const problems: { file: string; message: string; diff: string[] }[] = [
    ...plan.missing.map((f) => ({ file: f.file, message: 'missing: the spec generates it but it does not exist', diff: [] })),
    ...plan.stale.map((f) => ({ file: f.file, message: 'stale: it differs from what the spec generates', diff: staleFileDiff(f.current, f.text) })),
    ...plan.extra.map((file) => ({ file, message: 'extra: no spec generates it any more', diff: [] })),
    ...plan.leftovers.map((file) => ({ file, message: `leftover: ${file === LOCK_NAME ? `the lock and journal of a kft build that was interrupted${interrupted}` : 'left by a kft build that was interrupted; kft build removes it'}`, diff: [] })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const p of problems) {
    const path = join(outputDir, p.file);
    if (options.format === 'github') {
      writeStdout(annotation({ code: 'stale-output', severity: 'error', message: `${path} is ${p.message}`, hint: 'Run kft build and commit the result.' }));
    }
    process.stderr.write(`${path}: ${p.message}\n${p.diff.map((l) => `    ${l}\n`).join('')}`);
  }
  const parts = [
    ...(outOfDate > 0 ? [`${outOfDate} generated file${outOfDate === 1 ? ' is' : 's are'} out of date`] : []),
    ...(plan.leftovers.length > 0 ? [`a kft build that was interrupted left files behind`] : []),
  ];
  say(`${parts.join(' and ')}; run kft build${plan.extra.length ? ' --prune' : ''} with the same arguments and commit the result`);
  return ExitCode.specErrors;
}

async function applyBuild(files: readonly PlannedFile[], outputDir: string, prune: boolean): Promise<number> {
  const { planOutput } = await import('../output/plan.js');
  const first = planOutput(outputDir, files);
  if (reportBlocked(first, outputDir)) return ExitCode.usage;
  const nothingToDo = first.missing.length + first.stale.length + (prune ? first.extra.length : 0) + first.leftovers.length + first.lockEntries.length === 0;
  if (nothingToDo) {
    reportExtras(first.extra, outputDir);
    return ExitCode.ok;
  }
  const [lockModule, tx] = await Promise.all([import('../output/lock.js'), import('../output/transaction.js')]);
  const unwritable = tx.unwritableDirectories(outputDir, [...first.missing, ...first.stale], prune ? first.extra : []);
  for (const { dir, reason } of unwritable) say(`cannot write into ${dir}: ${reason}; nothing was written`);
  if (unwritable.length > 0) return ExitCode.usage;

  const existed = existsSync(outputDir);
  let lock: Lock;
  try {
    lock = lockModule.acquireLock(outputDir, waitingFor(outputDir, lockModule));
  } catch (error) {
    say(error instanceof lockModule.LockTimeout ? error.message : `cannot write output: ${describeError(error)}`);
    return ExitCode.usage;
  }
  const outcome = writeUnderLock(lock, files, outputDir, prune, planOutput, tx);
  if ('failed' in outcome && outcome.committed) {
    // The lock stays: the next build takes it over as stale and finishes the switch.
    say(`cannot finish writing ${outputDir}: ${outcome.failed}; part of the new files are in place, and the next kft build there finishes the switch (kft build --check reports it until then)`);
    return ExitCode.usage;
  }
  releaseLock(lock);
  if ('blocked' in outcome) return ExitCode.usage;
  if ('failed' in outcome) {
    if (!existed) removeIfEmpty(outputDir);
    say(`cannot write output: ${outcome.failed}`);
    return ExitCode.usage;
  }
  const plan = outcome.written;
  for (const f of [...plan.missing, ...plan.stale].sort(byFile)) say(`wrote ${join(outputDir, f.file)}`);
  if (prune) for (const file of plan.extra) say(`removed ${join(outputDir, file)} (no spec generates it any more)`);
  else reportExtras(plan.extra, outputDir);
  return ExitCode.ok;
}

type WriteOutcome = { readonly written: OutputPlan } | { readonly blocked: true } | { readonly failed: string; readonly committed: boolean };

/**
 * Holding the lock: completes or undoes a dead build's write, plans again (another build may have
 * written since the first plan), removes old temporary files, writes. `committed`: the failure came
 * after a journal was committed (this build's, or a dead build's being completed).
 */
function writeUnderLock(
  lock: Lock,
  files: readonly PlannedFile[],
  outputDir: string,
  prune: boolean,
  planOutput: (outputDir: string, files: readonly PlannedFile[]) => OutputPlan,
  tx: typeof import('../output/transaction.js'),
): WriteOutcome {
  if (lock.tookOver) {
    try {
      reportRecovery(tx.recover(outputDir, lock), outputDir, lock.previousOwner);
    } catch (error) {
      return { failed: describeError(error), committed: true };
    }
  }
  try {
    const plan = planOutput(outputDir, files);
    if (reportBlocked(plan, outputDir)) return { blocked: true };
    for (const file of plan.leftovers) rmSync(join(outputDir, file), { force: true });
    if (plan.leftovers.length > 0) say(`removed ${plan.leftovers.length} temporary file${plan.leftovers.length === 1 ? '' : 's'} that an interrupted kft build left in ${outputDir}`);
    tx.writeOutput(outputDir, lock, [...plan.missing, ...plan.stale], prune ? plan.extra : []);
    return { written: plan };
  } catch (error) {
    if (error instanceof tx.OutputWriteError) return { failed: error.message, committed: error.committed };
    return { failed: describeError(error), committed: false };
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or gone: leave it.
  }
}

const byFile = (a: PlannedFile, b: PlannedFile): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

function reportExtras(extra: readonly string[], outputDir: string): void {
  for (const file of extra) say(`${join(outputDir, file)} is no longer generated by any spec; delete it or run again with --prune`);
}

function reportRecovery(recovery: Recovery, outputDir: string, previous: LockOwner | undefined): void {
  const who = previous ? ` (pid ${previous.pid}, since ${previous.since})` : '';
  if (recovery.kind === 'completed') say(`completed a kft build that was interrupted${who} while it replaced the files in ${outputDir}`);
  else if (recovery.kind === 'undone') say(`discarded the new files of a kft build that was interrupted${who} before it changed anything in ${outputDir}`);
}

/** Releasing can only fail if something else removed the lock meanwhile: say so, the build is done. */
function releaseLock(lock: Lock): void {
  try {
    lock.release();
  } catch (error) {
    say(`could not remove the lock ${lock.dir}: ${describeError(error)}`);
  }
}
