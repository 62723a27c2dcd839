/**
 * ArgumentTypes: a constant argument, or a parameter passed whole, fits the KFP type of the input
 * it is given to (Integer, Float, Boolean, JsonObject, JsonArray), as the KFP SDK checks.
 * Artifact and custom types are not checked: KFP treats them as opaque.
 */
import { parseTemplate } from '../../model/references.js';
import { allNodes, allScopes, isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { kfpBaseType, valueFitsType } from '../../model/kfpTypes.js';
import type { RuleContext } from '../ruleContext.js';

export function ArgumentTypes({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      if (node.kind !== 'task' || !isObject(node.spec.arguments)) continue;
      const component = model.components.get(node.spec.component);
      if (!component) continue;
      for (const [name, value] of Object.entries(node.spec.arguments)) {
        const expected = kfpBaseType(component.inputs.get(name)?.type);
        if (!expected) continue;
        const pointer = () => childPointer(childPointer(node.pointer, 'arguments'), name);
        const whole = wholeParam(value);
        if (whole) {
          const param = scope.params.get(whole);
          if (param && param.type !== expected && !compatible(param.type, expected)) {
            report({ code: 'type-mismatch', message: `parameter '${whole}' is ${param.type}, but input '${name}' of component '${component.name}' is ${expected}`, hint: `Declare the parameter as ${expected}, or pass a value of type ${expected}.`, doc: model.doc, pointer: pointer() });
          }
          continue;
        }
        if (typeof value === 'string' && value.includes('{{')) continue;
        if (!valueFitsType(value, expected)) {
          report({ code: 'type-mismatch', message: `input '${name}' of component '${component.name}' is ${expected}, but the argument is ${JSON.stringify(value)}`, hint: `Pass a value of type ${expected}.`, doc: model.doc, pointer: pointer() });
        }
      }
    }
  }
}

/** A string that is exactly one {{params.P}} reference. */
function wholeParam(value: unknown): string | undefined {
  // Text before the reference would be a part of its own.
  if (typeof value !== 'string' || !value.startsWith('{{')) return undefined;
  const parts = parseTemplate(value).parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.kind === 'ref' && only.ref.kind === 'param' ? only.ref.name : undefined;
}

/** KFP accepts an Integer where a Float is expected. */
const compatible = (from: string, to: string) => from === 'Integer' && to === 'Float';
