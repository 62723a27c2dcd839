/**
 * ResultSizes: a task's resultSizes estimates (kfp-tekton's tekton-result-sizes) name outputs of
 * its component and can be packed into steps. kft spreads estimated outputs over steps of at most
 * 2048 bytes each, because Tekton reads a step's results from its 4096-byte termination message:
 * - an estimate above 4096 bytes can never fit: error;
 * - an estimate above 2048 bytes gets a step of its own and may not fit with the message's
 *   framing: warning, as kfp-tekton warns;
 * - an estimate for an output the component does not have, and an output without an estimate
 *   when others have one (it stays in main's message, uncounted): warnings, as kfp-tekton warns.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject, type TaskNode } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { STEP_RESULT_BUDGET } from '../../lower/resultSizes.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

/** Tekton's default termination-message limit of a container. */
export const TERMINATION_MESSAGE_BYTES = 4096;

export function ResultSizes(context: RuleContext): void {
  for (const node of nodesOfKind(context.model, 'task')) if (isObject(node.spec.resultSizes)) checkTask(context, node);
}

function checkTask({ model, report }: RuleContext, node: TaskNode): void {
  const component = model.components.get(node.spec.component);
  if (!component) return;
  const estimates = node.spec.resultSizes ?? {};
  const base = childPointer(node.pointer, 'resultSizes');
  for (const [output, bytes] of Object.entries(estimates)) {
    const pointer = childPointer(base, output);
    if (!component.outputs.has(output)) {
      report({ code: 'result-size', message: `task '${node.name}' estimates the size of '${output}', which is not an output of component '${node.spec.component}'`, hint: didYouMean(output, component.outputs.keys()) || 'Name an output of the component.', doc: model.doc, pointer, atKey: true });
    } else if (typeof bytes === 'number' && bytes > TERMINATION_MESSAGE_BYTES) {
      report({ code: 'result-too-large', message: `output '${output}' of task '${node.name}' is estimated at ${bytes} bytes, more than the ${TERMINATION_MESSAGE_BYTES} bytes of a step's termination message`, hint: 'Pass it as a file (artifact or workspace) instead of a result.', doc: model.doc, pointer });
    } else if (typeof bytes === 'number' && bytes > STEP_RESULT_BUDGET) {
      report({ code: 'result-size', message: `output '${output}' of task '${node.name}' is estimated at ${bytes} bytes, more than the ${STEP_RESULT_BUDGET} bytes kft gives one step's results`, hint: 'It gets a step of its own but may still overflow; consider passing it as a file.', doc: model.doc, pointer });
    }
  }
  const missing = [...component.outputs.keys()].filter((o) => !(o in estimates));
  if (missing.length) {
    report({ code: 'result-size', message: `task '${node.name}' has no size estimate for ${missing.map((o) => `'${o}'`).join(', ')}; ${missing.length > 1 ? 'they stay' : 'it stays'} in main's termination message, uncounted`, hint: 'Estimate every output in resultSizes.', doc: model.doc, pointer: base, atKey: true });
  }
}
