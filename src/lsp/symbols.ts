/**
 * Document symbols, the editor's outline: params, components, graphs (with their tasks), tasks and
 * groups (nested as written), and the finally tasks. While the YAML is broken the last good model
 * gives the outline, clamped to the text as it is now.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { childrenOf, specComponents, type ComponentModel, type NodeModel, type ScopeModel, type SpecModel } from '../model/specModel.js';
import { childPointer, type Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';
import { rangeIn } from './documents.js';
import { paramSummary } from './signatures.js';
import { describeNodeKind } from './templates.js';
import type { Workspace } from './workspace.js';

export function documentSymbols(workspace: Workspace, uri: string): DocumentSymbol[] {
  const view = workspace.spec(uri);
  if (view) {
    const model = view.check.model ?? view.lastGood?.model;
    return model ? specSymbols(model) : [];
  }
  const use = workspace.componentUses(uri)[0];
  return use ? [componentSymbol(use.component, use.doc, '')].filter((s): s is DocumentSymbol => s !== undefined) : [];
}

function specSymbols(model: SpecModel): DocumentSymbol[] {
  const doc = model.doc;
  const out: DocumentSymbol[] = [];
  for (const param of model.pipeline.params.values()) push(out, symbol(doc, param.name, paramSummary(param), SymbolKind.Variable, param.pointer));
  for (const component of specComponents(model)) push(out, componentSymbol(component, doc, childPointer('/spec/components', component.name)));
  for (const graph of model.graphs.values()) {
    const children: DocumentSymbol[] = [];
    for (const param of graph.params.values()) push(children, symbol(doc, param.name, paramSummary(param), SymbolKind.Variable, param.pointer));
    children.push(...nodeSymbols(doc, graph.tasks));
    push(out, symbol(doc, graph.name, 'graph', SymbolKind.Module, graph.pointer, children));
  }
  out.push(...nodeSymbols(doc, model.pipeline.tasks));
  push(out, finallySymbol(doc, model.pipeline));
  return out;
}

function finallySymbol(doc: SourceDocument, scope: ScopeModel): DocumentSymbol | undefined {
  if (scope.finally.length === 0) return undefined;
  return symbol(doc, 'finally', 'runs after the tasks', SymbolKind.Namespace, childPointer(scope.pointer, 'finally'), nodeSymbols(doc, scope.finally));
}

function nodeSymbols(doc: SourceDocument, nodes: readonly NodeModel[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const node of nodes) {
    // A graph component's inlined tasks are not in the document: the task that runs it stands for them.
    const children = nodeSymbols(doc, node.kind === 'task' ? [] : childrenOf(node));
    const kind = node.kind === 'task' || node.kind === 'graphCall' ? SymbolKind.Function : node.kind === 'break' || node.kind === 'anySequencer' ? SymbolKind.Event : SymbolKind.Namespace;
    push(out, symbol(doc, node.name, describeNodeKind(node), kind, node.pointer, children));
  }
  return out;
}

/** A component (in the spec at `pointer`, or a whole component file at '') with its inputs and outputs. */
function componentSymbol(component: ComponentModel, doc: SourceDocument, pointer: Pointer): DocumentSymbol | undefined {
  const own = component.doc === doc ? component.pointer : pointer;
  const children: DocumentSymbol[] = [];
  if (component.doc === doc) {
    for (const field of ['inputs', 'outputs'] as const) {
      const list = (component.spec as unknown as Record<string, unknown>)[field];
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        const name = (entry as { name?: unknown } | null)?.name;
        if (typeof name === 'string') push(children, symbol(doc, name, field === 'inputs' ? 'input' : 'output', field === 'inputs' ? SymbolKind.Field : SymbolKind.Property, `${own}/${field}/${i}`));
      });
    }
  }
  return symbol(doc, component.name, component.file ?? 'component', SymbolKind.Class, own, children);
}

function symbol(doc: SourceDocument, name: string, detail: string, kind: SymbolKind, pointer: Pointer, children: DocumentSymbol[] = []): DocumentSymbol | undefined {
  const value = doc.positions.valueRange(pointer);
  if (!value) return undefined;
  const key = doc.positions.keyRange(pointer);
  const start = key?.start ?? value.start;
  // A block value's range runs to the next line; the symbol ends where its text does.
  let end = Math.max(start, value.end);
  while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
  const range = rangeIn(doc, start, end);
  const selectionRange = key ? rangeIn(doc, key.start, key.end) : rangeIn(doc, value.start, value.start);
  return { name, detail, kind, range, selectionRange, children };
}

function push(list: DocumentSymbol[], symbol: DocumentSymbol | undefined): void {
  if (symbol) list.push(symbol);
}
