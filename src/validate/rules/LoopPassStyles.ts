/**
 * LoopPassStyles: a loop's `iterateParamPassStyle` and `itemPassStyle` (kfp-tekton's
 * `Loop(..., extra_fields=...)`) are not written, since no PipelineLoop controller has them:
 * kfp-tekton's PipelineLoop type (every release, tekton-catalog/pipeline-loops) has no such
 * fields, its controller ignores them in an embedded spec and its webhook rejects them in a
 * PipelineLoop resource. The controller always passes the list and each item as param values.
 * `inline` asks for just that, so leaving it out changes nothing: a warning. `file` asks for
 * something the controller never does; dropping it would change how items reach the program:
 * an error.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

const FIELDS = ['iterateParamPassStyle', 'itemPassStyle'] as const;

const WHAT: Record<(typeof FIELDS)[number], string> = {
  iterateParamPassStyle: 'what it iterates over (the list or range)',
  itemPassStyle: 'each item',
};

export function LoopPassStyles({ model, report }: RuleContext): void {
  for (const node of nodesOfKind(model, 'loop')) {
    for (const field of FIELDS) {
      const style = node.spec[field];
      if (style === undefined) continue;
      const pointer = childPointer(node.pointer, field);
      if (style === 'file') {
        report({
          code: 'unsupported-feature',
          message: `loop '${node.name}': ${field} 'file' is not supported: the PipelineLoop controller has no such field and passes ${WHAT[field]} as a param value`,
          hint: `Remove ${field}: the body then reads the item as a param value ({{item}}). To hand a task a file, write the value to a file in the task (or pass it to an inputPath input).`,
          doc: model.doc,
          pointer,
          atKey: true,
        });
      } else {
        report({
          code: 'ignored-field',
          message: `loop '${node.name}': ${field} is left out: the PipelineLoop controller has no such field, and always passes ${WHAT[field]} inline, as a param value`,
          hint: `Remove ${field}; the loop behaves the same without it.`,
          doc: model.doc,
          pointer,
          atKey: true,
        });
      }
    }
  }
}
