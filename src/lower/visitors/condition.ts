/**
 * Visitor for a condition group (KFP dsl.Condition). No sub-pipeline: the group's tasks stay in
 * the enclosing pipeline, guarded by `when` (the advanced guide's "Condition DSL"), so a task
 * that depends on a guarded task is skipped with it, as Tekton skips consumers of skipped tasks.
 *
 * Default: kfp-tekton's condition task named after the group, guarded itself by the enclosing
 * guards; its tasks carry only `outcome in [true]` (the enclosing guards are implied, since a
 * task reading a result of a skipped task is skipped). With `conditions: when`, or inside
 * finally, a direct `when` (`in`/`notin`) where the comparison allows it: then every task carries
 * all enclosing guards itself.
 */
import { isComparisonError, isLiteral, parseComparison, type Comparison } from '../../model/comparison.js';
import type { ConditionNode } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { TaskBindings } from '../bindings.js';
import { conditionTaskSpec, outcomeIsTrue } from '../conditionTask.js';
import { conditionMode } from '../conditionMode.js';
import type { WhenIR } from '../ir.js';
import type { Frame, ScopeLowering } from '../scope.js';

export function lowerCondition(node: ConditionNode, lowering: ScopeLowering, frame: Frame): void {
  const comparison = parseComparison(node.spec.if);
  // Validation (ValidConditions) has reported a malformed comparison.
  if (isComparisonError(comparison)) return;
  const bindings = new TaskBindings(lowering, node);
  const mode = conditionMode(node, lowering.ctx.options, lowering.ctx.model);
  if (mode === 'impossible') {
    lowering.ctx.report('unsupported-feature', `condition '${node.name}' in ${node.section} needs a condition task, which Tekton cannot run there: a finally task cannot read the result of another finally task`, 'Inside finally/onExit use == or != against a literal that is not a number, so that a direct when expression can express it.', childPointer(node.pointer, 'if'));
    return;
  }
  if (mode === 'when') {
    const when = directWhen(comparison, bindings);
    lowering.lowerNodes(node.children, { ...frame, when: [...frame.when, when], runAfter: lowering.runAfterOf(node, frame) });
    return;
  }
  const name = lowering.taskName(node.name);
  lowering.add({
    name,
    params: [
      { name: 'operand1', value: bindings.expression(comparison.left) },
      { name: 'operand2', value: bindings.expression(comparison.right) },
      { name: 'operator', value: comparison.operator },
    ],
    body: { kind: 'embedded', spec: conditionTaskSpec(lowering.ctx.options.conditionImage) },
    runAfter: lowering.runAfterOf(node, frame),
    when: [...frame.when],
  }, frame);
  lowering.lowerNodes(node.children, { ...frame, when: [outcomeIsTrue(name)], runAfter: [] });
}

/** `input in [value]` for ==, `notin` for !=; the reference side (if any) is the input. */
function directWhen(c: Comparison, bindings: TaskBindings): WhenIR {
  const [input, value] = isLiteral(c.left) && !isLiteral(c.right) ? [c.right, c.left] : [c.left, c.right];
  return { input: bindings.expression(input), operator: c.operator === '==' ? 'in' : 'notin', values: [bindings.expression(value)] };
}
