/**
 * The file editor: one CodeMirror 6 view showing one of the page's files at a time (a tab per
 * file), YAML with the JSON Schema attached (codemirror-json-schema: completion and hover;
 * kft.schema.json for the spec, the component schema for component files) or Python (the modules
 * of `python:` components), and kft's diagnostics inline (@codemirror/lint, set from the worker's
 * results rather than computed here).
 */
import { python } from '@codemirror/lang-python';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import type { Diagnostic } from '../../src/index.js';
import { SPEC, type Files } from './protocol.js';

export interface Schemas {
  readonly pipeline: object;
  readonly component: object;
}

export class FileEditor {
  private readonly states = new Map<string, EditorState>();
  private readonly view: EditorView;
  private active = SPEC;
  private diagnostics: readonly Diagnostic[] = [];

  constructor(
    private readonly tabs: HTMLElement,
    host: HTMLElement,
    private readonly schemas: Schemas,
    private readonly onChange: () => void,
  ) {
    this.view = new EditorView({ parent: host, state: this.newState(SPEC, '') });
  }

  /** The files as they are now, spec first. */
  files(): Files {
    this.states.set(this.active, this.view.state);
    return Object.fromEntries([...this.states].map(([path, state]) => [path, state.doc.toString()]));
  }

  /** Replaces every file (an example, a shared link); shows the spec. */
  load(files: Files): void {
    this.states.clear();
    const paths = [SPEC, ...Object.keys(files).filter((p) => p !== SPEC).sort()];
    for (const path of paths) this.states.set(path, this.newState(path, files[path] ?? ''));
    this.active = SPEC;
    this.view.setState(this.states.get(SPEC)!);
    this.renderTabs();
  }

  open(path: string): void {
    if (path === this.active || !this.states.has(path)) return;
    this.states.set(this.active, this.view.state);
    this.active = path;
    this.view.setState(this.withDiagnostics(path, this.states.get(path)!));
    this.renderTabs();
  }

  /** Shows diagnostics in every file they concern (a file not open gets them when opened). */
  showDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.diagnostics = diagnostics;
    this.view.dispatch(setDiagnostics(this.view.state, this.editorDiagnostics(this.active, this.view.state.doc)));
  }

  /** Opens the file of a position and puts the cursor there. */
  reveal(file: string, line: number, column: number): void {
    if (!this.states.has(file)) return;
    this.open(file);
    const pos = offsetOf(this.view.state.doc, line, column);
    this.view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    this.view.focus();
  }

  private addFile(): void {
    const path = prompt('Path of the new file, relative to spec.yaml (e.g. components/train.yaml, or steps/train.py for python: components):', 'components/new.yaml')?.trim().replace(/^\.\//, '');
    if (!path || this.states.has(path) || path.startsWith('/')) return;
    this.states.set(this.active, this.view.state);
    this.states.set(path, this.newState(path, path.endsWith('.py') ? '' : 'name: new\nimplementation:\n  container:\n    image: alpine:3.19\n'));
    this.open(path);
    this.onChange();
  }

  private removeFile(path: string): void {
    if (path === SPEC || !confirm(`Remove ${path}?`)) return;
    if (this.active === path) this.open(SPEC);
    this.states.delete(path);
    this.renderTabs();
    this.onChange();
  }

  private renderTabs(): void {
    this.tabs.replaceChildren(
      ...[...this.states.keys()].map((path) => {
        const tab = document.createElement('button');
        tab.className = path === this.active ? 'tab active' : 'tab';
        tab.dataset.path = path;
        tab.textContent = path;
        tab.onclick = () => this.open(path);
        if (path !== SPEC) {
          const close = document.createElement('span');
          close.className = 'close';
          close.title = `remove ${path}`;
          close.textContent = '×';
          close.onclick = (event) => {
            event.stopPropagation();
            this.removeFile(path);
          };
          tab.append(close);
        }
        return tab;
      }),
      Object.assign(document.createElement('button'), { className: 'tab add', textContent: '+', title: 'add a component file', onclick: () => this.addFile() }),
    );
  }

  private newState(path: string, text: string): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        ...this.language(path),
        lintGutter(),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.onChange();
        }),
      ],
    });
  }

  /** A Python module (of `python:` components) is Python; any other file YAML with its schema. */
  private language(path: string) {
    if (path.endsWith('.py')) return [python()];
    const schema = (path === SPEC ? this.schemas.pipeline : this.schemas.component) as Parameters<typeof stateExtensions>[0];
    return [yaml(), stateExtensions(schema), yamlLanguage.data.of({ autocomplete: yamlCompletion() }), hoverTooltip(yamlSchemaHover())];
  }

  private withDiagnostics(path: string, state: EditorState): EditorState {
    return state.update(setDiagnostics(state, this.editorDiagnostics(path, state.doc))).state;
  }

  private editorDiagnostics(path: string, doc: Text): EditorDiagnostic[] {
    return this.diagnostics
      .filter((d) => d.range?.file === path)
      .map((d) => {
        const r = d.range!;
        const from = offsetOf(doc, r.line, r.column);
        const to = Math.max(from, offsetOf(doc, r.endLine, r.endColumn));
        return { from, to, severity: d.severity, message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message, source: d.code };
      });
  }
}

/** The offset of a 1-based line and column, clamped into the document. */
function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}
