/**
 * Outputs a component has without declaring them: a resource operation always yields the whole
 * object (`manifest`) and its `name` plus one output per `outputs` JSON path, and a volume
 * operation adds the PVC's `size` (KFP's ResourceOp/VolumeOp attribute_outputs).
 */
import type { ComponentSpec, OutputSpec } from '../generated/component.js';

/** JSON path (kubectl -o jsonpath) of every output of a resource or volume operation, by name. */
export function resourceOutputPaths(spec: ComponentSpec): Record<string, string> {
  const impl = spec.implementation;
  if (impl.resource) return { manifest: '{}', name: '{.metadata.name}', ...(impl.resource.outputs ?? {}) };
  if (impl.volume) return { manifest: '{}', name: '{.metadata.name}', size: '{.status.capacity.storage}' };
  return {};
}

export function implicitOutputs(spec: ComponentSpec): OutputSpec[] {
  return Object.keys(resourceOutputPaths(spec)).map((name) => ({ name, type: 'String' }));
}
