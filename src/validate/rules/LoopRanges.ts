/**
 * LoopRanges: a `range` loop whose bounds are all constants runs, as the PipelineLoop controller
 * counts it, the integers from start to end inclusive. The controller fails a loop with step 0,
 * and for an end before the start with a positive step (or after it with a negative step), which
 * holds no integers, it runs one iteration with the start (kfp-tekton's pipelinelooprun, its
 * "python's enumerate" case). Both are errors: the loop would not do what the spec says. Bounds
 * that are references are known only at run time and not checked.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

/** An integer written as a number or as text, or undefined for anything else (a reference). */
function constantInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^[-+]?\d+$/.test(value)) return Number(value);
  return undefined;
}

export function LoopRanges({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'loop')) {
    const range = node.spec.loop?.range;
    if (!range) continue;
    const start = constantInteger(range.start ?? 0);
    const end = constantInteger(range.end);
    const step = constantInteger(range.step ?? 1);
    if (start === undefined || end === undefined || step === undefined) continue;
    const pointer = childPointer(childPointer(node.pointer, 'loop'), 'range');
    const fail = (message: string, hint: string) => report({ code: 'invalid-loop-range', message: `loop '${node.name}': ${message}`, hint, doc: model.doc, pointer, atKey: true });
    if (step === 0) fail('step 0 never reaches the end; the PipelineLoop controller fails the loop when it starts', 'Use step 1 (the default), or another step that leads from start to end.');
    else if (start !== end && (end - start > 0) !== (step > 0)) {
      fail(`a range from ${start} to ${end} with step ${step} holds no integers, but the PipelineLoop controller runs it once, with item ${start}`, step > 0 ? 'To count down, write step: -1; if the loop should not run, remove it.' : 'To count up, write a positive step; if the loop should not run, remove it.');
    }
  }
}
