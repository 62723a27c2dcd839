/**
 * ReferencePlacement: {{...}} references appear only in reference fields (model/referenceFields.ts),
 * where kft lowers them to params that Tekton substitutes at run time. Anywhere else in the
 * pipeline document — resources, pod settings, labels, annotations, display names, run settings,
 * parameter defaults, map keys, strings inside object arguments — a reference would reach the
 * cluster as literal text (or, in a resource quantity, be rejected when the run is admitted), so it
 * is an error at the reference. Such a reference is resolved too, so a typo in it
 * ({{tasks.nope.outputs.x}}) is reported as well. Other `{{...}}` text there (a Go template, an
 * Argo variable) is not a reference and is copied as written. Components are KFP component files:
 * their `{{...}}` are Argo variables and placeholders, checked by ArgoVariables and
 * ResourceManifests.
 */
import { templateMeaning } from '../../model/nodeReferences.js';
import { CONTAINER_TASK_ONLY_FIELDS, FIELD_TREES, fieldChild, isSite, type FieldTree } from '../../model/referenceFields.js';
import { looksLikeReference, parseTemplate } from '../../model/references.js';
import { isResolveError } from '../../model/resolve.js';
import { allNodes, allScopes, isObject, type NodeModel } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

export function ReferencePlacement(context: RuleContext): void {
  const { model } = context;
  const root = model.doc.value;
  if (!isObject(root)) return;
  for (const key of Object.keys(root)) {
    if (key === 'spec') continue;
    walk(root[key], undefined, childPointer('', key), [key], context, undefined);
  }
  if (isObject(root.spec)) documentFields(root.spec, context);
  for (const scope of allScopes(model)) {
    const nodes = allNodes(scope);
    for (let i = 0; i < nodes.length; i++) nodeFields(nodes[i]!, context);
  }
}

/** The pipeline's own fields: everything but its nodes (checked per node) and its components. */
function documentFields(spec: Record<string, unknown>, context: RuleContext): void {
  for (const key of Object.keys(spec)) {
    if (key === 'tasks' || key === 'finally' || key === 'components') continue;
    const value = spec[key];
    const pointer = childPointer('/spec', key);
    if (key === 'graphs' && isObject(value)) {
      for (const name of Object.keys(value)) {
        const graph = value[name];
        if (!isObject(graph)) continue;
        for (const field of Object.keys(graph)) {
          if (field !== 'tasks') walk(graph[field], undefined, childPointer(childPointer(pointer, name), field), ['spec', 'graphs', name, field], context, undefined);
        }
      }
    } else walk(value, undefined, pointer, ['spec', key], context, undefined);
  }
}

/** Nodes that head other nodes keep them under these keys; those are checked as nodes. */
const CHILD_NODE_KEYS: ReadonlySet<string> = new Set(['tasks', 'onExit']);

function nodeFields(node: NodeModel, context: RuleContext): void {
  const raw = node.spec as unknown as Record<string, unknown>;
  const tree = FIELD_TREES[node.kind];
  for (const key in raw) {
    if (!Object.prototype.hasOwnProperty.call(raw, key)) continue;
    const value = raw[key];
    // Most fields of most tasks are names and plain strings: skipped before any lookup.
    if (typeof value === 'string' ? !value.includes('{{') : typeof value !== 'object' || value === null) continue;
    if (node.kind !== 'task' && CHILD_NODE_KEYS.has(key)) continue;
    let below = tree.keys.get(key);
    if (below !== undefined && node.kind === 'task' && CONTAINER_TASK_ONLY_FIELDS.has(key) && !runsContainer(node, context)) below = undefined;
    // Find out that nothing is misplaced before building pointers (this runs for each of
    // thousands of tasks, cold).
    if (hasMisplaced(value, below)) walk(value, below, childPointer(node.pointer, key), [key], context, node);
  }
}

const runsContainer = (node: NodeModel & { kind: 'task' }, { model }: RuleContext): boolean => model.components.get(node.spec.component)?.spec.implementation.container !== undefined;

/** Whether `value` holds a '{{' that is not at a site of `tree` (in a string, or in a key). */
function hasMisplaced(value: unknown, tree: FieldTree | undefined): boolean {
  if (typeof value === 'string') return !isSite(tree) && value.includes('{{');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasMisplaced(value[i], fieldChild(tree, i))) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    // Inline for the common case, a plain string (most often at a site such as an argument).
    if (typeof v === 'string' && !v.includes('{{')) {
      if (key.includes('{{')) return true;
      continue;
    }
    if (key.includes('{{') || hasMisplaced(v, fieldChild(tree, key))) return true;
  }
  return false;
}

/**
 * Reports the references in `value` that are not at a site of `tree`: strings off the tree, and
 * every map key (a name is never substituted).
 */
function walk(value: unknown, tree: FieldTree | undefined, pointer: Pointer, path: readonly string[], context: RuleContext, node: NodeModel | undefined): void {
  if (typeof value === 'string') {
    if (value.includes('{{') && !isSite(tree)) misplaced(value, pointer, path, false, context, node);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], fieldChild(tree, i), childPointer(pointer, i), [...path, String(i)], context, node);
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const at = childPointer(pointer, key);
      if (key.includes('{{')) misplaced(key, at, path, true, context, node);
      walk(value[key], fieldChild(tree, key), at, [...path, key], context, node);
    }
  }
}

function misplaced(text: string, pointer: Pointer, path: readonly string[], isKey: boolean, { model, report }: RuleContext, node: NodeModel | undefined): void {
  const { parts, errors } = parseTemplate(text);
  const sources: { source: string; offset: number }[] = [];
  for (const part of parts) if (part.kind === 'ref') sources.push(part);
  for (const error of errors) if (looksLikeReference(error.source)) sources.push(error);
  if (sources.length === 0) return;
  const { why, fix } = reasonFor(path, isKey);
  const field = path.join('.');
  for (const { source, offset } of sources.sort((a, b) => a.offset - b.offset)) {
    const where = isKey ? { atKey: true } : { within: { offset, length: source.length } };
    report({ code: 'misplaced-reference', message: `${source} in ${isKey ? `a key of ${field}` : field} is not substituted: ${why}`, hint: fix, doc: model.doc, pointer, ...where });
  }
  // A reference that is not honoured here may still be a typo: report what does not resolve.
  if (!node || isKey) return;
  for (const { part, resolution } of templateMeaning(model, node, text).refs) {
    if (isResolveError(resolution)) report({ code: resolution.code, message: `${part.source}: ${resolution.message}`, hint: resolution.hint, doc: model.doc, pointer, within: { offset: part.offset, length: part.source.length } });
  }
}

interface Reason {
  readonly why: string;
  readonly fix: string;
}

const CONSTANT_FIX = 'Use a constant here; pass values known only at run time as arguments (or env), see docs/spec.md, "Where references work".';
const CHOOSE_FIX = 'Set a constant; to choose at run time, put alternative tasks, each with constant settings, under if: conditions.';
const AS_WRITTEN = (what: string): Reason => ({ why: `${what} copied into the manifests as written; Tekton does not substitute them`, fix: CONSTANT_FIX });
const POD_TEMPLATE: Reason = { why: 'kft writes it into the PipelineRun\'s taskRunSpecs (pod template, service account), which Tekton applies as written', fix: CHOOSE_FIX };

/** Why a field takes no reference, by the field's first segment (below the node, or below spec). */
const REASONS: Readonly<Record<string, Reason>> = {
  resources: { why: 'Tekton parses resource quantities when it admits the run, before any value exists (kfp-tekton writes such references anyway, and the cluster rejects the run)', fix: 'Set requests and limits to constants; to size a task at run time, put alternative tasks with constant resources under if: conditions.' },
  nodeSelector: POD_TEMPLATE,
  affinity: POD_TEMPLATE,
  tolerations: POD_TEMPLATE,
  serviceAccount: POD_TEMPLATE,
  labels: { why: 'pod labels are copied to the task\'s pod as written', fix: 'Pass the value to the container as an argument or in env.' },
  annotations: { why: 'pod annotations are copied to the task\'s pod as written', fix: 'Pass the value to the container as an argument or in env.' },
  securityContext: AS_WRITTEN('security contexts are'),
  imagePullPolicy: AS_WRITTEN('pull policies are'),
  displayName: { why: 'a display name is a fixed label of the task', fix: 'Use constant text.' },
  timeout: AS_WRITTEN('timeouts are'),
  retries: AS_WRITTEN('retries are'),
  volumes: { why: 'of a volume Tekton substitutes only the names of config maps, secrets, claims and CSI secrets, item keys and paths, projected sources and CSI attributes', fix: CONSTANT_FIX },
  volumeMounts: { why: 'of a volume mount Tekton substitutes only mountPath and subPath (kft checks mount names against the task\'s volumes)', fix: CONSTANT_FIX },
  initContainers: { why: 'of a container Tekton substitutes only image, command, args, script, workingDir, env values, secret and config map key references, and volume mount paths', fix: CONSTANT_FIX },
  sidecars: { why: 'of a container Tekton substitutes only image, command, args, script, workingDir, env values, secret and config map key references, and volume mount paths', fix: CONSTANT_FIX },
  arguments: { why: 'an object or list argument is passed as constant JSON text', fix: 'Write the whole argument as one string, e.g. \'{"lr": "{{params.lr}}"}\': the value is then inserted as it is (not JSON-escaped).' },
  group: { why: 'of a custom group only the values of params are passed at run time (internalParams are defaults of its pipeline; labels, annotations and overrides are written as they are)', fix: 'Pass the value in group.params and read it as {{params.NAME}} inside the group.' },
  config: { why: 'run settings are written into the PipelineRun as they are', fix: CONSTANT_FIX },
  params: { why: 'a parameter\'s default is a constant', fix: 'Use a constant default; the run may pass any value.' },
  graphs: { why: 'a graph\'s params are declared with constant defaults', fix: 'Use a constant default; each call passes its arguments.' },
  metadata: { why: 'the pipeline\'s metadata is written into the PipelineRun as it is', fix: CONSTANT_FIX },
};

/** Why the field at `path` (below a node, or from the document's root) takes no reference. */
function reasonFor(fullPath: readonly string[], isKey: boolean): Reason {
  if (isKey) return { why: 'names (map keys) are fixed when the manifests are built', fix: 'Use a constant name.' };
  const path = fullPath[0] === 'spec' ? fullPath.slice(1) : fullPath;
  const [first, , second] = path;
  // A task's container or volume lists: the field inside the entry says more.
  if ((first === 'initContainers' || first === 'sidecars') && second !== undefined && REASONS[second]) return REASONS[second]!;
  if (first === 'group' && path[1] === 'params') return REASONS.arguments!;
  if (first === 'config' && path[1] === 'taskDefaults') return { why: 'a taskDefaults entry applies to tasks of different scopes, where a reference would mean different things', fix: 'Set the value on each task instead.' };
  return (first !== undefined ? REASONS[first] : undefined) ?? { why: 'kft substitutes references only in the fields listed in docs/spec.md, "Where references work"', fix: CONSTANT_FIX };
}

