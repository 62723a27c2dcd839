/**
 * Short Markdown descriptions of what a name stands for: a component's signature (inputs with
 * types and defaults, outputs), a graph's params, a task or group. Hover and completion show them.
 */
import type { InputSpec, OutputSpec } from '../generated/component.js';
import type { ComponentModel, NodeModel, ParamModel, ScopeModel, SpecModel } from '../model/specModel.js';
import { describeNodeKind } from './templates.js';

const typeText = (type: unknown): string | undefined => (type === undefined ? undefined : typeof type === 'string' ? type : JSON.stringify(type));

/** `String, required` / `Integer = 3` / `optional`: an input's type and whether it needs an argument. */
export function inputSummary(input: InputSpec): string {
  const type = typeText(input.type) ?? 'untyped';
  if (input.default !== undefined) return `${type} = ${JSON.stringify(input.default)}`;
  return `${type}, ${input.optional === true ? 'optional' : 'required'}`;
}

export function componentSignature(component: ComponentModel): string {
  const lines = [`**component \`${component.name}\`**${component.file ? ` (${component.file})` : ''}`];
  if (typeof component.spec.description === 'string') lines.push('', component.spec.description);
  lines.push('', ...signatureLines('Inputs', [...component.inputs.values()].map((i) => [i.name, inputSummary(i), i.description])));
  lines.push('', ...signatureLines('Outputs', [...component.outputs.values()].map((o: OutputSpec) => [o.name, typeText(o.type) ?? 'untyped', o.description])));
  return lines.join('\n');
}

export function paramSummary(param: ParamModel): string {
  return `${param.type}${param.hasDefault ? ` = ${JSON.stringify(param.default)}` : param.optional ? ', optional' : ', required'}`;
}

export function graphSignature(graph: ScopeModel, description?: string): string {
  const lines = [`**graph \`${graph.name}\`**`];
  if (description) lines.push('', description);
  lines.push('', ...signatureLines('Params', [...graph.params.values()].map((p) => [p.name, paramSummary(p), p.description])));
  return lines.join('\n');
}

export function paramDescription(param: ParamModel, owner: string): string {
  const lines = [`**${owner} param \`${param.name}\`**: ${paramSummary(param)}`];
  if (param.description) lines.push('', param.description);
  return lines.join('\n');
}

export function inputDescription(input: InputSpec, component: ComponentModel): string {
  const lines = [`**input \`${input.name}\`** of component \`${component.name}\`: ${inputSummary(input)}`];
  if (typeof input.description === 'string') lines.push('', input.description);
  return lines.join('\n');
}

/** A task or group: its kind, and for a task its component's signature. */
export function nodeDescription(model: SpecModel, node: NodeModel): string {
  const head = `**${node.name}**: ${describeNodeKind(node)}${node.section !== 'tasks' ? ` in ${node.section}` : ''}${node.scope.kind === 'graph' ? ` of graph ${node.scope.name}` : ''}`;
  const component = node.kind === 'task' ? model.components.get(node.spec.component) : undefined;
  return component ? `${head}\n\n${componentSignature(component)}` : head;
}

function signatureLines(title: string, entries: [string, string, unknown][]): string[] {
  if (entries.length === 0) return [`${title}: none`];
  return [`${title}:`, ...entries.map(([name, summary, description]) => `- \`${name}\`: ${summary}${typeof description === 'string' ? ` — ${description}` : ''}`)];
}
