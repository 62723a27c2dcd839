/**
 * A task whose component is a resource operation (KFP ResourceOp) or a volume operation (KFP
 * VolumeOp, a ResourceOp that creates a PVC). Tekton has no such primitive, so kfp-tekton runs
 * its kubectl-wrapper image: one step `kubeclient` whose flags come from task params (action,
 * output JSON paths, conditions, owner reference) and the manifest as YAML text. The manifest is
 * written as PyYAML writes it (sorted keys), as kfp-tekton does. Inputs used in the manifest
 * travel as params; the PipelineRun name comes from the pod's `tekton.dev/pipelineRun` label,
 * because a step's arguments cannot read $(context...) there without a param.
 */
import { Document, isScalar, visit as visitYamlNodes } from 'yaml';
import type { ComponentSpec, ResourceImplementation, VolumeImplementation, VolumeSnapshotImplementation } from '../../generated/component.js';
import { resourceOutputPaths } from '../../model/implicitOutputs.js';
import { isObject, type ComponentModel, type TaskNode } from '../../model/specModel.js';
import { constantText, TaskBindings } from '../bindings.js';
import { durationText } from '../durations.js';
import type { EnvVarIR, ParamIR, ParamSpecIR, PipelineTaskIR, ResultIR, StepIR } from '../ir.js';
import { paramName } from '../names.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { readsAsOtherThanString } from '../../util/yaml11.js';
import { withTaskDefaults } from '../taskDefaults.js';
import { unusedArguments } from '../unusedArguments.js';

export const KUBECTL_WRAPPER_IMAGE = 'quay.io/aipipeline/kubectl-wrapper:latest';

/** The kubectl-wrapper task's own params, as kfp-tekton declares them. */
const WRAPPER_PARAMS = (image: string): ParamSpecIR[] => [
  { name: 'action', type: 'string', description: 'Action on the resource' },
  { name: 'merge-strategy', type: 'string', default: 'strategic', description: 'Merge strategy when using action patch' },
  { name: 'output', type: 'string', default: '', description: 'An express to retrieval data from resource.' },
  { name: 'success-condition', type: 'string', default: '', description: 'A label selector express to decide if the action on resource is success.' },
  { name: 'failure-condition', type: 'string', default: '', description: 'A label selector express to decide if the action on resource is failure.' },
  { name: 'image', type: 'string', default: image, description: 'Kubectl wrapper image' },
  { name: 'set-ownerreference', type: 'string', default: 'false', description: 'Enable set owner reference for created resource.' },
];

/** A volume operation is a resource operation whose manifest is a PVC. */
export function volumeAsResource(volume: VolumeImplementation, taskName: string): ResourceImplementation {
  const metadata: Record<string, unknown> = { name: `{{workflow.name}}-${volume.resourceName ?? taskName}` };
  if (volume.annotations && Object.keys(volume.annotations).length) metadata.annotations = volume.annotations;
  const spec: Record<string, unknown> = { accessModes: volume.modes ?? ['ReadWriteMany'], resources: { requests: { storage: volume.size } } };
  if (volume.storageClass) spec.storageClassName = volume.storageClass;
  if (volume.dataSource) spec.dataSource = typeof volume.dataSource === 'string' ? snapshotReference(volume.dataSource) : volume.dataSource;
  return {
    action: 'create',
    manifest: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec },
    ...(volume.setOwnerReference ? { setOwnerReference: true } : {}),
    ...(volume.image ? { image: volume.image } : {}),
  };
}

/** KFP's VolumeOp(data_source=NAME): a name stands for a VolumeSnapshot. */
const snapshotReference = (name: string) => ({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name });

/**
 * A volume snapshot operation is a resource operation whose manifest is a VolumeSnapshot of a PVC,
 * done when the snapshot is ready to use (KFP VolumeSnapshotOp's default success condition).
 * KFP 1.8 writes the v1alpha1 API (`spec.source {kind, name}`, `snapshotClassName`), which clusters
 * no longer serve; kft writes v1 (or v1beta1), whose fields are `source.persistentVolumeClaimName`
 * and `volumeSnapshotClassName`.
 */
export function snapshotAsResource(snapshot: VolumeSnapshotImplementation, taskName: string): ResourceImplementation {
  const metadata: Record<string, unknown> = { name: `{{workflow.name}}-${snapshot.resourceName ?? taskName}` };
  if (snapshot.annotations && Object.keys(snapshot.annotations).length) metadata.annotations = snapshot.annotations;
  const spec: Record<string, unknown> = { source: { persistentVolumeClaimName: snapshot.pvc } };
  if (snapshot.snapshotClass) spec.volumeSnapshotClassName = snapshot.snapshotClass;
  return {
    action: 'create',
    manifest: { apiVersion: snapshot.apiVersion ?? 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata, spec },
    successCondition: 'status.readyToUse == true',
    ...(snapshot.setOwnerReference ? { setOwnerReference: true } : {}),
    ...(snapshot.image ? { image: snapshot.image } : {}),
  };
}

/** The resource operation a resource, volume or volume snapshot component performs. */
export function resourceOf(impl: ComponentSpec['implementation'], taskName: string): ResourceImplementation {
  if (impl.resource) return impl.resource;
  if (impl.volume) return volumeAsResource(impl.volume, taskName);
  return snapshotAsResource(impl.volumeSnapshot!, taskName);
}

export function resourceOpTask(node: TaskNode, component: ComponentModel, lowering: ScopeLowering, frame: Frame): PipelineTaskIR {
  const name = lowering.taskName(node.name);
  // config.taskDefaults under the task's own labels, annotations and pod settings (its env has no
  // container to go to here); the pod settings go into taskRunSpecs, as for a container task.
  const spec = withTaskDefaults(lowering.ctx.model, node);
  lowering.addTaskRunSpec(name, spec);
  const impl = component.spec.implementation;
  const resource = resourceOf(impl, name);
  const bindings = new TaskBindings(lowering, node);
  const manifest = substituteManifest(resource.manifest, node, component, bindings);
  const paths = resourceOutputPaths(component.spec);
  const outputNames = Object.keys(paths).sort();
  const results: ResultIR[] = outputNames.map((o) => ({ name: o, type: 'string', description: paths[o] }));
  const env: EnvVarIR[] = [
    ...(manifest.usesRunName ? [fieldEnv('PIPELINERUN', "metadata.labels['tekton.dev/pipelineRun']")] : []),
    ...(resource.setOwnerReference ? [fieldEnv('POD_NAME', 'metadata.name'), fieldEnv('POD_NAMESPACE', 'metadata.namespace'), fieldEnv('POD_UID', 'metadata.uid')] : []),
  ];
  const main: StepIR = {
    name: 'main',
    image: '$(params.image)',
    command: ['kubeclient'],
    args: [
      '--action=$(params.action)',
      '--merge-strategy=$(params.merge-strategy)',
      `--manifest=${manifest.text}`,
      '--output=$(params.output)',
      '--success-condition=$(params.success-condition)',
      '--failure-condition=$(params.failure-condition)',
      '--set-ownerreference=$(params.set-ownerreference)',
    ],
    ...(env.length ? { env } : {}),
  };
  const params: ParamIR[] = [
    { name: 'action', value: resource.action },
    ...(resource.mergeStrategy ? [{ name: 'merge-strategy', value: resource.mergeStrategy }] : []),
    { name: 'output', value: outputNames.map((o) => `- name: ${o}\n  valueFrom: '${paths[o]}'\n`).join('') },
    ...(resource.successCondition ? [{ name: 'success-condition', value: resource.successCondition }] : []),
    ...(resource.failureCondition ? [{ name: 'failure-condition', value: resource.failureCondition }] : []),
    ...(resource.setOwnerReference ? [{ name: 'set-ownerreference', value: 'true' }] : []),
    ...manifest.inputParams,
  ];
  // kfp-tekton lists resource ops in the artifact annotations without outputs; their inputs still show in the lineage.
  lowering.ctx.artifacts.record(name, { outputs: [], items: [], inputs: bindings.inputArtifacts() });
  const labels: Record<string, string> = {};
  if (lowering.ctx.options.kfpMetadata) labels['pipelines.kubeflow.org/cache_enabled'] = node.spec.caching === false ? 'false' : 'true';
  return {
    name,
    params,
    body: {
      kind: 'embedded',
      spec: {
        params: [...WRAPPER_PARAMS(resource.image ?? KUBECTL_WRAPPER_IMAGE), ...manifest.inputParams.map((p) => ({ name: p.name }))],
        results,
        steps: [main],
        metadata: { labels: { ...labels, ...(spec.labels ?? {}) } as Record<string, string>, annotations: { ...(spec.annotations ?? {}) } as Record<string, string> },
      },
    },
    runAfter: lowering.runAfterOf(node, frame, unusedArguments(node, (input) => manifest.usedInputs.has(input), bindings, lowering)),
    when: [...frame.when],
    ...(node.spec.retries ? { retries: node.spec.retries } : {}),
    ...(node.spec.timeout !== undefined ? { timeout: durationText(node.spec.timeout) } : {}),
    ...(node.spec.displayName ? { displayName: node.spec.displayName } : {}),
  };
}

const fieldEnv = (name: string, fieldPath: string): EnvVarIR => ({ name, valueFrom: { fieldRef: { fieldPath } } });

const INPUT_REF = /\{\{\s*inputs\.([^}\s]+)\s*\}\}/g;
const RUN_NAME_REF = /\{\{\s*workflow\.name\s*\}\}/g;

/**
 * Replaces {{inputs.NAME}} by a task param holding the argument and {{workflow.name}} by the
 * $(PIPELINERUN) env var, then writes the manifest as YAML text. An input whose param name is one
 * of the wrapper's own (`image`, `action`, `output`, ...) gets `-input` appended (and a number if
 * that is taken too): the task spec would declare the name twice, which Tekton rejects, and the
 * value would replace the wrapper's setting (an input `image` would become the step's image).
 */
function substituteManifest(manifest: Record<string, unknown>, node: TaskNode, component: ComponentModel, bindings: TaskBindings) {
  const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
  const inputParams: ParamIR[] = [];
  const paramOfInput = new Map<string, string>();
  const taken = new Set(WRAPPER_PARAMS('').map((p) => p.name));
  let usesRunName = false;
  const inputParam = (input: string): string => {
    let name = paramOfInput.get(input);
    if (name === undefined) {
      name = paramName(input);
      if (taken.has(name)) name = `${name}-input`;
      for (let n = 2; taken.has(name); n++) name = `${paramName(input)}-input-${n}`;
      taken.add(name);
      paramOfInput.set(input, name);
      const value = Object.hasOwn(args, input) ? bindings.expression(args[input]) : constantText(component.inputs.get(input)?.default);
      inputParams.push({ name, value });
    }
    return `$(inputs.params.${name})`;
  };
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const withInputs = value.replace(INPUT_REF, (_m, input: string) => inputParam(input));
      if (RUN_NAME_REF.test(withInputs)) usesRunName = true;
      return withInputs.replace(RUN_NAME_REF, '$(PIPELINERUN)');
    }
    if (Array.isArray(value)) return value.map(visit);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
    return value;
  };
  const substituted = visit(manifest);
  return { text: pyYamlDump(substituted), inputParams, usedInputs: new Set(paramOfInput.keys()), usesRunName };
}

/**
 * YAML as PyYAML's `yaml.dump(obj, default_flow_style=False)` writes it: sorted keys, unindented
 * lists, and single quotes around every string a YAML 1.1 reader would take for something else
 * (`yes`, `Off`, `0777`, a date): kubectl-wrapper reads this text with Kubernetes' reader, and the
 * yaml library alone would leave those plain.
 */
export function pyYamlDump(value: unknown): string {
  const doc = new Document(value, { sortMapEntries: true, aliasDuplicateObjects: false });
  visitYamlNodes(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && isScalar(node) && readsAsOtherThanString(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ indentSeq: false, lineWidth: 0, minContentWidth: 0, singleQuote: true });
}
