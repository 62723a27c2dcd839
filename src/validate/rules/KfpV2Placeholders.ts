/**
 * KfpV2Placeholders: a container component's command, args and env hold no KFP v2 placeholder
 * text (`{{$}}`, the executor input, or `{{$.inputs.parameters['x']}}` and the like). kfp 1.8 reads
 * such components (Google Cloud's aiplatform components are written so), but only KFP v2's launcher
 * fills these in; kfp-tekton 1.x passes them through, and the container would get the literal text
 * instead of its inputs. The placeholder objects of v2 (`{executorInput: null}`, `{inputUri: x}`,
 * ...) are caught by the schema check with the same code.
 */
import { forEachContainerText } from '../../model/containerTexts.js';
import type { RuleContext } from '../ruleContext.js';

/** `{{$}}` or `{{$.…}}`: KFP v2's placeholder syntax (its IR's runtime placeholders). */
const V2_TEXT = /\{\{\s*\$(?:\.[^}]*)?\s*\}\}/g;

export function KfpV2Placeholders({ model, report }: RuleContext): void {
  for (const component of model.components.values()) {
    forEachContainerText(component, (value, pointer) => {
      for (const match of value.matchAll(V2_TEXT)) {
        report({
          code: 'kfp-v2-placeholder',
          message: `component '${component.name}' uses the KFP v2 placeholder '${match[0]}', which only KFP v2's launcher fills in (neither kft nor kfp-tekton 1.x does); the container would get the text itself`,
          hint: 'Use the KFP v1 version of the component (inputValue, inputPath and outputPath placeholders), or run it on KFP v2.',
          doc: component.doc,
          pointer,
          within: { offset: match.index, length: match[0].length },
        });
      }
    });
  }
}
