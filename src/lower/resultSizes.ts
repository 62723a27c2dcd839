/**
 * Result sizes (kfp-tekton's `tekton-result-sizes`). Tekton reads a step's results from its
 * container's termination message, at most 4096 bytes per container by default. A task whose
 * outputs together exceed that can still return them when they are spread over several steps:
 * main writes only the first group into /tekton/results and the others into the Tekton home
 * directory; each extra step `copy-results-N` moves group N into /tekton/results and the previous
 * group out again, so every step's message holds one group and Tekton collects them all.
 *
 * Groups are packed first-fit from the largest estimate down, 2048 bytes each (kfp-tekton's
 * budget, leaving room for the message's JSON framing). Outputs without an estimate stay where
 * main writes them. Validation (rules/ResultSizes) reports estimates that cannot fit.
 */
import type { StepIR } from './ir.js';
import { resultName } from './names.js';

/** Bytes of results one step carries; kfp-tekton's max_byte_size. */
export const STEP_RESULT_BUDGET = 2048;
/** Where results of later groups wait while earlier steps report theirs. */
export const TEKTON_HOME_RESULTS = '/tekton/home/tep-results/';
/** kfp-tekton's TEKTON_COPY_RESULTS_STEP_IMAGE. */
export const COPY_RESULTS_IMAGE = 'library/bash';

export interface ResultSplit {
  /** The task's steps, main rewritten, with the copy steps appended. */
  readonly steps: readonly StepIR[];
  /** Result name → the file it ends in, for outputs that end outside /tekton/results. */
  readonly moved: ReadonlyMap<string, string>;
}

/**
 * Groups estimated outputs into steps. `estimates` is keyed by output name; returns the groups
 * as lists of result names (group 0 is written by main).
 */
export function packResults(estimates: Readonly<Record<string, number | undefined>>, outputs: readonly string[]): string[][] {
  const entries = Object.entries(estimates)
    .filter((e): e is [string, number] => e[1] !== undefined && outputs.includes(e[0]))
    .sort(([, a], [, b]) => b - a);
  const bins: { bytes: number; names: string[] }[] = [{ bytes: 0, names: [] }];
  for (const [name, bytes] of entries) {
    let bin = bins.find((b) => b.bytes + bytes <= STEP_RESULT_BUDGET);
    if (!bin) bins.push((bin = { bytes: 0, names: [] }));
    bin.bytes += bytes;
    bin.names.push(resultName(name));
  }
  return bins.map((b) => b.names);
}

export function splitResults(steps: readonly StepIR[], groups: readonly string[][]): ResultSplit {
  if (groups.length < 2) return { steps, moved: new Map() };
  const later = new Set(groups.slice(1).flat());
  const rewritten = steps.map((step) => (step.name === 'main' ? redirect(step, later) : step));
  const copies = groups.slice(1).map((group, i) => copyStep(i + 1, group, groups[i]!));
  // Every group but the last is moved back out by the step after it.
  const moved = new Map(groups.slice(0, -1).flat().map((r) => [r, homePath(r)] as const));
  return { steps: [...rewritten, ...copies], moved };
}

const homePath = (result: string) => `${TEKTON_HOME_RESULTS}${result}`;
const resultPath = (result: string) => `$(results.${result}.path)`;

/** main writes the outputs of later groups into the Tekton home directory. */
function redirect(step: StepIR, later: ReadonlySet<string>): StepIR {
  const rewrite = (text: string) => [...later].reduce((t, r) => t.split(resultPath(r)).join(homePath(r)), text);
  return {
    ...step,
    ...(step.command ? { command: step.command.map(rewrite) } : {}),
    ...(step.args ? { args: step.args.map(rewrite) } : {}),
  };
}

/** Step N brings group N into /tekton/results and takes group N-1 out of it. */
function copyStep(n: number, group: readonly string[], previous: readonly string[]): StepIR {
  const lines = [...group.map((r) => `mv ${homePath(r)} ${resultPath(r)};`), ...previous.map((r) => `mv ${resultPath(r)} ${homePath(r)};`)];
  return { name: `copy-results-${n}`, image: COPY_RESULTS_IMAGE, command: ['sh', '-c'], args: [lines.join('\n') + '\n'] };
}
