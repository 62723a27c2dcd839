/**
 * kfp-tekton's any-sequencer (`after_any`): a task that watches the PipelineRun's TaskRuns and
 * succeeds as soon as ANY of the listed tasks has succeeded, or any condition on one task's result
 * holds; the task that declared `afterAny` runs after it. The sequencer does not runAfter the tasks
 * it watches — it polls their TaskRuns (its service account needs `get` on TaskRuns in the run's
 * namespace). Conditions are passed as `-c results_<task>_<result> OP value` arguments, values
 * quoted unless they are integers (kfp-tekton's processOperand). The same task lowers a
 * standalone sequencer (an `anySequencer` node, the DSL's AnySequencer), which no task waits on.
 */
import { isComparisonError, isLiteral, parseComparison } from '../model/comparison.js';
import { parseTemplate } from '../model/references.js';
import { isObject, type TaskNode } from '../model/specModel.js';
import type { AfterAny } from '../generated/pipeline.js';
import type { PipelineTaskIR, StepIR } from './ir.js';
import { resultName } from './names.js';
import { withRunVariables } from './runVariables.js';
import type { Frame, ScopeLowering } from './scope.js';
import { artifactName, outputFilePath } from './dataPassing/kfpPaths.js';

/** The spec name of a task's sequencer: afterAny.name, else `<task>-after-any`. */
export const sequencerSpecName = (node: TaskNode): string => (node.spec.afterAny?.name ?? `${node.name}-after-any`);

/**
 * The sequencer task `name` watching what `afterAny` lists. It runs after `runAfter` — by default
 * only what its frame imposes, since it must start while the tasks it watches still run.
 */
export function anySequencerTask(name: string, afterAny: AfterAny, lowering: ScopeLowering, frame: Frame, runAfter: readonly string[] = frame.runAfter): PipelineTaskIR {
  const args = ['--namespace', '$(context.pipelineRun.namespace)', '--prName', '$(context.pipelineRun.name)'];
  const tasks = (afterAny.tasks ?? []).map((t) => lowering.taskName(t));
  if (tasks.length) args.push('--taskList', tasks.join(','));
  const statusPath = afterAny.statusPath;
  if (statusPath !== undefined) {
    args.push('--statusPath', `$(results.${resultName(statusPath)}.path)`);
    if (afterAny.skippingPolicy) args.push('--skippingPolicy', afterAny.skippingPolicy);
    if (afterAny.errorPolicy) args.push('--errorPolicy', afterAny.errorPolicy);
  }
  for (const condition of afterAny.conditions ?? []) args.push('-c', conditionArgument(condition, lowering));
  const main: StepIR = { name: 'main', image: lowering.ctx.options.anySequencerImage, command: ['any-task'], args };
  recordSequencerArtifacts(lowering, name, statusPath);
  return withRunVariables({
    name,
    params: [],
    body: {
      kind: 'embedded',
      spec: {
        params: [],
        results: statusPath !== undefined ? [{ name: resultName(statusPath), type: 'string', description: `/tmp/outputs/${statusPath}/data` }] : [],
        steps: [main],
        metadata: { labels: lowering.ctx.options.kfpMetadata ? { 'pipelines.kubeflow.org/cache_enabled': 'true' } : {}, annotations: {} },
      },
    },
    runAfter: [...runAfter],
    when: [...frame.when],
  });
}

/** `results_<task>_<result> OP value`; validation (AfterAnyConditions) guarantees the form. */
function conditionArgument(raw: unknown, lowering: ScopeLowering): string {
  const c = parseComparison(raw);
  if (isComparisonError(c)) return '';
  const operand = (text: string): string => {
    if (isLiteral(text)) return /^[+-]?\d+$/.test(text.trim()) ? String(parseInt(text, 10)) : `'${text}'`;
    const part = parseTemplate(text).parts[0];
    if (part?.kind !== 'ref' || part.ref.kind !== 'output') return text;
    return `results_${lowering.taskName(part.ref.task)}_${resultName(part.ref.output)}`;
  };
  return `${operand(c.left)} ${c.operator} ${operand(c.right)}`;
}

export const hasAfterAny = (node: TaskNode): boolean => isObject(node.spec.afterAny);

/** kfp-tekton tracks the sequencer like a container op: its status output is an artifact. */
function recordSequencerArtifacts(lowering: ScopeLowering, task: string, statusPath: string | undefined): void {
  if (statusPath === undefined) return lowering.ctx.artifacts.record(task, { outputs: [], items: [], inputs: [] });
  const name = artifactName(statusPath);
  lowering.ctx.artifacts.record(task, {
    outputs: [{ name: `${task}-${name}`, path: outputFilePath(statusPath), key: `artifacts/$PIPELINERUN/${task}/${name}.tgz` }],
    items: [[name, `$(results.${resultName(statusPath)}.path)`]],
    inputs: [],
  });
}
