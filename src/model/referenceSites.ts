/**
 * The strings of a node where {{...}} references may appear (its reference fields, see
 * referenceFields.ts), with their pointers. Loop sources and conditions are evaluated outside the
 * group they head, so they are reported as seen from the group's parent scope position (the group
 * node itself, whose ancestors exclude it).
 */
import { childPointer, type Pointer } from '../parse/pointer.js';
import { FIELD_TREES, fieldChild, isSite, type FieldTree } from './referenceFields.js';
import { isObject, type NodeModel } from './specModel.js';

export interface ReferenceSite {
  readonly value: unknown;
  readonly pointer: Pointer;
}

const cache = new WeakMap<NodeModel, readonly ReferenceSite[]>();

/** The sites of a node, found once: several rules and lowering ask for them. */
export function referenceSites(node: NodeModel): readonly ReferenceSite[] {
  let sites = cache.get(node);
  if (!sites) cache.set(node, (sites = findSites(node)));
  return sites;
}

const NO_SITES: readonly ReferenceSite[] = Object.freeze([]);

/**
 * The sites are the strings at the node's reference fields (model/referenceFields.ts). Only the
 * node's top-level fields that can hold one are visited: this runs for each of thousands of
 * tasks, cold.
 */
function findSites(node: NodeModel): readonly ReferenceSite[] {
  const raw = node.spec as unknown as Record<string, unknown>;
  const fields = TOP_FIELDS[node.kind];
  let out: ReferenceSite[] | undefined;
  // The kind's few reference fields, looked up directly (an indexed loop, no iterator).
  for (let i = 0; i < fields.length; i++) {
    const [key, below] = fields[i]!;
    const value = raw[key];
    if (value === undefined || !Object.prototype.hasOwnProperty.call(raw, key) || !mayHoldReference(value)) continue;
    valuesUnder(value, below, childPointer(node.pointer, key), (out ??= []));
  }
  return out && out.length > 0 ? out : NO_SITES;
}

/** The top-level reference fields of each node kind, in the order of REFERENCE_FIELDS. */
const TOP_FIELDS = Object.fromEntries(
  Object.entries(FIELD_TREES).map(([kind, tree]) => [kind, [...tree.keys]]),
) as unknown as Readonly<Record<NodeModel['kind'], readonly (readonly [string, FieldTree])[]>>;

/** Strings without '{{' and scalars hold no reference: no pointer is built for them. */
function mayHoldReference(value: unknown): boolean {
  return typeof value === 'string' ? value.includes('{{') : typeof value === 'object' && value !== null;
}

function valuesUnder(value: unknown, tree: FieldTree, pointer: Pointer, out: ReferenceSite[]): void {
  if (typeof value === 'string') {
    if (isSite(tree)) out.push({ value, pointer });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = fieldChild(tree, i);
      if (below !== undefined && mayHoldReference(value[i])) valuesUnder(value[i], below, childPointer(pointer, i), out);
    }
  } else if (isObject(value)) {
    for (const k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      const below = fieldChild(tree, k);
      const v = value[k];
      if (below !== undefined && mayHoldReference(v)) valuesUnder(v, below, childPointer(pointer, k), out);
    }
  }
}
