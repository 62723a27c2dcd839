/**
 * The {{...}} references of a node, each resolved as seen from the node, found once per node.
 * Several rules ask the same question of every reference (does it resolve, is it a loop's output,
 * does it read a task in a custom group or in finally, which task does it depend on); parsing the
 * node's reference sites and resolving each reference once, instead of once per rule, keeps a
 * cold run over thousands of tasks short.
 */
import { parseTemplate, type TemplatePart } from './references.js';
import { resolveReference, type Resolution, type ResolveError } from './resolve.js';
import { referenceSites, type ReferenceSite } from './referenceSites.js';
import type { NodeModel, SpecModel } from './specModel.js';

export interface ResolvedReference {
  /** The string holding the reference. */
  readonly site: ReferenceSite;
  readonly part: TemplatePart & { readonly kind: 'ref' };
  readonly resolution: Resolution | ResolveError;
}

const NONE: readonly ResolvedReference[] = Object.freeze([]);

const cache = new WeakMap<NodeModel, readonly ResolvedReference[]>();

/** The references of `node`, site by site in order, each site's in order. Malformed ones are left out (see parseTemplate's errors). */
export function resolvedReferences(model: SpecModel, node: NodeModel): readonly ResolvedReference[] {
  let refs = cache.get(node);
  if (!refs) cache.set(node, (refs = resolveAll(model, node)));
  return refs;
}

function resolveAll(model: SpecModel, node: NodeModel): readonly ResolvedReference[] {
  const sites = referenceSites(node);
  if (sites.length === 0) return NONE;
  const out: ResolvedReference[] = [];
  for (const site of sites) {
    for (const part of parseTemplate(site.value as string).parts) {
      if (part.kind === 'ref') out.push({ site, part, resolution: resolveReference(model, node, part.ref) });
    }
  }
  return out;
}
