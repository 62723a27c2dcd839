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
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type CompileOptions } from '../../compile.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Manifest } from '../../emit/index.js';
import { ExitCode } from '../exitCodes.js';
import { findSpecFiles, type SpecFile } from '../inputs/specFiles.js';
import { readSource, report, say, writeAllAtomic, writeStdout, type OutputOptions } from '../io.js';
import type { OutputPlan, PlannedFile } from '../output/plan.js';

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
  for (const error of found.errors) say(error);
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
    if (source.text === undefined) {
      say(source.error ?? spec.path);
      code = ExitCode.usage;
      continue;
    }
    const result = compile({ path: spec.path, text: source.text }, compileOptions);
    diagnostics.push(...result.diagnostics);
    if (!result.ok) code = code === ExitCode.ok ? ExitCode.specErrors : code;
    else built.push({ spec, text: result.text, manifests: result.manifests });
  }
  return { built, diagnostics, code };
}

async function writeOrCheck(built: readonly Built[], outputDir: string, options: BuildOptions): Promise<number> {
  const [{ outputFileOf, outputText }, { planOutput }] = await Promise.all([import('../output/layout.js'), import('../output/plan.js')]);
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
    owners.set(file, b.spec.path);
    files.push({ file, text: outputText(b.spec, outputDir, b.text, format) });
  }
  if (existsSync(outputDir) && !statSync(outputDir).isDirectory()) {
    say(`${outputDir}: not a directory; -o needs a directory to write into`);
    return ExitCode.usage;
  }
  const plan = planOutput(outputDir, files);
  if (plan.blocked.length > 0) {
    for (const file of plan.blocked) say(`cannot write ${join(outputDir, file)}: something that is not a regular file (a directory?) is in the way; nothing was written`);
    return ExitCode.usage;
  }
  return options.check ? await reportCheck(plan, outputDir, options) : applyPlan(plan, outputDir, options.prune === true);
}

async function reportCheck(plan: OutputPlan, outputDir: string, options: BuildOptions): Promise<number> {
  const { isFresh } = await import('../output/plan.js');
  if (isFresh(plan)) return ExitCode.ok;
  const [{ shortDiff }, { annotation }] = await Promise.all([import('../output/diff.js'), import('../format/github.js')]);
  const problems: { file: string; message: string; diff: string[] }[] = [
    ...plan.missing.map((f) => ({ file: f.file, message: 'missing: the spec generates it but it does not exist', diff: [] })),
    ...plan.stale.map((f) => ({ file: f.file, message: 'stale: it differs from what the spec generates', diff: shortDiff(f.current, f.text) })),
    ...plan.extra.map((file) => ({ file, message: 'extra: no spec generates it any more', diff: [] })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const p of problems) {
    const path = join(outputDir, p.file);
    if (options.format === 'github') {
      writeStdout(annotation({ code: 'stale-output', severity: 'error', message: `${path} is ${p.message}`, hint: 'Run kft build and commit the result.' }));
    }
    process.stderr.write(`${path}: ${p.message}\n${p.diff.map((l) => `    ${l}\n`).join('')}`);
  }
  say(`${problems.length} generated file${problems.length === 1 ? ' is' : 's are'} out of date; run kft build${plan.extra.length ? ' --prune' : ''} with the same arguments and commit the result`);
  return ExitCode.specErrors;
}

function applyPlan(plan: OutputPlan, outputDir: string, prune: boolean): number {
  const changed = [...plan.missing, ...plan.stale];
  try {
    writeAllAtomic(changed.map((f) => ({ path: join(outputDir, f.file), text: f.text })));
    for (const f of changed) say(`wrote ${join(outputDir, f.file)}`);
    for (const file of plan.extra) {
      const path = join(outputDir, file);
      if (prune) {
        rmSync(path);
        say(`removed ${path} (no spec generates it any more)`);
      } else say(`${path} is no longer generated by any spec; delete it or run again with --prune`);
    }
  } catch (error) {
    say(`cannot write output: ${(error as Error).message}`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
