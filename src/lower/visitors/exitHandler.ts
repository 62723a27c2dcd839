/**
 * Visitor for an exit handler (KFP dsl.ExitHandler): its tasks run as usual; its onExit tasks
 * become Tekton `finally` tasks, which run after every DAG task has finished — succeeded,
 * failed or skipped — as kfp-tekton lowers the exit task. Tekton has one finally section per
 * pipeline, so an exit handler sits at the top level of the pipeline (ExitHandlerPlacement).
 */
import type { ExitHandlerNode } from '../../model/specModel.js';
import type { Frame, ScopeLowering } from '../scope.js';

export function lowerExitHandler(node: ExitHandlerNode, lowering: ScopeLowering, frame: Frame): void {
  lowering.lowerNodes(node.children, frame);
  lowering.lowerNodes(node.onExit, { when: [], runAfter: [], finally: true });
}
