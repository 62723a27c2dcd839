/**
 * How a condition group is lowered. A Tekton `when` expression (`in`/`notin`) compares text
 * exactly, with no pod; KFP's comparison strips trailing whitespace and compares numbers as
 * numbers. The two agree only for == and != where one side is a literal that is not a number
 * (then KFP compares strings too) — and only when the other side has no trailing newline, which is
 * why the condition task stays the default and direct `when` is an option (`conditions: when`).
 * Inside finally/onExit a condition task cannot be used (a finally task cannot read another
 * finally task's result), so there a direct `when` is used whenever the comparison allows it;
 * inside a loop or custom group there the tasks form a pipeline of their own, where the condition
 * is lowered as in the DAG.
 */
import { isComparisonError, isLiteral, isNumeric, parseComparison, type Comparison } from '../model/comparison.js';
import { referencesIn } from '../model/references.js';
import { isFinallyTask, type ConditionNode, type SpecModel } from '../model/specModel.js';
import type { LowerOptions } from './options.js';

export type ConditionMode = 'task' | 'when' | 'impossible';

export function conditionMode(node: ConditionNode, options: LowerOptions, model?: SpecModel): ConditionMode {
  const comparison = parseComparison(node.spec.if);
  const expressible = !isComparisonError(comparison) && expressibleAsWhen(comparison);
  if (isFinallyTask(node)) return expressible ? 'when' : 'impossible';
  // kfp-tekton compares a custom task's output (e.g. a CEL outcome) with ==/!= directly in a
  // `when`, without a condition task: the controller writes the result text exactly.
  if (model && !isComparisonError(comparison) && (comparison.operator === '==' || comparison.operator === '!=') && readsCustomTaskOutput(comparison, node, model)) return 'when';
  return expressible && options.conditions === 'when' ? 'when' : 'task';
}

export function expressibleAsWhen(c: Comparison): boolean {
  if (c.operator !== '==' && c.operator !== '!=') return false;
  return [c.left, c.right].some((side) => isLiteral(side) && !isNumeric(side) && side === side.trimEnd());
}

function readsCustomTaskOutput(c: Comparison, node: ConditionNode, model: SpecModel): boolean {
  return [...referencesIn([c.left, c.right])].some((part) => {
    if (part.ref.kind !== 'output') return false;
    const producer = node.scope.nodes.get(part.ref.task);
    return producer?.kind === 'task' && model.components.get(producer.spec.component)?.spec.implementation.customTask !== undefined;
  });
}
