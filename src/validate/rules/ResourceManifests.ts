/**
 * ResourceManifests: the strings of a resource operation's manifest, and of a volume or volume
 * snapshot operation's fields, use only {{inputs.NAME}} of declared inputs and {{workflow.name}} (the PipelineRun
 * name). Anything else in {{...}} would reach kubectl verbatim and create a wrong object.
 */
import { isObject, type ComponentModel } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

const REF = /\{\{\s*([^}]*?)\s*\}\}/g;

export function ResourceManifests({ model, report }: RuleContext): void {
  for (const component of model.components.values()) {
    const impl = component.spec.implementation;
    const kind = impl.resource ? 'resource' : impl.volume ? 'volume' : impl.volumeSnapshot ? 'volumeSnapshot' : undefined;
    if (!kind) continue;
    const base = childPointer(childPointer(component.pointer, 'implementation'), kind);
    const target = impl.resource ? impl.resource.manifest : impl[kind];
    visit(target, impl.resource ? childPointer(base, 'manifest') : base, component, report);
  }
}

function visit(value: unknown, pointer: Pointer, component: ComponentModel, report: RuleContext['report']): void {
  if (Array.isArray(value)) return value.forEach((v, i) => visit(v, childPointer(pointer, i), component, report));
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) visit(v, childPointer(pointer, k), component, report);
    return;
  }
  if (typeof value !== 'string') return;
  for (const [, body] of value.matchAll(REF)) {
    if (body === 'workflow.name') continue;
    const input = body!.startsWith('inputs.') ? body!.slice('inputs.'.length) : undefined;
    if (input !== undefined && component.inputs.has(input)) continue;
    report({
      code: 'invalid-placeholder',
      message: input !== undefined ? `component '${component.name}' has no input '${input}'` : `'{{${body}}}' cannot be used in a resource manifest`,
      hint: input !== undefined ? didYouMean(input, component.inputs.keys()) || 'Declare it under inputs.' : 'Use {{inputs.NAME}} for an input, or {{workflow.name}} for the PipelineRun name.',
      doc: component.doc,
      pointer,
    });
  }
}
