/**
 * ParamTypes: a parameter type that is no KFP type kft checks, yet is one typo away from one
 * (`Integr`, `Strng`), is a warning. KFP records any type name as written and treats unknown
 * names as opaque (a Python annotation such as typing.List[int], a class name), so such a name is
 * valid, but its default and its uses then go unchecked, which is rarely what a typo meant.
 */
import { kfpBaseType } from '../../model/kfpTypes.js';
import { allScopes } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { closest } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

const CHECKED = ['String', 'Integer', 'Float', 'Boolean', 'JsonObject', 'JsonArray'];

export function ParamTypes({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const param of scope.params.values()) {
      const type = param.declaredType;
      if (typeof type !== 'string' || kfpBaseType(type)) continue;
      const near = closest(type, CHECKED);
      if (!near) continue;
      report({
        code: 'unchecked-param-type',
        message: `parameter '${param.name}' has type '${type}', which kft does not check (KFP records it as written)`,
        hint: `Did you mean '${near}'? Otherwise keep '${type}': it is recorded as written, and the parameter's default and uses are not checked.`,
        doc: model.doc,
        pointer: childPointer(param.pointer, 'type'),
      });
    }
  }
}
