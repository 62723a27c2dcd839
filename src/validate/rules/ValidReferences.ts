/**
 * ValidReferences: every {{...}} reference is well formed and resolves: parameters are declared,
 * tasks exist and declare the output, loop references appear inside the loop they name.
 */
import { resolvedReferences } from '../../model/nodeReferences.js';
import { parseTemplate } from '../../model/references.js';
import { isResolveError } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function ValidReferences({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      const sites = referenceSites(node);
      if (sites.length === 0) continue;
      // The node's resolved references come site by site: walk them beside the sites.
      const refs = resolvedReferences(model, node);
      let next = 0;
      for (const site of sites) {
        for (const error of parseTemplate(site.value as string).errors) report({ code: 'invalid-reference', message: error.message, hint: 'References are {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}}.', doc: model.doc, pointer: site.pointer, within: { offset: error.offset, length: error.source.length } });
        for (; next < refs.length && refs[next]!.site === site; next++) {
          const { part, resolution } = refs[next]!;
          if (isResolveError(resolution)) report({ code: resolution.code, message: `${part.source}: ${resolution.message}`, hint: resolution.hint, doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
        }
      }
    }
  }
}
