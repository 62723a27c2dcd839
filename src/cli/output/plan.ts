/**
 * Compares what a build would write with what the output directory holds: each generated file is
 * missing, stale or unchanged, and kft's files that no spec generates any more are extra.
 * Used both to write (only what changed) and by `--check` (write nothing, report).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFilesIn } from './layout.js';

export interface PlannedFile {
  /** Relative to the output directory, with `/`. */
  readonly file: string;
  readonly text: string;
}

export interface OutputPlan {
  readonly missing: PlannedFile[];
  readonly stale: (PlannedFile & { readonly current: string })[];
  readonly unchanged: PlannedFile[];
  /** kft's files in the directory that this build does not generate. */
  readonly extra: string[];
  /** Generated files whose path is taken by something that is not a regular file (a directory, a pipe). */
  readonly blocked: string[];
}

export function planOutput(outputDir: string, files: readonly PlannedFile[]): OutputPlan {
  const plan: OutputPlan = { missing: [], stale: [], unchanged: [], extra: [], blocked: [] };
  const wanted = new Set(files.map((f) => f.file));
  for (const f of files) {
    const path = join(outputDir, f.file);
    // existsSync, not a stat that may throw: a file in the way of a directory (ENOTDIR) is "missing",
    // and writing it reports the real problem.
    if (!existsSync(path)) plan.missing.push(f);
    else if (!statSync(path).isFile()) plan.blocked.push(f.file);
    else {
      const current = readFileSync(path, 'utf8');
      if (current === f.text) plan.unchanged.push(f);
      else plan.stale.push({ ...f, current });
    }
  }
  plan.extra.push(...generatedFilesIn(outputDir, wanted));
  return plan;
}

export const isFresh = (plan: OutputPlan): boolean => plan.missing.length + plan.stale.length + plan.extra.length === 0;
