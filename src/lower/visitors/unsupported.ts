/**
 * Visitor for node kinds this build cannot lower: a clear error instead of wrong output.
 */
import type { NodeModel } from '../../model/specModel.js';
import type { Frame, ScopeLowering } from '../scope.js';

const NAMES: Record<string, string> = {
  graphCall: 'graph calls', condition: 'conditions (if)', loop: 'loops', exitHandler: 'exit handlers (onExit)', customGroup: 'custom groups',
};

export function lowerUnsupported(node: NodeModel, lowering: ScopeLowering, _frame: Frame): void {
  lowering.ctx.report('unsupported-feature', `${NAMES[node.kind] ?? node.kind} are not supported by this build of kft ('${node.name}')`, 'See docs/spec.md for what is supported.', node.pointer);
}
