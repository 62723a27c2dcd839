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

function findSites(node: NodeModel): ReferenceSite[] {
  const raw = node.spec as unknown as Record<string, unknown>;
  const out: ReferenceSite[] = [];
  const fields = (field: string, value: unknown) => {
    if (mayHoldReference(value)) valuesUnder(value, childPointer(node.pointer, field), out);
  };
  switch (node.kind) {
    case 'task':
      fields('arguments', raw.arguments);
      fields('env', raw.env);
      fields('image', raw.image);
      if (isObject(raw.afterAny)) fields('afterAny', { conditions: raw.afterAny.conditions });
      // Tekton substitutes params in steps, sidecars and volumes, so pod fields may hold references.
      for (const field of ['volumes', 'volumeMounts', 'initContainers', 'sidecars']) fields(field, raw[field]);
      break;
    case 'graphCall':
      fields('arguments', raw.arguments);
      break;
    case 'anySequencer':
      if (isObject(raw.anySequencer)) fields('anySequencer', { conditions: raw.anySequencer.conditions });
      break;
    case 'condition':
      fields('if', raw.if);
      break;
    case 'loop':
      fields('loop', raw.loop);
      break;
    case 'customGroup':
      fields('group', isObject(raw.group) ? { params: raw.group.params, internalParams: raw.group.internalParams } : undefined);
      break;
    case 'exitHandler':
      break;
  }
  return out;
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
