/**
 * LoopItemFields: {{item.FIELD}} (and {{loops.L.item.FIELD}}) on a loop over static items names a
 * field that every item has, and is not used on items that are not objects. Lists that arrive at
 * run time (params, outputs) cannot be checked here.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { resolvedReferences } from '../../model/nodeReferences.js';
import { allNodes, allScopes, isObject, type LoopNode } from '../../model/specModel.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function LoopItemFields({ model, report }: RuleContext): void {
  // An item reference resolves only inside a loop.
  if (nodesOfKind(model, 'loop').length === 0) return;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      for (const { site, part, resolution } of resolvedReferences(model, node)) {
        if (part.ref.kind !== 'item' || part.ref.path.length === 0 || resolution.kind !== 'item') continue;
        const problem = fieldProblem(resolution.loop, part.ref.path[0]!);
        if (problem) report({ code: 'unknown-loop-item-field', message: `${part.source}: ${problem.message}`, hint: problem.hint, doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
      }
    }
  }
}

/** What is wrong with reading `field` of the loop's items, if anything (the language server offers only fields without a problem). */
export function fieldProblem(loop: LoopNode, field: string): { message: string; hint: string } | undefined {
  const items = loop.spec.loop?.items;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  if (!items.every(isObject)) return { message: `the items of loop '${loop.name}' are not objects, so they have no field '${field}'`, hint: 'Use {{item}} for the whole item.' };
  if (items.every((item) => field in item)) return undefined;
  const fields = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const partly = items.some((item) => field in item);
  return {
    message: partly ? `not every item of loop '${loop.name}' has a field '${field}'` : `the items of loop '${loop.name}' have no field '${field}'`,
    hint: didYouMean(field, fields) || `Fields: ${fields.join(', ')}.`,
  };
}
