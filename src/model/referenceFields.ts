/**
 * Where {{...}} references may appear: per node kind, the fields whose values kft lowers into
 * something Tekton (or the PipelineLoop controller) substitutes when the run executes. Tekton
 * substitutes params only in a few places (pkg/reconciler/pipelinerun/resources/apply.go: a
 * pipeline task's params, `when`, display name and workspace subPath; taskrun/resources/apply.go
 * and pkg/container: of an embedded task spec's steps, sidecars and step template the image,
 * command, args, script, workingDir, env values and secret/config-map key references, volume mount
 * paths; some volume source names; workspace mount paths). Everything else is copied into the
 * manifests as written (pod templates, metadata, resources, ...) or parsed when the run is admitted
 * (resource quantities), so a reference anywhere else is an error (rule ReferencePlacement). The
 * PipelineLoop controller substitutes nothing either: it passes its taskRunSpecs and podTemplate to
 * the runs it starts as written (kfp-tekton pipelinelooprun.go, createPipelineRun).
 *
 * A field is a dot-separated path below the node: `*` is any one key or index, `**` anything at
 * any depth below. A string at a path of the table is a reference site; a string inside an object
 * or list at such a path is not (an object argument is passed as constant JSON text).
 * docs/spec.md ("Where references work") lists exactly these fields, and a test walks the schema
 * so that a new field cannot take references without being listed here.
 */
import type { NodeKind } from './specModel.js';

/** The fields of a container (init container or sidecar) that Tekton substitutes (pkg/container). */
const CONTAINER_FIELDS = [
  'image', 'command.*', 'args.*', 'script', 'workingDir',
  'env.*.value', 'env.*.valueFrom.secretKeyRef.name', 'env.*.valueFrom.secretKeyRef.key', 'env.*.valueFrom.configMapKeyRef.name', 'env.*.valueFrom.configMapKeyRef.key',
  'volumeMounts.*.mountPath', 'volumeMounts.*.subPath',
] as const;

/** The volume source fields Tekton substitutes (taskrun/resources/apply.go ApplyReplacements). */
const VOLUME_FIELDS = [
  'configMap.name', 'configMap.items.*.key', 'configMap.items.*.path',
  'secret.secretName', 'secret.items.*.key', 'secret.items.*.path',
  'persistentVolumeClaim.claimName',
  'projected.sources.*.configMap.name', 'projected.sources.*.secret.name', 'projected.sources.*.serviceAccountToken.audience',
  'csi.nodePublishSecretRef.name', 'csi.volumeAttributes.*',
] as const;

/** A comparison: a string `A op B`, or an object whose operands may hold references. */
const comparison = (path: string): string[] => [path, `${path}.left`, `${path}.right`];

export const REFERENCE_FIELDS: Readonly<Record<NodeKind, readonly string[]>> = {
  task: [
    'arguments.*',
    'image',
    'env.*',
    ...comparison('afterAny.conditions.*'),
    ...VOLUME_FIELDS.map((f) => `volumes.*.${f}`),
    'volumeMounts.*.mountPath', 'volumeMounts.*.subPath',
    ...CONTAINER_FIELDS.map((f) => `initContainers.*.${f}`),
    ...CONTAINER_FIELDS.map((f) => `sidecars.*.${f}`),
    'workspaces.*.mountPath',
  ],
  graphCall: ['arguments.*'],
  condition: comparison('if'),
  loop: ['loop.items.**', 'loop.from', 'loop.range.start', 'loop.range.end', 'loop.range.step', 'loop.split.value', 'loop.split.separator'],
  anySequencer: comparison('anySequencer.conditions.*'),
  customGroup: ['group.params.*'],
  break: [],
  exitHandler: [],
};

/**
 * The fields of a task that only a container task has: a custom task or a resource operation runs
 * no container of the spec's, so it takes references only in its arguments and afterAny.
 */
export const CONTAINER_TASK_ONLY_FIELDS: ReadonlySet<string> = new Set(['image', 'env', 'volumes', 'volumeMounts', 'initContainers', 'sidecars', 'workspaces']);

/** The reference fields of one node kind as a tree of path segments. */
export interface FieldTree {
  /** A string here is a reference site. */
  readonly site: boolean;
  /** Every string at any depth below is a site (`**`). */
  readonly deep: boolean;
  /** Children by key. */
  readonly keys: ReadonlyMap<string, FieldTree>;
  /** The child for any key or index (`*`). */
  readonly any?: FieldTree;
}

interface MutableTree {
  site: boolean;
  deep: boolean;
  keys: Map<string, MutableTree>;
  any?: MutableTree;
}

const emptyTree = (): MutableTree => ({ site: false, deep: false, keys: new Map() });

function treeOf(paths: readonly string[]): FieldTree {
  const root = emptyTree();
  for (const path of paths) {
    let at = root;
    for (const segment of path.split('.')) {
      if (segment === '**') {
        at.deep = true;
        break;
      }
      if (segment === '*') at = at.any ??= emptyTree();
      else {
        let next = at.keys.get(segment);
        if (!next) at.keys.set(segment, (next = emptyTree()));
        at = next;
      }
    }
    at.site = true;
  }
  return root;
}

export const FIELD_TREES: Readonly<Record<NodeKind, FieldTree>> = Object.fromEntries(
  Object.entries(REFERENCE_FIELDS).map(([kind, paths]) => [kind, treeOf(paths)]),
) as Record<NodeKind, FieldTree>;

/** The subtree for one key (or index) below `tree`, if references may appear below it. */
export function fieldChild(tree: FieldTree | undefined, key: string | number): FieldTree | undefined {
  if (!tree) return undefined;
  if (tree.deep) return tree;
  return (typeof key === 'string' ? tree.keys.get(key) : undefined) ?? tree.any;
}

/** Whether a string at this place of the tree is a reference site. */
export const isSite = (tree: FieldTree | undefined): boolean => tree !== undefined && (tree.site || tree.deep);

/**
 * A deep copy of `value` whose strings at reference sites of `tree` went through `text`; other
 * strings are kept as written (lowering binds references only where Tekton substitutes them).
 */
export function mapSites(value: unknown, tree: FieldTree | undefined, text: (s: string) => string): unknown {
  if (typeof value === 'string') return isSite(tree) ? text(value) : value;
  if (Array.isArray(value)) return value.map((v, i) => mapSites(v, fieldChild(tree, i), text));
  // fromEntries defines own properties: a user key `__proto__` stays a key.
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSites(v, fieldChild(tree, k), text)]));
  return value;
}
