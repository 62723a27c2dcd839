/**
 * The {{...}} references of a node, each resolved as seen from the node. Several rules ask the
 * same question of every reference (does it resolve, is it a loop's output, does it read a task in
 * a custom group or in finally, which task does it depend on).
 *
 * What a template string means depends only on where it is read: the node's enclosing group (or
 * its scope's top level) and its section (see resolveReference: params, loops, statuses). Real
 * pipelines repeat the same argument strings over many tasks of one place, so each distinct string
 * is parsed and resolved once per place, not once per task and rule: on a cold run over thousands
 * of tasks that is most of the work (and of the garbage) validation would otherwise do.
 */
import { parseTemplate, type TemplateError, type TemplatePart } from './references.js';
import { isResolveError, resolveReference, type Resolution, type ResolveError } from './resolve.js';
import { referenceSites, type ReferenceSite } from './referenceSites.js';
import type { GroupNode, NodeModel, ScopeModel, Section, SpecModel } from './specModel.js';

type RefPart = TemplatePart & { readonly kind: 'ref' };

/** What one template string means from one place. */
export interface TemplateMeaning {
  /** Its well-formed references, in order, resolved. */
  readonly refs: readonly { readonly part: RefPart; readonly resolution: Resolution | ResolveError }[];
  /** Its malformed references. */
  readonly errors: readonly TemplateError[];
  /** Whether a reference is malformed or does not resolve. */
  readonly failed: boolean;
  /** The tasks whose outputs it names ({{tasks.T.outputs.O}}), resolved or not, in order. */
  readonly outputTasks: readonly string[];
}

const NOTHING: readonly never[] = Object.freeze([]);

type Place = Partial<Record<Section, Map<string, TemplateMeaning>>>;

const places = new WeakMap<GroupNode | ScopeModel, Place>();

/** What `text`, a reference site of `node`, means from the node. */
export function templateMeaning(model: SpecModel, node: NodeModel, text: string): TemplateMeaning {
  const key = node.parent ?? node.scope;
  let place = places.get(key);
  if (!place) places.set(key, (place = {}));
  const meanings = (place[node.section] ??= new Map());
  let meaning = meanings.get(text);
  if (!meaning) meanings.set(text, (meaning = resolveTemplate(model, node, text)));
  return meaning;
}

function resolveTemplate(model: SpecModel, node: NodeModel, text: string): TemplateMeaning {
  const { parts, errors } = parseTemplate(text);
  const refs: { part: RefPart; resolution: Resolution | ResolveError }[] = [];
  const outputTasks: string[] = [];
  let failed = errors.length > 0;
  for (const part of parts) {
    if (part.kind !== 'ref') continue;
    const resolution = resolveReference(model, node, part.ref);
    if (isResolveError(resolution)) failed = true;
    if (part.ref.kind === 'output') outputTasks.push(part.ref.task);
    refs.push({ part, resolution });
  }
  return { refs, errors, failed, outputTasks: outputTasks.length > 0 ? outputTasks : NOTHING };
}

export interface ResolvedReference {
  /** The string holding the reference. */
  readonly site: ReferenceSite;
  readonly part: RefPart;
  readonly resolution: Resolution | ResolveError;
}

/**
 * The references of `node`, site by site in order, each site's in order. Malformed ones are left
 * out (see TemplateMeaning.errors). Built on demand: only rules about rarer constructs (loops,
 * custom groups, finally tasks) need them per node.
 */
export function resolvedReferences(model: SpecModel, node: NodeModel): readonly ResolvedReference[] {
  const sites = referenceSites(node);
  if (sites.length === 0) return NOTHING;
  const out: ResolvedReference[] = [];
  for (const site of sites) {
    for (const { part, resolution } of templateMeaning(model, node, site.value as string).refs) out.push({ site, part, resolution });
  }
  return out;
}
