/**
 * ParamDefaults: a parameter's default fits its declared type (an Integer param defaulting to
 * "ten" would fail at run time in the first task that uses it). Untyped parameters and type names
 * KFP treats as opaque (typing.List[int], a class name) are not checked, as in KFP.
 */
import { article, valueFitsType } from '../../model/kfpTypes.js';
import { allScopes } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

export function ParamDefaults({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const param of scope.params.values()) {
      const type = param.type;
      if (!type || !param.hasDefault || param.default === null || valueFitsType(param.default, type)) continue;
      report({
        code: 'type-mismatch',
        message: `parameter '${param.name}' is ${type}, but its default is ${JSON.stringify(param.default)}`,
        hint: `Give ${article(type)} default, or change the type.`,
        doc: model.doc,
        pointer: childPointer(param.pointer, 'default'),
      });
    }
  }
}
