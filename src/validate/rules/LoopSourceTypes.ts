/**
 * LoopSourceTypes: a loop's `from` that is one whole reference names a list. The PipelineLoop
 * controller iterates over a JSON list (or text it is told to split, `split`); a param or output
 * declared as a single Integer, Float or Boolean cannot be one, and the loop would fail when it
 * starts. A warning, not an error: KFP's types are declarations, and a component may write a list
 * into an output it calls Integer.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { resolvedReferences } from '../../model/nodeReferences.js';
import { kfpBaseType } from '../../model/kfpTypes.js';
import type { KfpParamType } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

const SCALAR_TYPES: ReadonlySet<KfpParamType> = new Set(['Integer', 'Float', 'Boolean']);

export function LoopSourceTypes({ model, report }: RuleContext): void {
  for (const loop of nodesOfKind(model, 'loop')) {
    const from = loop.spec.loop?.from;
    if (typeof from !== 'string') continue;
    for (const { site, part, resolution } of resolvedReferences(model, loop)) {
      // Only a reference that is the whole source: text around it makes a string of its own.
      if (site.value !== from || part.source !== from.trim()) continue;
      const type = resolution.kind === 'param' ? resolution.param.type : resolution.kind === 'output' ? kfpBaseType(resolution.output.type) : undefined;
      if (!type || !SCALAR_TYPES.has(type)) continue;
      report({
        code: 'loop-source-type',
        message: `loop '${loop.name}' iterates over ${part.source}, declared ${type}: the PipelineLoop controller needs a JSON list`,
        hint: 'Loop over a list (a JsonArray param or output, or items:), or over text split at a separator (loop: {split: {value, separator}}).',
        doc: model.doc,
        pointer: site.pointer,
        within: { offset: part.offset, length: part.source.length },
      });
    }
  }
}
