/**
 * AfterAnyTargets: a task's `afterAny` (kfp-tekton's any-sequencer) lists tasks of the same
 * pipeline section other than itself — component tasks, since the sequencer watches TaskRuns —
 * and conditions that compare ONE task output with a literal (kfp-tekton asserts both); a
 * literal may not contain a quote, since the sequencer receives it quoted. skippingPolicy and
 * errorPolicy act on the written status, so they need statusPath. The sequencer's name must not
 * be a task name.
 */
import { isComparisonError, isLiteral, parseComparison } from '../../model/comparison.js';
import { parseTemplate } from '../../model/references.js';
import { allNodes, allScopes, isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { AfterAny } from '../../generated/pipeline.js';
import type { RuleContext } from '../ruleContext.js';

export function AfterAnyTargets({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      if (node.kind !== 'task' || !isObject(node.spec.afterAny)) continue;
      const afterAny = node.spec.afterAny as AfterAny;
      const base = childPointer(node.pointer, 'afterAny');
      const fail = (message: string, pointer: string, hint = '') => report({ code: 'invalid-after-any', message: `'${node.name}' afterAny: ${message}`, hint, doc: model.doc, pointer });
      (Array.isArray(afterAny.tasks) ? afterAny.tasks : []).forEach((name, i) => {
        const target = scope.nodes.get(name);
        const pointer = childPointer(childPointer(base, 'tasks'), i);
        if (!target) fail(`unknown task '${name}'`, pointer, didYouMean(name, scope.nodes.keys()));
        else if (target === node) fail('a task cannot wait on itself', pointer);
        else if (target.kind !== 'task') fail(`'${name}' is a ${target.kind}; the any-sequencer watches TaskRuns of component tasks`, pointer, 'List tasks inside the group instead.');
        else if (target.section !== node.section) fail(`'${name}' is in ${target.section}, '${node.name}' in ${node.section}`, pointer);
      });
      (Array.isArray(afterAny.conditions) ? afterAny.conditions : []).forEach((raw, i) => {
        const pointer = childPointer(childPointer(base, 'conditions'), i);
        const c = parseComparison(raw);
        if (isComparisonError(c)) return fail(c.error, pointer);
        const sides = [c.left, c.right];
        const outputs = sides.filter((s) => !isLiteral(s)).map((s) => parseTemplate(s).parts);
        const single = outputs.every((parts) => parts.length === 1 && parts[0]!.kind === 'ref' && parts[0]!.ref.kind === 'output');
        const tasks = new Set(outputs.map((parts) => (parts[0]?.kind === 'ref' && parts[0].ref.kind === 'output' ? parts[0].ref.task : '')));
        if (outputs.length === 0 || !single) fail('a condition compares a task output ({{tasks.T.outputs.O}}, nothing around it) with a literal or an output of the same task', pointer);
        else if (tasks.size > 1) fail('both sides of a condition must come from the same task', pointer);
        else if (sides.some((s) => isLiteral(s) && /['"]/.test(s))) fail('a literal in a condition cannot contain a quote', pointer);
      });
      if (afterAny.statusPath === undefined) {
        for (const field of ['skippingPolicy', 'errorPolicy'] as const) {
          if (afterAny[field] !== undefined) fail(`${field} needs statusPath: the policy acts on the status the sequencer writes`, childPointer(base, field), 'Add statusPath: status.');
        }
      }
      if (typeof afterAny.name === 'string' && scope.nodes.has(afterAny.name)) fail(`the sequencer name '${afterAny.name}' is already a task name`, childPointer(base, 'name'));
    }
  }
}
