/**
 * Visitor for a break: kfp-tekton's break task, a custom task of kind BreakTask that the
 * PipelineLoop controller recognises in a loop body; when it runs, no further iterations start.
 * Validation (BreakInLoop) has made sure it sits in a loop body.
 */
import type { BreakNode } from '../../model/specModel.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { PIPELINE_LOOP_API } from './loop.js';

/** The reference kfp-tekton's Break() emits; the controller matches the kind. */
const BREAK_TASK_REF = 'pipelineloop-break-operation';

export function lowerBreak(node: BreakNode, lowering: ScopeLowering, frame: Frame): void {
  lowering.add({
    name: lowering.taskName(node.name),
    params: [],
    body: { kind: 'custom', task: { apiVersion: PIPELINE_LOOP_API, kind: 'BreakTask', refName: BREAK_TASK_REF } },
    runAfter: lowering.runAfterOf(node, frame),
    when: [...frame.when],
  }, frame);
}
