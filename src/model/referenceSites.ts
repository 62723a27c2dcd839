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

export function* referenceSites(node: NodeModel): Generator<ReferenceSite> {
  const raw = node.spec as unknown as Record<string, unknown>;
  const fields = (field: string, value: unknown) => valuesUnder(value, childPointer(node.pointer, field));
  switch (node.kind) {
    case 'task':
      yield* fields('arguments', raw.arguments);
      yield* fields('env', raw.env);
      yield* fields('image', raw.image);
      if (isObject(raw.afterAny)) yield* fields('afterAny', { conditions: raw.afterAny.conditions });
      // Tekton substitutes params in steps, sidecars and volumes, so pod fields may hold references.
      for (const field of ['volumes', 'volumeMounts', 'initContainers', 'sidecars']) yield* fields(field, raw[field]);
      break;
    case 'graphCall':
      yield* fields('arguments', raw.arguments);
      break;
    case 'anySequencer':
      if (isObject(raw.anySequencer)) yield* fields('anySequencer', { conditions: raw.anySequencer.conditions });
      break;
    case 'condition':
      yield* fields('if', raw.if);
      break;
    case 'loop':
      yield* fields('loop', raw.loop);
      break;
    case 'customGroup':
      yield* fields('group', isObject(raw.group) ? { params: raw.group.params, internalParams: raw.group.internalParams } : undefined);
      break;
    case 'exitHandler':
      break;
  }
}

function* valuesUnder(value: unknown, pointer: Pointer): Generator<ReferenceSite> {
  if (typeof value === 'string') {
    if (value.includes('{{')) yield { value, pointer };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* valuesUnder(value[i], childPointer(pointer, i));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* valuesUnder(v, childPointer(pointer, k));
  }
}
