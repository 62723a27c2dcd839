/**
 * Visitor for a container task: one pipeline task with an embedded taskSpec whose step `main`
 * runs the component's image, command and args (kfp-tekton's ContainerOp lowering).
 */
import type { ComponentSpec, ContainerImplementation } from '../../generated/component.js';
import { isObject, type ComponentModel, type TaskNode } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { constantText, TaskBindings } from '../bindings.js';
import { constantCommandLine, resolveCommandLine, type PlaceholderResolver } from '../commandLine.js';
import { TaskFiles } from '../dataPassing/taskFiles.js';
import type { EnvVarIR, ParamIR, ParamSpecIR, PipelineTaskIR, ResultIR, StepIR, TaskSpecIR, WhenIR } from '../ir.js';
import { dnsLabel } from '../names.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { durationText } from '../durations.js';
import { pyJson } from '../kfpMetadata.js';
import { sha256Hex } from '../../platform/node.js';
import { customTask } from './customTask.js';
import { withPVolumes } from './pvolumes.js';
import { withRunVariables } from '../runVariables.js';
import { checkArgoInputParameters } from '../argoInputParameters.js';
import { resourceOpTask } from './resourceOp.js';
import { anySequencerTask } from '../anySequencer.js';
import { copyResultsArtifactsStep, type ResultCopy } from '../dataPassing/steps.js';
import { podFeatures } from '../podSpec.js';
import { packResults, splitResults } from '../resultSizes.js';
import { withTaskDefaults } from '../taskDefaults.js';
import { unusedArguments } from '../unusedArguments.js';

export function lowerTask(node: TaskNode, lowering: ScopeLowering, frame: Frame): void {
  // A task of a graph component is the graph's tasks, inlined (model/graphComponents.ts).
  if (node.expansion) return lowering.lowerNodes(node.expansion.children, frame);
  if (node.spec.afterAny) lowering.add(anySequencerTask(lowering.sequencerName(node), node.spec.afterAny, lowering, frame), frame);
  const component = lowering.ctx.model.components.get(node.spec.component);
  const implementation = component?.spec.implementation;
  if (component && implementation?.customTask) return lowering.add(customTask(node, component, implementation.customTask, lowering, frame), frame);
  if (component && (implementation?.resource || implementation?.volume || implementation?.volumeSnapshot)) return lowering.add(resourceOpTask(node, component, lowering, frame), frame);
  const container = implementation?.container;
  if (!component || !container) {
    const kind = component ? Object.keys(component.spec.implementation)[0] : 'unknown';
    lowering.ctx.report('unsupported-feature', `component '${node.spec.component}' has a '${kind}' implementation, which kft cannot lower`, 'Use a container component.', childPointer(node.pointer, 'component'));
    return;
  }
  const task = withRunVariables(withPVolumes(containerTask(node, component, container, lowering, frame), node, lowering));
  checkArgoInputParameters(task, node, component, container, lowering.ctx);
  lowering.add(task, frame);
}

export function containerTask(node: TaskNode, component: ComponentModel, container: ContainerImplementation, lowering: ScopeLowering, frame: Frame): PipelineTaskIR {
  // config.taskDefaults merged under the task's own pod settings. A copy: data passing keys its
  // plan by the node itself, so everything else reads `node`.
  const spec = withTaskDefaults(lowering.ctx.model, node);
  const defaulted: TaskNode = spec === node.spec ? node : { ...node, spec };
  const bindings = new TaskBindings(lowering, node);
  const name = lowering.taskName(node.name);
  const files = new TaskFiles(lowering, node, component, bindings, name);
  const resolver = new ContainerPlaceholders(node, component, bindings, files);
  // fileOutputCopy edits the lists in place; otherwise a constant list is shared (never edited).
  const shareable = !isObject(container.fileOutputs);
  const command = (shareable && (constantCommandLine(container.command) as string[] | undefined)) || resolveCommandLine(container.command, resolver);
  const commandArgs = (shareable && (constantCommandLine(container.args) as string[] | undefined)) || resolveCommandLine(container.args, resolver);
  const copy = fileOutputCopy(container, command, commandArgs, files, lowering);
  const env = envOf(container, defaulted, bindings);
  const lowered = files.lower();
  const pod = podFeatures(defaulted.spec, bindings);
  // Built by assignment in the order the spreads used to give: a task is lowered per task of the
  // spec, mostly before V8 optimises this code, where each conditional spread is a temporary object.
  const main: Mutable<StepIR> = { ...pod.main, name: 'main', image: '' };
  // A task may replace the image, with references (KFP: op.container.image = f'busy:{tag}').
  main.image = node.spec.image !== undefined ? bindings.text(node.spec.image) : container.image;
  if (command.length) main.command = command;
  if (commandArgs.length) main.args = commandArgs;
  const mainEnv = concat(env, lowered.mainEnv);
  if (mainEnv.length) main.env = mainEnv;
  if (node.spec.resources) main.computeResources = resourcesOf(node.spec.resources);
  if (node.spec.imagePullPolicy) main.imagePullPolicy = node.spec.imagePullPolicy;
  const volumes = taskVolumes(concat(copy.volumes, lowered.volumes), pod.spec.volumes);
  const volumeMounts = concat(copy.volumeMounts, lowered.volumeMounts);
  const results = concat(files.results(), lowered.results);
  const steps: StepIR[] = [...lowered.before, ...pod.initSteps, main, ...copy.steps];
  const split = node.spec.resultSizes ? splitResults(steps, packResults(node.spec.resultSizes, [...component.outputs.keys()])) : { steps, moved: NOTHING_MOVED };
  recordArtifacts(lowering, name, files, bindings, split.moved);
  lowering.addTaskRunSpec(name, defaulted.spec);
  // Optional fields are assigned in the order of TaskSpecIR, metadata last.
  const taskSpec: Mutable<Partial<TaskSpecIR>> = {
    params: paramSpecs(bindings.params),
    results,
    steps: withFinalSteps(split.steps, lowered.after, copyResultsArtifacts(lowered.resultCopies, results, split.moved, lowering)),
  };
  if (pod.spec.sidecars) taskSpec.sidecars = pod.spec.sidecars;
  if (volumes.length) taskSpec.volumes = volumes;
  if (volumeMounts.length) taskSpec.stepTemplate = { volumeMounts };
  const workspaces = lowered.workspace ? [{ name: lowered.workspace }, ...(pod.spec.workspaces ?? [])] : pod.spec.workspaces;
  if (workspaces?.length) taskSpec.workspaces = workspaces;
  taskSpec.metadata = metadataOf(defaulted, component, lowering);
  const workspaceBindings = lowered.workspace ? [{ name: lowered.workspace, workspace: lowering.ctx.dataWorkspace }, ...pod.workspaceBindings] : pod.workspaceBindings;
  for (const binding of pod.workspaceBindings) lowering.useWorkspace(binding.workspace);
  const task: Mutable<PipelineTaskIR> = {
    name,
    params: sortedByName(bindings.params),
    body: { kind: 'embedded', spec: taskSpec as TaskSpecIR },
    runAfter: lowering.runAfterOf(node, frame, unusedArguments(node, (input) => resolver.uses(input), bindings, lowering)),
    when: frame.when.length ? [...frame.when] : NO_WHEN,
  };
  if (workspaceBindings.length) task.workspaces = workspaceBindings;
  if (node.spec.retries) task.retries = node.spec.retries;
  if (node.spec.timeout !== undefined) task.timeout = durationText(node.spec.timeout);
  if (node.spec.displayName) task.displayName = node.spec.displayName;
  return task;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NOTHING_MOVED: ReadonlyMap<string, string> = new Map();

/**
 * What a container task's placeholders become: inputValue its argument's text (or the input's
 * default), inputPath and outputPath the files data passing chooses. One object per task rather
 * than a resolver of closures (1,500 tasks of one component allocate 1,500 of them).
 */
class ContainerPlaceholders implements PlaceholderResolver {
  private readonly args: Readonly<Record<string, unknown>>;
  /** Inputs the command line asked for, in any form (value, path, presence). */
  private used?: string[];

  constructor(
    node: TaskNode,
    private readonly component: ComponentModel,
    private readonly bindings: TaskBindings,
    private readonly files: TaskFiles,
  ) {
    this.args = isObject(node.spec.arguments) ? node.spec.arguments : NO_ARGUMENTS;
  }

  /** Whether the command line reads the input (an argument it never reads is not passed, see unusedArguments). */
  uses(input: string): boolean {
    return this.used?.includes(input) ?? false;
  }

  private use(input: string): void {
    if (!(this.used ??= []).includes(input)) this.used.push(input);
  }

  inputValue(input: string): string | undefined {
    this.use(input);
    if (Object.hasOwn(this.args, input)) return this.bindings.text(this.args[input]);
    const spec = this.component.inputs.get(input);
    return spec?.default !== undefined ? constantText(spec.default) : undefined;
  }

  inputPath(input: string): string | undefined {
    this.use(input);
    return this.files.inputPath(input);
  }

  outputPath(output: string): string {
    return this.files.outputPath(output);
  }
}

const NO_ARGUMENTS: Readonly<Record<string, unknown>> = Object.freeze({});

/** `a` and `b` joined; `a` itself (a fresh array) when `b` is empty, the common case. */
function concat<T>(a: readonly T[], b: readonly T[]): T[] {
  return b.length === 0 ? (a as T[]) : [...a, ...b];
}

/** The steps after the (result-split) main steps: file-passing steps, then the results copy. */
function withFinalSteps(steps: readonly StepIR[], after: readonly StepIR[], copies: readonly StepIR[]): StepIR[] {
  return after.length === 0 && copies.length === 0 ? (steps as StepIR[]) : [...steps, ...after, ...copies];
}

const byName = (a: { readonly name: string }, b: { readonly name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sortedByName(params: readonly ParamIR[]): ParamIR[] {
  return params.length < 2 ? [...params] : [...params].sort(byName);
}

function paramSpecs(params: readonly ParamIR[]): ParamSpecIR[] {
  const specs: ParamSpecIR[] = [];
  for (const p of params) specs.push({ name: p.name });
  return specs.length < 2 ? specs : specs.sort(byName);
}

/** The task's artifacts, for the run's annotations (kfp-tekton tracks every container task). */
function recordArtifacts(lowering: ScopeLowering, name: string, files: TaskFiles, bindings: TaskBindings, moved: ReadonlyMap<string, string>): void {
  const { outputs, items } = files.outputArtifacts();
  // An output moved out of /tekton/results by result-size steps is tracked where it ends up.
  const where = (path: string) => moved.get(/^\$\(results\.([^.]+)\.path\)$/.exec(path)?.[1] ?? '') ?? path;
  const tracked = moved.size ? items.map(([item, path]): [string, string] => [item, where(path)]) : items;
  lowering.ctx.artifacts.record(name, { outputs, items: tracked, inputs: concat(bindings.inputArtifacts(), files.inputArtifacts()) });
}

/**
 * kfp-tekton's one `copy-results-artifacts` step per task (_data_passing_rewriter): it copies
 * every result whose artifact lives elsewhere back into the result while small, in the
 * component's output order: workspace outputs from their file, and (KFP metadata only, the
 * backend shows the final results) outputs that result-size steps moved out of /tekton/results.
 */
function copyResultsArtifacts(workspaceCopies: readonly ResultCopy[], results: readonly ResultIR[], moved: ReadonlyMap<string, string>, lowering: ScopeLowering): readonly StepIR[] {
  if (workspaceCopies.length === 0 && moved.size === 0) return NO_STEPS;
  const movedCopies = lowering.ctx.options.kfpMetadata
    ? results.filter((r) => moved.has(r.name)).map((r) => ({ from: moved.get(r.name)!, resultPath: `$(results.${r.name}.path)` }))
    : [];
  const order = results.map((r) => `$(results.${r.name}.path)`);
  const copies = [...workspaceCopies, ...movedCopies.filter((m) => !workspaceCopies.some((w) => w.resultPath === m.resultPath))]
    .sort((a, b) => order.indexOf(a.resultPath) - order.indexOf(b.resultPath));
  return copies.length ? [copyResultsArtifactsStep(lowering.ctx.options.bashImage, copies)] : [];
}

/** kfp-tekton sorts a task's volumes by name once the task has volumes of its own. */
function taskVolumes(generated: readonly unknown[], own: readonly unknown[] | undefined): unknown[] {
  if (!own?.length) return [...generated];
  const name = (v: unknown) => String((v as { name?: unknown }).name);
  return [...generated, ...own].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

/**
 * fileOutputs name fixed paths. Where the path appears in the command line it is replaced by the
 * result path (kfp-tekton does the same); otherwise a step copies the file into the result. Steps
 * are separate containers, so the file's directory is an emptyDir mounted into every step (the
 * step template), one per directory, named after the first output in it (kfp-tekton's
 * _add_mount_path); `sh -e` makes a failing copy fail the task.
 */
function fileOutputCopy(container: ContainerImplementation, command: string[], args: string[], files: TaskFiles, lowering: ScopeLowering): FileOutputCopy {
  const fileOutputs = container.fileOutputs;
  if (!isObject(fileOutputs)) return NO_FILE_OUTPUTS;
  const copies: string[] = [];
  const volumes: { name: string; emptyDir: Record<string, never> }[] = [];
  const volumeMounts: { name: string; mountPath: string }[] = [];
  for (const [name, path] of Object.entries(fileOutputs) as [string, string][]) {
    // The output's path: its result, or its workspace file when it travels by workspace.
    const target = files.outputPath(name);
    let replaced = false;
    for (const list of [command, args]) {
      list.forEach((text, i) => {
        if (text.includes(path)) {
          list[i] = text.split(path).join(target);
          replaced = true;
        }
      });
    }
    if (replaced) continue;
    // A workspace path is quoted so the shell leaves its $ORIG_PR_NAME as `main` sees it.
    copies.push(`cp ${shellWord(path)} ${target.startsWith('$(results.') ? target : shellQuote(target)};`);
    const mountPath = path.slice(0, Math.max(path.lastIndexOf('/'), 1));
    if (volumeMounts.some((m) => m.mountPath === mountPath)) continue;
    const base = dnsLabel(name);
    let volumeName = base;
    for (let n = 2; volumes.some((v) => v.name === volumeName); n++) volumeName = `${base}-${n}`;
    volumes.push({ name: volumeName, emptyDir: {} });
    volumeMounts.push({ name: volumeName, mountPath });
  }
  const steps: StepIR[] = copies.length ? [{ name: 'copy-results', image: lowering.ctx.options.bashImage, command: ['sh', '-ec', `set -exo pipefail\n${copies.join('\n')}\n`] }] : [];
  return { steps, volumes, volumeMounts };
}

/** A path as one shell word: as it is when it holds only safe characters, else single-quoted. */
const shellWord = (s: string) => (/^[A-Za-z0-9_./-]+$/.test(s) ? s : shellQuote(s));
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

interface FileOutputCopy {
  readonly steps: readonly StepIR[];
  readonly volumes: readonly unknown[];
  readonly volumeMounts: readonly unknown[];
}

const NO_STEPS: readonly StepIR[] = Object.freeze([]);
const NO_WHEN: readonly WhenIR[] = Object.freeze([]);
const NO_FILE_OUTPUTS: FileOutputCopy = Object.freeze({ steps: NO_STEPS, volumes: Object.freeze([]), volumeMounts: Object.freeze([]) });

function envOf(container: ContainerImplementation, node: TaskNode, bindings: TaskBindings): EnvVarIR[] {
  const env: EnvVarIR[] = [];
  if (isObject(container.env)) for (const [name, value] of Object.entries(container.env)) env.push({ name, value: String(value) });
  if (!isObject(node.spec.env)) return env;
  for (const [name, value] of Object.entries(node.spec.env)) {
    const existing = env.findIndex((e) => e.name === name);
    const entry = { name, value: bindings.text(value) };
    if (existing >= 0) env[existing] = entry;
    else env.push(entry);
  }
  return env;
}

function resourcesOf(r: NonNullable<TaskNode['spec']['resources']>): NonNullable<StepIR['computeResources']> {
  const list = (l: Record<string, unknown> | undefined) => (l ? Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)])) : undefined);
  const requests = list(r.requests);
  const limits = list(r.limits);
  return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
}

type TaskMetadata = TaskSpecIR['metadata'];

/**
 * The pod metadata of tasks that set none of their own, one per component and variant, shared
 * and frozen: every IR object a task keeps lives until emit, and young-generation GC copies
 * each (twice) on a cold run.
 */
const sharedMetadata = new WeakMap<ComponentModel, (TaskMetadata | undefined)[]>();

export function metadataOf(node: TaskNode, component: ComponentModel, lowering: ScopeLowering): TaskMetadata {
  const s = node.spec;
  if (s.displayName || s.artifactOutputs?.length || s.artifactTracking || s.labels || s.annotations) return ownMetadata(node, component, lowering);
  const { kfpMetadata, componentSpecAnnotations } = lowering.ctx.options;
  const variant = (kfpMetadata ? 1 : 0) + (componentSpecAnnotations ? 2 : 0) + (s.caching === false ? 4 : 0);
  let variants = sharedMetadata.get(component);
  if (!variants) sharedMetadata.set(component, (variants = []));
  return (variants[variant] ??= deepFreeze(ownMetadata(node, component, lowering)));
}

const deepFreeze = (m: TaskMetadata): TaskMetadata => Object.freeze({ labels: Object.freeze(m.labels), annotations: Object.freeze(m.annotations) });

function ownMetadata(node: TaskNode, component: ComponentModel, lowering: ScopeLowering): TaskMetadata {
  const labels: Record<string, string> = {};
  const annotations: Record<string, string> = {};
  if (lowering.ctx.options.kfpMetadata) {
    labels['pipelines.kubeflow.org/cache_enabled'] = node.spec.caching === false ? 'false' : 'true';
    if (lowering.ctx.options.componentSpecAnnotations) annotations['pipelines.kubeflow.org/component_spec_digest'] = componentDigest(component.spec);
    if (node.spec.displayName) annotations['pipelines.kubeflow.org/task_display_name'] = node.spec.displayName;
  }
  // Asked for explicitly, so written with or without kfpMetadata (kfp-tekton's pod annotations).
  if (node.spec.artifactOutputs?.length) annotations['artifact_outputs'] = pyJson(node.spec.artifactOutputs);
  if (node.spec.artifactTracking) annotations['tekton.dev/track_step_artifact'] = 'true';
  // Spread, not Object.assign: assigning a user key `__proto__` would call the prototype setter
  // and drop the entry (or, with an object value, re-parent the map).
  return { labels: withOwn(labels, node.spec.labels), annotations: withOwn(annotations, node.spec.annotations) };
}

function withOwn(generated: Record<string, string>, own: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  return own ? { ...generated, ...(own as Readonly<Record<string, string>>) } : generated;
}

const digests = new WeakMap<ComponentSpec, string>();

/**
 * KFP's component_spec_digest: the component's name, outputs, and a hash of its whole spec.
 * Computed once per component (serializing and hashing it per task showed in the profile).
 */
function componentDigest(spec: ComponentSpec): string {
  let digest = digests.get(spec);
  if (digest === undefined) digests.set(spec, (digest = computeDigest(spec)));
  return digest;
}

function computeDigest(spec: ComponentSpec): string {
  const name = spec.name ?? 'component';
  const hash = sha256Hex(JSON.stringify(spec));
  const outputs = (spec.outputs ?? []).map((o) => (o.type !== undefined ? { name: o.name, type: o.type } : { name: o.name }));
  return pyJson({ name, outputs, version: `${name}@sha256=${hash}` });
}
