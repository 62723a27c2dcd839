/**
 * ValidReferences: every {{...}} reference is well formed and resolves: parameters are declared,
 * tasks exist and declare the output, loop references appear inside the loop they name.
 */
import { parseTemplate } from '../../model/references.js';
import { isResolveError, resolveReference } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function ValidReferences({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      for (const site of referenceSites(node)) {
        const parsed = parseTemplate(site.value as string);
        for (const error of parsed.errors) report({ code: 'invalid-reference', message: error.message, hint: 'References are {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}}.', doc: model.doc, pointer: site.pointer, within: { offset: error.offset, length: error.source.length } });
        for (const part of parsed.parts) {
          if (part.kind !== 'ref') continue;
          const resolved = resolveReference(model, node, part.ref);
          if (isResolveError(resolved)) report({ code: resolved.code, message: `${part.source}: ${resolved.message}`, hint: resolved.hint, doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
        }
      }
    }
  }
}
