/**
 * AfterAnyTargets: a task's `afterAny` and a standalone `anySequencer` node (kfp-tekton's
 * any-sequencer) list tasks of the same pipeline section other than the owner itself — component
 * tasks, since the sequencer watches TaskRuns — and conditions that compare ONE task output with a
 * literal (kfp-tekton asserts both). The tasks it watches and reads run in the same pipeline run
 * as the sequencer: it finds them among the TaskRuns of its own run, and the body of a loop or
 * custom group runs as a run of its own (a PipelineLoop starts one per iteration); a literal may not contain a quote, since the sequencer
 * receives it quoted. skippingPolicy and errorPolicy act on the written status, so they need
 * statusPath. The sequencer of an `afterAny` may be named, but not like a task; a standalone
 * sequencer is named by its key, so `name` has no place in it.
 */
import { isComparisonError, isLiteral, parseComparison } from '../../model/comparison.js';
import { parseTemplate } from '../../model/references.js';
import { allNodes, allScopes, isObject, nestedPipelineOf, type NodeModel, type ScopeModel } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { AfterAny } from '../../generated/pipeline.js';
import type { RuleContext } from '../ruleContext.js';

type Fail = (message: string, pointer: Pointer, hint?: string) => void;

export function AfterAnyTargets({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      const raw = node.kind === 'task' ? node.spec.afterAny : node.kind === 'anySequencer' ? node.spec.anySequencer : undefined;
      if (!isObject(raw)) continue;
      const afterAny = raw as AfterAny;
      const standalone = node.kind === 'anySequencer';
      const base = childPointer(node.pointer, standalone ? 'anySequencer' : 'afterAny');
      const owner = standalone ? `any-sequencer '${node.name}'` : `'${node.name}' afterAny`;
      const fail: Fail = (message, pointer, hint = '') => report({ code: 'invalid-after-any', message: `${owner}: ${message}`, hint, doc: model.doc, pointer });
      checkTasks(scope, node, afterAny, base, fail);
      checkConditions(scope, node, afterAny, base, fail);
      if (afterAny.statusPath === undefined) {
        for (const field of ['skippingPolicy', 'errorPolicy'] as const) {
          if (afterAny[field] !== undefined) fail(`${field} needs statusPath: the policy acts on the status the sequencer writes`, childPointer(base, field), 'Add statusPath: status.');
        }
      }
      if (typeof afterAny.name !== 'string') continue;
      if (standalone) fail(`'name' has no meaning here: the key '${node.name}' names the sequencer`, childPointer(base, 'name'), 'Remove name, or rename the node.');
      else if (scope.nodes.has(afterAny.name)) fail(`the sequencer name '${afterAny.name}' is already a task name`, childPointer(base, 'name'));
    }
  }
}

function checkTasks(scope: ScopeModel, node: NodeModel, afterAny: AfterAny, base: Pointer, fail: Fail): void {
  (Array.isArray(afterAny.tasks) ? afterAny.tasks : []).forEach((name: unknown, i) => {
    if (typeof name !== 'string') return; // the schema reports it
    const target = scope.nodes.get(name);
    const pointer = childPointer(childPointer(base, 'tasks'), i);
    if (!target) fail(`unknown task '${name}'`, pointer, didYouMean(name, scope.nodes.keys()));
    else if (target === node) fail(node.kind === 'task' ? 'a task cannot wait on itself' : 'a sequencer cannot watch itself', pointer);
    else if (target.kind !== 'task') fail(`'${name}' is a ${target.kind}; the any-sequencer watches TaskRuns of component tasks`, pointer, 'List tasks inside the group instead.');
    else if (target.expansion || target.expandedFrom) fail(`'${name}' runs a graph component, whose tasks are inlined: it has no TaskRun of its own`, pointer, 'List tasks of the spec.');
    else if (target.section !== node.section) fail(`'${name}' is in ${target.section}, '${node.name}' in ${node.section}`, pointer);
    else if (!sameRun(target, node)) fail(`'${name}' runs ${runOf(target)}, the sequencer ${runOf(node)}: it watches the TaskRuns of its own pipeline run only`, pointer, RUN_HINT);
  });
}

const RUN_HINT = 'Move the sequencer and the tasks it watches into one loop body (each iteration runs as a pipeline run of its own), or all outside it.';

const sameRun = (a: NodeModel, b: NodeModel): boolean => nestedPipelineOf(a) === nestedPipelineOf(b);

function runOf(node: NodeModel): string {
  const group = nestedPipelineOf(node);
  return group ? `inside ${group.kind === 'loop' ? 'loop' : 'custom group'} '${group.name}'` : 'outside any loop';
}

function checkConditions(scope: ScopeModel, node: NodeModel, afterAny: AfterAny, base: Pointer, fail: Fail): void {
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
    else if ([...tasks].some((t) => { const n = scope.nodes.get(t); return n?.kind === 'task' && n.expansion !== undefined; })) fail('the condition reads a task that runs a graph component: the sequencer reads results of one TaskRun, and its tasks are inlined', pointer);
    else if (sides.some((s) => isLiteral(s) && /['"]/.test(s))) fail('a literal in a condition cannot contain a quote', pointer);
    else {
      const read = scope.nodes.get([...tasks][0]!);
      if (read && !sameRun(read, node)) fail(`the condition reads '${read.name}', which runs ${runOf(read)}, the sequencer ${runOf(node)}: it reads results of the TaskRuns of its own pipeline run only`, pointer, RUN_HINT);
    }
  });
}
