/**
 * ArgumentTypes: a constant argument, or a parameter passed whole, fits the KFP type of the input
 * it is given to (Integer, Float, Boolean, JsonObject, JsonArray), as the KFP SDK checks.
 * Artifact and custom types are not checked: KFP treats them as opaque.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { parseTemplate } from '../../model/references.js';
import { isObject, type ComponentModel, type KfpParamType } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { kfpBaseType, valueFitsType } from '../../model/kfpTypes.js';
import type { RuleContext } from '../ruleContext.js';

export function ArgumentTypes({ model, report }: RuleContext): void {
  // Tasks repeat the same argument strings: each string is read (is it one whole {{params.P}}?) once
  // per run, not once per task; indexed loops, no array of keys per task (a cold run interprets this).
  const wholeParams = new Map<string, string | null>();
  const tasks = nodesOfKind(model, 'task');
  for (let i = 0; i < tasks.length; i++) {
    const node = tasks[i]!;
    const args = node.spec.arguments;
    // An inlined task's arguments are the graph's: its constants and the types its references join
    // are checked in its file (GraphComponents), the call's arguments at the call.
    if (!isObject(args) || node.expandedFrom) continue;
    const component = model.components.get(node.spec.component);
    if (!component) continue;
    const types = inputTypes(component);
    if (types.size === 0) continue;
    for (const name in args) {
      const expected = types.get(name);
      if (!expected || !Object.prototype.hasOwnProperty.call(args, name)) continue;
      const value = args[name];
      let whole: string | null | undefined;
      if (typeof value === 'string') {
        whole = wholeParams.get(value);
        if (whole === undefined) wholeParams.set(value, (whole = wholeParam(value) ?? null));
      }
      if (whole) {
        const param = node.scope.params.get(whole);
        // An untyped parameter, or one of an opaque type, is not checked (KFP: no type, no check).
        if (param?.type && param.type !== expected && !compatible(param.type, expected)) {
          report({ code: 'type-mismatch', message: `parameter '${whole}' is ${param.type}, but input '${name}' of component '${component.name}' is ${expected}`, hint: `Declare the parameter as ${expected}, or pass a value of type ${expected}.`, doc: model.doc, pointer: childPointer(childPointer(node.pointer, 'arguments'), name) });
        }
        continue;
      }
      if (typeof value === 'string' && value.includes('{{')) continue;
      if (!valueFitsType(value, expected)) {
        report({ code: 'type-mismatch', message: `input '${name}' of component '${component.name}' is ${expected}, but the argument is ${JSON.stringify(value)}`, hint: `Pass a value of type ${expected}.`, doc: model.doc, pointer: childPointer(childPointer(node.pointer, 'arguments'), name) });
      }
    }
  }
}

const typesOf = new WeakMap<ComponentModel, ReadonlyMap<string, KfpParamType>>();

/** The checked base type of each input of a component, found once for all the tasks that use it. */
function inputTypes(component: ComponentModel): ReadonlyMap<string, KfpParamType> {
  let types = typesOf.get(component);
  if (!types) {
    const map = new Map<string, KfpParamType>();
    for (const [name, input] of component.inputs) {
      const type = kfpBaseType(input.type);
      if (type) map.set(name, type);
    }
    typesOf.set(component, (types = map));
  }
  return types;
}

/** A string that is exactly one {{params.P}} reference. */
function wholeParam(value: string): string | undefined {
  // Text before the reference would be a part of its own.
  if (!value.startsWith('{{')) return undefined;
  const parts = parseTemplate(value).parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  return only?.kind === 'ref' && only.ref.kind === 'param' ? only.ref.name : undefined;
}

/** KFP accepts an Integer where a Float is expected. */
const compatible = (from: string, to: string) => from === 'Integer' && to === 'Float';
