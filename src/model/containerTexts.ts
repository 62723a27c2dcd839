/**
 * The template texts of a container implementation: every string holding `{{` in its command, args
 * and env, with its pointer, for the rules that read the `{{...}}` a component file writes there
 * (Argo variables, KFP v2 placeholders).
 */
import { childPointer, type Pointer } from '../parse/pointer.js';
import { isObject, type ComponentModel } from './specModel.js';

export function forEachContainerText(component: ComponentModel, visit: (text: string, pointer: Pointer) => void): void {
  const container = component.spec.implementation.container;
  if (!container) return;
  const base = childPointer(childPointer(component.pointer, 'implementation'), 'container');
  const walk = (value: unknown, pointer: Pointer): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, childPointer(pointer, i)));
    else if (isObject(value)) Object.entries(value).forEach(([k, v]) => walk(v, childPointer(pointer, k)));
    else if (typeof value === 'string' && value.includes('{{')) visit(value, pointer);
  };
  walk(container.command, childPointer(base, 'command'));
  walk(container.args, childPointer(base, 'args'));
  walk(container.env, childPointer(base, 'env'));
}
