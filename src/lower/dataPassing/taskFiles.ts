/**
 * File passing of one container task: what its inputPath and outputPath placeholders become, and
 * the steps, volumes and workspace that make those files exist. kfp-tekton's lowering:
 *
 * - input from another task's output that travels by workspace: the producer's file, found
 *   through its task run name (a `<producer>-trname` param bound to its `taskrun-name` result);
 * - input from a graph param the graph's call binds to such an output (through any number of
 *   calls): the same, the producer's task run name passed into the graph's PipelineLoop;
 * - input from a pipeline param: written by a `copy-inputs` step into this task's workspace
 *   directory (kfp-tekton writes param files there);
 * - any other input (a constant, a loop item, text with references): written by `copy-inputs` to
 *   /tmp/inputs/<input>/data on an emptyDir volume (KFP's "raw" input artifact);
 * - output that travels by workspace: written to this task run's workspace directory; an
 *   `output-taskrun-name` step publishes the run name and the task's `copy-results-artifacts`
 *   step previews the file into its result;
 * - UI-metadata and metrics outputs: /tmp/outputs/<output>/data on an emptyDir, never a result.
 */
import type { ComponentModel, TaskNode } from '../../model/specModel.js';
import { isObject } from '../../model/specModel.js';
import { isResolveError, resolveReference } from '../../model/resolve.js';
import { constantText, type TaskBindings } from '../bindings.js';
import type { EnvVarIR, ResultIR, StepIR } from '../ir.js';
import { dnsLabel, paramName, resultName } from '../names.js';
import type { ScopeLowering } from '../scope.js';
import type { InputArtifact, OutputArtifact } from './artifacts.js';
import {
  artifactName, inputFilePath, metadataArtifactName, outputFilePath, OWN_TASKRUN, parentDir, workspaceFilePath,
} from './kfpPaths.js';
import { singleReference } from './plan.js';
import { copyInputsStep, origPrNameEnv, outputTaskRunNameStep, type FileWrite, type ResultCopy } from './steps.js';

export interface TaskFilesLowering {
  /** Steps before and after `main`. */
  readonly before: readonly StepIR[];
  readonly after: readonly StepIR[];
  /**
   * Outputs written to the workspace whose result gets a preview of the file, in the component's
   * output order (the task's one `copy-results-artifacts` step copies them).
   */
  readonly resultCopies: readonly ResultCopy[];
  /** Env `main` needs (the original run's name, part of workspace paths). */
  readonly mainEnv: readonly EnvVarIR[];
  readonly results: readonly ResultIR[];
  readonly volumes: readonly unknown[];
  /** Mounts every step gets (stepTemplate), so copy steps and `main` see the same files. */
  readonly volumeMounts: readonly unknown[];
  /** The task's workspace name, when it passes files through the data-passing workspace. */
  readonly workspace?: string;
}

export class TaskFiles {
  // The maps are made on first use: most tasks pass no files, and a Map per task shows on a cold run.
  private inputPaths: Map<string, string | undefined> | undefined;
  private readonly writes: FileWrite[] = [];
  private emptyDirs: Map<string, string> | undefined;
  private workspaceOutputs: Map<string, string> | undefined;
  private readonly fileInputs: InputArtifact[] = [];
  private usesWorkspace = false;

  constructor(
    private readonly lowering: ScopeLowering,
    private readonly node: TaskNode,
    private readonly component: ComponentModel,
    private readonly bindings: TaskBindings,
    private readonly taskName: string,
  ) {}

  /** The path of an input read as a file, or undefined for an optional input given no value. */
  inputPath(input: string): string | undefined {
    const paths = (this.inputPaths ??= new Map());
    if (!paths.has(input)) paths.set(input, this.lowerInputPath(input));
    return paths.get(input);
  }

  outputPath(output: string): string {
    if (metadataArtifactName(output)) return this.emptyDirFile(outputFilePath(output), output);
    if (!this.lowering.ctx.dataPassing.travelsByWorkspace(this.node, output)) return `$(results.${resultName(output)}.path)`;
    const path = workspaceFilePath(this.taskName, OWN_TASKRUN, artifactName(output));
    this.usesWorkspace = true;
    (this.workspaceOutputs ??= new Map()).set(output, path);
    return path;
  }

  /** Results of the component's outputs (UI metadata and metrics are artifacts only); shared, frozen. */
  results(): readonly ResultIR[] {
    return outputsOf(this.component).results;
  }

  /** Output artifacts and items of the task for the run's annotations: UI metadata first, then outputs by name, as kfp-tekton lists them. */
  outputArtifacts(): { outputs: OutputArtifact[]; items: [string, string][] } {
    const outputs: OutputArtifact[] = [];
    const items: [string, string][] = [];
    const { metadata, regular } = outputsOf(this.component);
    for (const output of metadata) {
      const name = metadataArtifactName(output)!;
      outputs.push({ name, path: outputFilePath(output), key: `artifacts/$PIPELINERUN/${this.taskName}/${name}.tgz` });
      items.push([name, outputFilePath(output)]);
    }
    for (const output of regular) {
      const name = artifactName(output);
      const fullName = `${this.taskName}-${name}`;
      // kfp-tekton's key drops every `<task>-` from the full name (Python's str.replace), which
      // the backend then uses as the object key: "foo-11-foo-11-val" → "val".
      const key = fullName.split(`${this.taskName}-`).join('');
      outputs.push({ name: fullName, path: outputFilePath(output), key: `artifacts/$PIPELINERUN/${this.taskName}/${key}.tgz` });
      items.push([name, this.workspaceOutputs?.get(output) ?? `$(results.${resultName(output)}.path)`]);
    }
    return { outputs, items };
  }

  /** Inputs read from another task's workspace files (value inputs are recorded by the bindings). */
  inputArtifacts(): readonly InputArtifact[] {
    return this.fileInputs;
  }

  lower(): TaskFilesLowering {
    this.reportUnwrittenOutputs();
    // Most tasks pass no files: nothing to allocate.
    if (!this.usesWorkspace && this.writes.length === 0 && this.emptyDirs === undefined) return NO_FILES;
    const workspaceOutputs = this.workspaceOutputs ?? NO_ENTRIES;
    const emptyDirs = this.emptyDirs ?? NO_ENTRIES;
    const ctx = this.lowering.ctx;
    const image = ctx.options.bashImage;
    const before = this.writes.length ? [copyInputsStep(image, this.writes)] : [];
    const after: StepIR[] = [];
    const results: ResultIR[] = [];
    if (workspaceOutputs.size) {
      after.push(outputTaskRunNameStep(image));
      results.push({ name: 'taskrun-name', type: 'string' });
    }
    // In the component's output order, as kfp-tekton walks the results.
    const resultCopies: ResultCopy[] = [...this.component.outputs.keys()]
      .filter((output) => workspaceOutputs.has(output))
      .map((output) => ({ from: workspaceOutputs.get(output)!, resultPath: `$(results.${resultName(output)}.path)` }));
    if (this.usesWorkspace) this.lowering.useWorkspace(ctx.dataWorkspace);
    return {
      before,
      after,
      resultCopies,
      mainEnv: this.usesWorkspace ? [origPrNameEnv()] : [],
      results,
      volumes: [...emptyDirs.values()].map((name) => ({ name, emptyDir: {} })),
      volumeMounts: [...emptyDirs].map(([mountPath, name]) => ({ name, mountPath })),
      ...(this.usesWorkspace ? { workspace: this.taskName } : {}),
    };
  }

  /**
   * Outputs the plan sends through the workspace (read as files, or artifactOutputs) must have
   * been written by the command line, which registers them in outputPath(): otherwise the task
   * has no file, and no `taskrun-name` result by which a reader would find it.
   */
  private reportUnwrittenOutputs(): void {
    const plan = this.lowering.ctx.dataPassing;
    for (const output of this.component.outputs.keys()) {
      if (metadataArtifactName(output) || this.workspaceOutputs?.has(output) || !plan.travelsByWorkspace(this.node, output)) continue;
      this.lowering.ctx.report(
        'unwritten-output',
        `task '${this.node.name}' never writes output '${output}' (its component's command line has no {outputPath: ${output}} and fileOutputs does not name it), but it must travel as a file: a task reads it with inputPath, or artifactOutputs lists it`,
        `Write '${output}' through {outputPath: ${output}} in the component's command or args, or read another output.`,
        this.node.pointer,
      );
    }
  }

  private lowerInputPath(input: string): string | undefined {
    const args = isObject(this.node.spec.arguments) ? this.node.spec.arguments : {};
    const spec = this.component.inputs.get(input);
    const value = Object.hasOwn(args, input) ? args[input] : spec?.default;
    if (value === undefined) return undefined;
    const ref = singleReference(value);
    const resolved = ref ? resolveReference(this.lowering.ctx.model, this.node, ref) : undefined;
    if (resolved && !isResolveError(resolved)) {
      if (resolved.kind === 'output' && this.lowering.ctx.dataPassing.travelsByWorkspace(resolved.task, resolved.output.name)) {
        const producer = this.lowering.taskName(resolved.task.name);
        const trname = this.bindings.bindTaskRunName(resolved.task);
        this.usesWorkspace = true;
        this.fileInputs.push({ name: paramName(`${producer}-${resolved.output.name}`), parent_task: producer });
        return workspaceFilePath(this.taskName, `$(params.${trname})`, artifactName(resolved.output.name));
      }
      const source = resolved.kind === 'param' ? this.lowering.paramOutputFile(resolved.param) : undefined;
      if (source) {
        const trname = this.bindings.bindTaskRunNameOf(source.task, () => source.taskRunName);
        this.usesWorkspace = true;
        this.fileInputs.push({ name: paramName(`${source.task}-${source.output}`), parent_task: source.task });
        return workspaceFilePath(this.taskName, `$(params.${trname})`, artifactName(source.output));
      }
      if (resolved.kind === 'param') {
        const path = workspaceFilePath(this.taskName, OWN_TASKRUN, paramName(resolved.param.name));
        this.usesWorkspace = true;
        this.writes.push({ path, value: this.bindings.text(value) });
        return path;
      }
    }
    const path = this.emptyDirFile(inputFilePath(input), input);
    this.writes.push({ path, value: typeof value === 'string' ? this.bindings.text(value) : constantText(value) });
    return path;
  }

  /** A file on an emptyDir mounted at its directory, named after the input or output (kfp-tekton's volume names). */
  private emptyDirFile(path: string, name: string): string {
    const dir = parentDir(path);
    const dirs = (this.emptyDirs ??= new Map());
    if (!dirs.has(dir)) dirs.set(dir, dnsLabel(name));
    return path;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const NONE: readonly never[] = Object.freeze([]);
const NO_ENTRIES: ReadonlyMap<string, string> = new Map();
const NO_FILES: TaskFilesLowering = Object.freeze({ before: NONE, after: NONE, resultCopies: NONE, mainEnv: NONE, results: NONE, volumes: NONE, volumeMounts: NONE });

/** A component's outputs as every task of it lowers them. */
interface ComponentOutputs {
  readonly results: readonly ResultIR[];
  /** UI-metadata and metrics outputs, in the component's order. */
  readonly metadata: readonly string[];
  /** The other outputs, by artifact name. */
  readonly regular: readonly string[];
}

const outputsByComponent = new WeakMap<ComponentModel, ComponentOutputs>();

/** Once per component: a spec's tasks often share a few components (results are frozen, as the IR is immutable). */
function outputsOf(component: ComponentModel): ComponentOutputs {
  let known = outputsByComponent.get(component);
  if (known) return known;
  const all = [...component.outputs.keys()];
  const results = all
    .filter((o) => !metadataArtifactName(o))
    .map((o): ResultIR => Object.freeze({ name: resultName(o), type: 'string', description: outputFilePath(o) }));
  known = {
    results: Object.freeze(results),
    metadata: all.filter((o) => metadataArtifactName(o)),
    regular: all.filter((o) => !metadataArtifactName(o)).sort((a, b) => cmp(artifactName(a), artifactName(b))),
  };
  outputsByComponent.set(component, known);
  return known;
}
