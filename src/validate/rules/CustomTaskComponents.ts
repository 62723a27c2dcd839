/**
 * CustomTaskComponents: a custom task component sets at most one of taskRef and taskSpec (a
 * Tekton pipeline task references a resource or embeds a spec, never both); its params use only
 * inputValue/concat/if/isPresent placeholders of declared inputs (there is no container, so no
 * file paths); and components that emit a resource with taskRef agree on its spec when they
 * share apiVersion, kind and name (the emitted resources would overwrite each other).
 */
import type { CustomTaskImplementation } from '../../generated/component.js';
import { isObject, type ComponentModel } from '../../model/specModel.js';
import { childPointer, type Pointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function CustomTaskComponents({ model, report }: RuleContext): void {
  const emitted = new Map<string, { component: ComponentModel; spec: string }>();
  for (const component of model.components.values()) {
    const impl = component.spec.implementation.customTask;
    if (!isObject(impl)) continue;
    const base = childPointer(childPointer(component.pointer, 'implementation'), 'customTask');
    if (impl.taskRef !== undefined && impl.taskSpec !== undefined) {
      report({ code: 'custom-task-spec-conflict', message: `custom task component '${component.name}' sets both taskRef and taskSpec`, hint: 'Keep one: taskRef emits the resource beside the run, taskSpec embeds it.', doc: component.doc, pointer: childPointer(base, 'taskSpec'), atKey: true });
    }
    checkParams(component, impl, base, report);
    if (impl.taskRef === undefined) continue;
    const key = `${impl.apiVersion}/${impl.kind}/${impl.name}`;
    const spec = JSON.stringify(impl.taskRef);
    const earlier = emitted.get(key);
    if (!earlier) emitted.set(key, { component, spec });
    else if (earlier.spec !== spec) {
      report({ code: 'custom-task-resource-conflict', message: `components '${earlier.component.name}' and '${component.name}' both emit ${impl.kind} '${impl.name}' with different specs`, hint: 'Rename one resource, or make the taskRef specs identical.', doc: component.doc, pointer: childPointer(base, 'taskRef') });
    }
  }
}

const INPUT_KEYS = ['inputValue', 'isPresent'];

function checkParams(component: ComponentModel, impl: CustomTaskImplementation, base: Pointer, report: RuleContext['report']): void {
  if (!isObject(impl.params)) return;
  const check = (value: unknown, pointer: Pointer): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => check(v, childPointer(pointer, i)));
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      const at = childPointer(pointer, key);
      if (key === 'inputPath' || key === 'outputPath') {
        report({ code: 'invalid-placeholder', message: `custom task component '${component.name}' uses ${key}, but a custom task has no container to hold files`, hint: 'Pass values with inputValue; outputs of a custom task are the results its controller writes.', doc: component.doc, pointer: at, atKey: true });
      } else if (INPUT_KEYS.includes(key) && typeof inner === 'string' && !component.inputs.has(inner)) {
        report({ code: 'invalid-placeholder', message: `component '${component.name}' has no input '${inner}'`, hint: didYouMean(inner, component.inputs.keys()) || 'Declare it under inputs.', doc: component.doc, pointer: at });
      } else check(inner, at);
    }
  };
  check(impl.params, childPointer(base, 'params'));
}
