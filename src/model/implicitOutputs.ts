/**
 * Outputs a component has without declaring them: a resource operation always yields the whole
 * object (`manifest`) and its `name` plus one output per `outputs` JSON path, and a volume
 * operation adds the PVC's `size`, a volume snapshot operation the snapshot's restore `size` (KFP's
 * ResourceOp/VolumeOp/VolumeSnapshotOp attribute_outputs).
 */
import type { ComponentSpec, OutputSpec } from '../generated/component.js';

/** JSON path (kubectl -o jsonpath) of every output of a resource or volume operation, by name. */
export function resourceOutputPaths(spec: ComponentSpec): Record<string, string> {
  const impl = spec.implementation;
  if (impl.resource) return { manifest: '{}', name: '{.metadata.name}', ...(impl.resource.outputs ?? {}) };
  if (impl.volume) return { manifest: '{}', name: '{.metadata.name}', size: '{.status.capacity.storage}' };
  if (impl.volumeSnapshot) return { manifest: '{}', name: '{.metadata.name}', size: '{.status.restoreSize}' };
  return {};
}

export function implicitOutputs(spec: ComponentSpec): OutputSpec[] {
  return Object.keys(resourceOutputPaths(spec)).map((name) => ({ name, type: 'String' }));
}
