/**
 * ParamDefaults: a parameter's default fits its declared type (an Integer param defaulting to
 * "ten" would fail at run time in the first task that uses it).
 */
import { article, valueFitsType } from '../../model/kfpTypes.js';
import { allScopes } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

export function ParamDefaults({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const param of scope.params.values()) {
      if (!param.hasDefault || param.default === null || valueFitsType(param.default, param.type)) continue;
      report({
        code: 'type-mismatch',
        message: `parameter '${param.name}' is ${param.type}, but its default is ${JSON.stringify(param.default)}`,
        hint: `Give ${article(param.type)} default, or change the type.`,
        doc: model.doc,
        pointer: childPointer(param.pointer, 'default'),
      });
    }
  }
}
