/**
 * Visitor for a standalone any-sequencer (the DSL's AnySequencer(tasks, name)): kfp-tekton's
 * any-sequencer task, named by the node's key, that no task waits on. Unlike the sequencer of a
 * task's `afterAny`, it honours the node's own `after`, as AnySequencer(...).after(op) does.
 */
import type { AnySequencerNode } from '../../model/specModel.js';
import { anySequencerTask } from '../anySequencer.js';
import type { Frame, ScopeLowering } from '../scope.js';

export function lowerAnySequencer(node: AnySequencerNode, lowering: ScopeLowering, frame: Frame): void {
  const name = lowering.taskName(node.name);
  lowering.add(anySequencerTask(name, node.spec.anySequencer, lowering, frame, lowering.runAfterOf(node, frame)), frame);
}
