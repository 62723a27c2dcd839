/**
 * The helper steps of file passing. Scripts are fixed text: values a user controls (constants,
 * params, loop items) reach them only as arguments ("$1", "$2"), never spliced into the script, so
 * no value can break the quoting or run as shell code.
 */
import type { EnvVarIR, StepIR } from '../ir.js';
import { ORIG_PR_NAME_ENV } from './kfpPaths.js';

export interface FileWrite {
  readonly path: string;
  /** The value as the step sees it: a constant, or $(inputs.params.X). */
  readonly value: string;
}

/**
 * Before `main`: writes each value to its file. Arguments come in (path, value) pairs; printf '%s'
 * writes the value as it is (echo would read options or escapes from it).
 */
const COPY_INPUTS_SCRIPT = [
  'set -e',
  'while [ "$#" -gt 1 ]; do',
  '  mkdir -p "$(dirname "$1")"',
  `  printf '%s' "$2" > "$1"`,
  '  shift 2',
  'done',
  '',
].join('\n');

export function copyInputsStep(image: string, writes: readonly FileWrite[]): StepIR {
  return {
    name: 'copy-inputs',
    image,
    command: ['sh', '-c', COPY_INPUTS_SCRIPT, 'copy-inputs'],
    args: writes.flatMap((w) => [w.path, w.value]),
  };
}

/** After `main` of a task writing to the workspace: publishes the task run's name, which consumers need to find its files. */
export function outputTaskRunNameStep(image: string): StepIR {
  return {
    name: 'output-taskrun-name',
    image,
    command: ['sh', '-ec', 'echo -n "$(context.taskRun.name)" > "$(results.taskrun-name.path)"'],
  };
}

/**
 * kfp-tekton's copy of workspace outputs into their results: a preview (a file of printable text,
 * or a directory's listing) while the outputs together stay under 3 KB, an empty result otherwise,
 * so value consumers and the UI still see small data. It never fails the task (onError: continue).
 * The copied paths are compiler-made (task and output names reduced to [-_0-9A-Za-z]).
 */
const COPY_ARTIFACT_FUNCTION = `set -exo pipefail
TOTAL_SIZE=0
copy_artifact() {
if [ -d "$1" ]; then
  tar -czvf "$1".tar.gz "$1"
  SUFFIX=".tar.gz"
fi
ARTIFACT_SIZE=\`wc -c "$1"\${SUFFIX} | awk '{print $1}'\`
TOTAL_SIZE=$( expr $TOTAL_SIZE + $ARTIFACT_SIZE)
touch "$2"
if [[ $TOTAL_SIZE -lt 3072 ]]; then
  if [ -d "$1" ]; then
    tar -tzf "$1".tar.gz > "$2"
  elif ! awk "/[^[:print:]]/{f=1} END{exit !f}" "$1"; then
    cp "$1" "$2"
  fi
fi
}
`;

export interface ResultCopy {
  readonly from: string;
  readonly resultPath: string;
}

export function copyResultsArtifactsStep(image: string, copies: readonly ResultCopy[]): StepIR {
  const script = COPY_ARTIFACT_FUNCTION + copies.map((c) => `copy_artifact ${c.from} ${c.resultPath}\n`).join('');
  return { name: 'copy-results-artifacts', image, command: ['sh', '-ec', script], onError: 'continue', env: [origPrNameEnv()] };
}

export const origPrNameEnv = (): EnvVarIR => ({ name: ORIG_PR_NAME_ENV.name, valueFrom: ORIG_PR_NAME_ENV.valueFrom });
