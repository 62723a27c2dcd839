/**
 * UniqueNames: task and group names are unique within a pipeline (or graph), also after they are
 * made DNS-1123 labels, because Tekton requires unique pipeline task names (my_task and my-task
 * would both become my-task).
 */
import { dnsLabel, MAX_LABEL } from '../../lower/names.js';
import { allNodes, allScopes } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

/** A name that is a DNS-1123 label already (no '--' either, which dnsLabel would collapse). */
const LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Most names are labels already: a native regex test spares dnsLabel's replaces per node. */
const labelOf = (name: string): string => (name.length <= MAX_LABEL && LABEL.test(name) ? name : dnsLabel(name));

export function UniqueNames({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const dup of scope.duplicates) {
      report({ code: 'name-collision', message: `the name '${dup.name}' is used twice in ${scope.kind === 'graph' ? `graph '${scope.name}'` : 'the pipeline'}`, hint: 'Task and group names must be unique in a pipeline, also across groups.', doc: model.doc, pointer: dup.pointer, atKey: true });
    }
    const bySanitised = new Map<string, string>();
    const hasDuplicates = scope.duplicates.length > 0;
    for (const node of allNodes(scope)) {
      if (hasDuplicates && scope.duplicates.includes(node)) continue;
      const label = labelOf(node.name);
      const other = bySanitised.get(label);
      if (other !== undefined && other !== node.name) {
        report({ code: 'name-collision', message: `'${node.name}' and '${other}' both become the Tekton name '${label}'`, hint: 'Rename one of them.', doc: model.doc, pointer: node.pointer, atKey: true });
      } else bySanitised.set(label, node.name);
    }
  }
}
