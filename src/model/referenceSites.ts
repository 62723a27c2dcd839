/**
 * The fields of a node where {{...}} references may appear, with their pointers. Loop sources and
 * conditions are evaluated outside the group they head, so they are reported as seen from the
 * group's parent scope position (the group node itself, whose ancestors exclude it).
 */
import { childPointer, type Pointer } from '../parse/pointer.js';
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

/** Task fields that Tekton substitutes params in (steps, sidecars, volumes), so pod fields may hold references. */
const TASK_POD_FIELDS = ['volumes', 'volumeMounts', 'initContainers', 'sidecars'] as const;

const NO_SITES: readonly ReferenceSite[] = Object.freeze([]);

function findSites(node: NodeModel): readonly ReferenceSite[] {
  const raw = node.spec as unknown as Record<string, unknown>;
  const out: ReferenceSite[] = [];
  switch (node.kind) {
    case 'task':
      // Absent fields skipped here, indexed loop: this runs for each of thousands of tasks, cold.
      if (raw.arguments !== undefined) field(node, 'arguments', raw.arguments, out);
      if (raw.env !== undefined) field(node, 'env', raw.env, out);
      if (raw.image !== undefined) field(node, 'image', raw.image, out);
      if (isObject(raw.afterAny)) field(node, 'afterAny', { conditions: raw.afterAny.conditions }, out);
      for (let i = 0; i < TASK_POD_FIELDS.length; i++) {
        const name = TASK_POD_FIELDS[i]!;
        if (raw[name] !== undefined) field(node, name, raw[name], out);
      }
      break;
    case 'graphCall':
      field(node, 'arguments', raw.arguments, out);
      break;
    case 'anySequencer':
      if (isObject(raw.anySequencer)) field(node, 'anySequencer', { conditions: raw.anySequencer.conditions }, out);
      break;
    case 'condition':
      field(node, 'if', raw.if, out);
      break;
    case 'loop':
      field(node, 'loop', raw.loop, out);
      break;
    case 'customGroup':
      field(node, 'group', isObject(raw.group) ? { params: raw.group.params, internalParams: raw.group.internalParams } : undefined, out);
      break;
    case 'exitHandler':
      break;
  }
  return out.length > 0 ? out : NO_SITES;
}

/** The sites under one field of the node (a module function, not a closure per node). */
function field(node: NodeModel, name: string, value: unknown, out: ReferenceSite[]): void {
  if (mayHoldReference(value)) valuesUnder(value, childPointer(node.pointer, name), out);
}

/** Strings without '{{' and scalars hold no reference: no pointer is built for them. */
function mayHoldReference(value: unknown): boolean {
  return typeof value === 'string' ? value.includes('{{') : typeof value === 'object' && value !== null;
}

function valuesUnder(value: unknown, pointer: Pointer, out: ReferenceSite[]): void {
  if (typeof value === 'string') {
    out.push({ value, pointer });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mayHoldReference(value[i])) valuesUnder(value[i], childPointer(pointer, i), out);
  } else if (isObject(value)) {
    for (const k in value) {
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      const v = value[k];
      if (mayHoldReference(v)) valuesUnder(v, childPointer(pointer, k), out);
    }
  }
}
