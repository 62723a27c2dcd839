/**
 * Visitor for a container task: one pipeline task with an embedded taskSpec whose step `main`
 * runs the component's image, command and args (kfp-tekton's ContainerOp lowering).
 */
import { createHash } from 'node:crypto';
import type { ComponentSpec, ContainerImplementation } from '../../generated/component.js';
import { isObject, type ComponentModel, type TaskNode } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { constantText, TaskBindings } from '../bindings.js';
import { resolveCommandLine } from '../commandLine.js';
import { TaskFiles } from '../dataPassing/taskFiles.js';
import type { EnvVarIR, PipelineTaskIR, ResultIR, StepIR } from '../ir.js';
import { dnsLabel } from '../names.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { durationText } from '../durations.js';
import { pyJson } from '../kfpMetadata.js';
import { customTask } from './customTask.js';
import { withPVolumes } from './pvolumes.js';
import { withRunVariables } from '../runVariables.js';
import { checkArgoInputParameters } from '../argoInputParameters.js';
import { resourceOpTask } from './resourceOp.js';
import { anySequencerTask } from '../anySequencer.js';
import { copyResultsArtifactsStep, type ResultCopy } from '../dataPassing/steps.js';
import { podFeatures, taskRunSpecOf } from '../podSpec.js';
import { packResults, splitResults } from '../resultSizes.js';
import { withTaskDefaults } from '../taskDefaults.js';

export function lowerTask(node: TaskNode, lowering: ScopeLowering, frame: Frame): void {
  if (node.spec.afterAny) lowering.add(anySequencerTask(lowering.sequencerName(node), node.spec.afterAny, lowering, frame), frame);
  const component = lowering.ctx.model.components.get(node.spec.component);
  const implementation = component?.spec.implementation;
  if (component && implementation?.customTask) return lowering.add(customTask(node, component, implementation.customTask, lowering, frame), frame);
  if (component && (implementation?.resource || implementation?.volume)) return lowering.add(resourceOpTask(node, component, lowering, frame), frame);
  const container = implementation?.container;
  if (!component || !container) {
    const kind = component ? Object.keys(component.spec.implementation)[0] : 'unknown';
    lowering.ctx.report('unsupported-feature', `component '${node.spec.component}' has a '${kind}' implementation, which kft cannot lower yet`, 'Use a container component.', childPointer(node.pointer, 'component'));
    return;
  }
  const task = withRunVariables(withPVolumes(containerTask(node, component, container, lowering, frame), node, lowering));
  checkArgoInputParameters(task, node, component, container, lowering.ctx);
  lowering.add(task, frame);
}

export function containerTask(node: TaskNode, component: ComponentModel, container: ContainerImplementation, lowering: ScopeLowering, frame: Frame): PipelineTaskIR {
  // config.taskDefaults merged under the task's own pod settings. A copy: data passing keys its
  // plan by the node itself, so everything else reads `node`.
  const defaulted: TaskNode = { ...node, spec: withTaskDefaults(lowering.ctx.model, node) };
  const bindings = new TaskBindings(lowering, node);
  const name = lowering.taskName(node.name);
  const files = new TaskFiles(lowering, node, component, bindings, name);
  const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
  const inputText = (input: string): string | undefined => {
    if (Object.hasOwn(args, input)) return bindings.text(args[input]);
    const spec = component.inputs.get(input);
    return spec?.default !== undefined ? constantText(spec.default) : undefined;
  };
  const resolver = {
    inputValue: inputText,
    inputPath: (input: string) => files.inputPath(input),
    outputPath: (output: string) => files.outputPath(output),
  };
  const command = resolveCommandLine(container.command, resolver);
  const commandArgs = resolveCommandLine(container.args, resolver);
  const copy = fileOutputCopy(container, command, commandArgs, resolver.outputPath, lowering);
  const env = envOf(container, defaulted, bindings);
  const lowered = files.lower();
  const pod = podFeatures(defaulted.spec, bindings);
  const mainEnv = [...env, ...lowered.mainEnv];
  const volumes = taskVolumes([...copy.volumes, ...lowered.volumes], pod.spec.volumes);
  const volumeMounts = [...copy.volumeMounts, ...lowered.volumeMounts];
  const main: StepIR = {
    ...pod.main,
    name: 'main',
    // A task may replace the image, with references (KFP: op.container.image = f'busy:{tag}').
    image: node.spec.image !== undefined ? bindings.text(node.spec.image) : container.image,
    ...(command.length ? { command } : {}),
    ...(commandArgs.length ? { args: commandArgs } : {}),
    ...(mainEnv.length ? { env: mainEnv } : {}),
    ...resourcesOf(node),
    ...(node.spec.imagePullPolicy ? { imagePullPolicy: node.spec.imagePullPolicy } : {}),
  };
  const results = [...files.results(), ...lowered.results];
  const split = splitResults([...lowered.before, ...pod.initSteps, main, ...copy.steps], packResults(node.spec.resultSizes ?? {}, [...component.outputs.keys()]));
  recordArtifacts(lowering, name, files, bindings, split.moved);
  const runSpec = taskRunSpecOf(name, defaulted.spec);
  if (runSpec) lowering.taskRunSpecs.push(runSpec);
  const workspaces = [...(lowered.workspace ? [{ name: lowered.workspace }] : []), ...(pod.spec.workspaces ?? [])];
  const workspaceBindings = [...(lowered.workspace ? [{ name: lowered.workspace, workspace: lowering.ctx.dataWorkspace }] : []), ...pod.workspaceBindings];
  for (const binding of pod.workspaceBindings) lowering.useWorkspace(binding.workspace);
  return {
    name,
    params: [...bindings.params].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    body: {
      kind: 'embedded',
      spec: {
        params: bindings.params.map((p) => ({ name: p.name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
        results,
        steps: [...split.steps, ...lowered.after, ...copyResultsArtifacts(lowered.resultCopies, results, split.moved, lowering)],
        ...(pod.spec.sidecars ? { sidecars: pod.spec.sidecars } : {}),
        ...(volumes.length ? { volumes } : {}),
        ...(volumeMounts.length ? { stepTemplate: { volumeMounts } } : {}),
        ...(workspaces.length ? { workspaces } : {}),
        metadata: metadataOf(defaulted, component, lowering),
      },
    },
    runAfter: lowering.runAfterOf(node, frame),
    when: [...frame.when],
    ...(workspaceBindings.length ? { workspaces: workspaceBindings } : {}),
    ...(node.spec.retries ? { retries: node.spec.retries } : {}),
    ...(node.spec.timeout !== undefined ? { timeout: durationText(node.spec.timeout) } : {}),
    ...(node.spec.displayName ? { displayName: node.spec.displayName } : {}),
  };
}

/** The task's artifacts, for the run's annotations (kfp-tekton tracks every container task). */
function recordArtifacts(lowering: ScopeLowering, name: string, files: TaskFiles, bindings: TaskBindings, moved: ReadonlyMap<string, string>): void {
  const { outputs, items } = files.outputArtifacts();
  // An output moved out of /tekton/results by result-size steps is tracked where it ends up.
  const where = (path: string) => moved.get(/^\$\(results\.([^.]+)\.path\)$/.exec(path)?.[1] ?? '') ?? path;
  lowering.ctx.artifacts.record(name, { outputs, items: items.map(([item, path]) => [item, where(path)]), inputs: [...bindings.inputArtifacts(), ...files.inputArtifacts()] });
}

/**
 * kfp-tekton's one `copy-results-artifacts` step per task (_data_passing_rewriter): it copies
 * every result whose artifact lives elsewhere back into the result while small, in the
 * component's output order: workspace outputs from their file, and (KFP metadata only, the
 * backend shows the final results) outputs that result-size steps moved out of /tekton/results.
 */
function copyResultsArtifacts(workspaceCopies: readonly ResultCopy[], results: readonly ResultIR[], moved: ReadonlyMap<string, string>, lowering: ScopeLowering): StepIR[] {
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
function fileOutputCopy(container: ContainerImplementation, command: string[], args: string[], outputPath: (name: string) => string, lowering: ScopeLowering) {
  const fileOutputs = isObject(container.fileOutputs) ? container.fileOutputs : {};
  const copies: string[] = [];
  const volumes: { name: string; emptyDir: Record<string, never> }[] = [];
  const volumeMounts: { name: string; mountPath: string }[] = [];
  for (const [name, path] of Object.entries(fileOutputs) as [string, string][]) {
    // The output's path: its result, or its workspace file when it travels by workspace.
    const target = outputPath(name);
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

function envOf(container: ContainerImplementation, node: TaskNode, bindings: TaskBindings): EnvVarIR[] {
  const env: EnvVarIR[] = [];
  for (const [name, value] of Object.entries(isObject(container.env) ? container.env : {})) env.push({ name, value: String(value) });
  for (const [name, value] of Object.entries(isObject(node.spec.env) ? node.spec.env : {})) {
    const existing = env.findIndex((e) => e.name === name);
    const entry = { name, value: bindings.text(value) };
    if (existing >= 0) env[existing] = entry;
    else env.push(entry);
  }
  return env;
}

function resourcesOf(node: TaskNode): Pick<StepIR, 'computeResources'> {
  const r = node.spec.resources;
  if (!r) return {};
  const list = (l: Record<string, unknown> | undefined) => (l ? Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)])) : undefined);
  const requests = list(r.requests);
  const limits = list(r.limits);
  return { computeResources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } };
}

export function metadataOf(node: TaskNode, component: ComponentModel, lowering: ScopeLowering) {
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
  const own = (map: Readonly<Record<string, string | undefined>> | undefined) => map as Readonly<Record<string, string>> | undefined;
  return { labels: { ...labels, ...own(node.spec.labels) }, annotations: { ...annotations, ...own(node.spec.annotations) } };
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
  const hash = createHash('sha256').update(JSON.stringify(spec)).digest('hex');
  const outputs = (spec.outputs ?? []).map((o) => (o.type !== undefined ? { name: o.name, type: o.type } : { name: o.name }));
  return pyJson({ name, outputs, version: `${name}@sha256=${hash}` });
}
