/**
 * ComponentPlaceholders: inputValue, inputPath and isPresent name declared inputs, outputPath and
 * fileOutputs name declared outputs, in every component (inline or from a file).
 */
import type { ComponentModel } from '../../model/specModel.js';
import { isObject } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

const INPUT_KEYS = ['inputValue', 'inputPath', 'isPresent'];

export function ComponentPlaceholders({ model, report }: RuleContext): void {
  for (const component of model.components.values()) {
    const container = component.spec.implementation.container;
    if (!container) continue;
    const base = childPointer(childPointer(component.pointer, 'implementation'), 'container');
    const check = (value: unknown, pointer: Pointer): void => {
      if (Array.isArray(value)) value.forEach((v, i) => check(v, childPointer(pointer, i)));
      else if (isObject(value)) {
        for (const [key, inner] of Object.entries(value)) {
          const at = childPointer(pointer, key);
          if (INPUT_KEYS.includes(key) && typeof inner === 'string') expect(component, 'input', inner, at);
          else if (key === 'outputPath' && typeof inner === 'string') expect(component, 'output', inner, at);
          else check(inner, at);
        }
      }
    };
    const expect = (c: ComponentModel, what: 'input' | 'output', name: string, pointer: Pointer) => {
      const declared = what === 'input' ? c.inputs : c.outputs;
      if (declared.has(name)) return;
      report({ code: 'invalid-placeholder', message: `component '${c.name}' has no ${what} '${name}'`, hint: didYouMean(name, declared.keys()) || `Declare it under ${what}s.`, doc: c.doc, pointer });
    };
    check(container.command, childPointer(base, 'command'));
    check(container.args, childPointer(base, 'args'));
    for (const name of Object.keys(isObject(container.fileOutputs) ? container.fileOutputs : {})) {
      expect(component, 'output', name, childPointer(childPointer(base, 'fileOutputs'), name));
    }
  }
}
