/**
 * The kft playground page: the spec and its component files in an editor, compiled as you type in
 * a Web Worker (worker.ts) through the library API, with the diagnostics (inline and listed, with
 * `kft explain` text), the task graph and the output manifests; the CLI's build options; the
 * examples of examples/; the state in the URL for sharing.
 */
import { yaml } from '@codemirror/lang-yaml';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import examples from 'kft-playground:examples';
import workerSource from 'kft-playground:worker';
import { explainText, isDiagnosticCode } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/index.js';
import componentSchema from '../../schemas/component.schema.json' with { type: 'json' };
import pipelineSchema from '../../kft.schema.json' with { type: 'json' };
import { FileEditor } from './editor.js';
import { GraphPane } from './graph.js';
import { defaultOptions, type BuildOptions, type CompileReply, type CompileRequest } from './protocol.js';
import { decodeState, encodeState } from './share.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let options: BuildOptions = defaultOptions;
let latest: CompileReply | undefined;

// --- compiling ------------------------------------------------------------------------------------
// A classic worker from a blob: URL works from file:// pages too (module workers and worker files
// do not). One compile at a time; edits made meanwhile are compiled together when it returns.
const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
let sent = 0;
let inFlight = false;
let dirty = false;

function requestCompile(): void {
  if (inFlight) {
    dirty = true;
    return;
  }
  inFlight = true;
  dirty = false;
  const request: CompileRequest = { id: ++sent, files: editor.files(), options };
  worker.postMessage(request);
}

worker.onmessage = (event: MessageEvent<CompileReply>) => {
  inFlight = false;
  if (dirty) requestCompile();
  else show(event.data);
};

worker.onerror = (event) => {
  inFlight = false;
  const status = $('status');
  status.className = 'failed';
  status.textContent = `the compile worker failed: ${event.message}`;
};

// --- the panes ------------------------------------------------------------------------------------
const editor = new FileEditor($('tabs'), $('editor'), { pipeline: pipelineSchema, component: componentSchema }, () => {
  requestCompile();
  scheduleUrlUpdate();
});
const graph = new GraphPane($('graph'), $('graph-note'));
const output = new EditorView({ parent: $('output'), state: EditorState.create({ doc: '', extensions: [basicSetup, yaml(), EditorState.readOnly.of(true), EditorView.editable.of(false)] }) });

function show(reply: CompileReply): void {
  latest = reply;
  editor.showDiagnostics(reply.diagnostics);
  renderDiagnostics(reply.diagnostics);
  output.dispatch({ changes: { from: 0, to: output.state.doc.length, insert: reply.ok ? reply.text : '' } });
  $('output-note').textContent = reply.ok ? '' : 'no output: the spec has errors';
  $<HTMLButtonElement>('download').disabled = !reply.ok;
  graph.show(reply.mermaid ?? null);
  const errors = reply.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = reply.diagnostics.length - errors;
  const status = $('status');
  status.className = reply.ok ? 'ok' : 'failed';
  status.textContent = `${reply.ok ? 'compiled' : 'not compiled'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  $('compile-time').textContent = `compile ${reply.compileMs.toFixed(1)} ms (worker)`;
  $('compile-time').dataset.ms = String(reply.compileMs);
  document.body.dataset.compiled = String(reply.id);
}

/** `kft explain CODE` of the diagnostic clicked last, shown under it. */
const explain = $('explain');
explain.onclick = (event) => event.stopPropagation(); // selecting its text is not a click on the item

/** The list, as `kft build` prints them: `file:line:col: severity: message [code]` and the hint. */
function renderDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const list = $('diagnostics');
  explain.textContent = '';
  list.replaceChildren(
    ...diagnostics.map((d) => {
      const item = document.createElement('li');
      item.className = d.severity;
      item.dataset.code = d.code;
      const r = d.range;
      const where = Object.assign(document.createElement('span'), { className: 'where', textContent: r ? `${r.file}:${r.line}:${r.column}: ` : '' });
      const text = Object.assign(document.createElement('span'), { className: 'message', textContent: `${d.severity}: ${d.message} ` });
      const code = Object.assign(document.createElement('span'), { className: 'code', textContent: `[${d.code}]` });
      item.append(where, text, code);
      if (d.hint) item.append(Object.assign(document.createElement('div'), { className: 'hint', textContent: `hint: ${d.hint}` }));
      item.title = 'show kft explain and the place';
      item.onclick = () => {
        for (const other of list.children) other.classList.toggle('selected', other === item);
        explain.textContent = isDiagnosticCode(d.code) ? explainText(d.code) : d.code;
        item.append(explain);
        if (r) editor.reveal(r.file, r.line, r.column);
      };
      return item;
    }),
  );
  $('problems-count').textContent = diagnostics.length ? String(diagnostics.length) : '';
}

// --- options, examples, download, URL -------------------------------------------------------------
const optionInputs: { [K in keyof BuildOptions]: HTMLSelectElement | HTMLInputElement } = {
  apiVersion: $('opt-apiVersion'),
  layout: $('opt-layout'),
  loops: $('opt-loops'),
  conditions: $('opt-conditions'),
  kfpMetadata: $('opt-kfpMetadata'),
  format: $('opt-format'),
};

function showOptions(): void {
  for (const [key, input] of Object.entries(optionInputs)) {
    const value = options[key as keyof BuildOptions];
    if (input instanceof HTMLInputElement) input.checked = value as boolean;
    else input.value = String(value);
  }
}

for (const [key, input] of Object.entries(optionInputs)) {
  input.onchange = () => {
    options = { ...options, [key]: input instanceof HTMLInputElement ? input.checked : input.value };
    requestCompile();
    scheduleUrlUpdate();
  };
}

const exampleSelect = $<HTMLSelectElement>('example');
exampleSelect.append(
  Object.assign(document.createElement('option'), { value: '', textContent: 'Examples…' }),
  ...examples.map((e) => Object.assign(document.createElement('option'), { value: e.name, textContent: e.name, title: e.description ?? '' })),
);
exampleSelect.onchange = () => {
  const example = examples.find((e) => e.name === exampleSelect.value);
  if (!example) return;
  editor.load(example.files);
  requestCompile();
  scheduleUrlUpdate();
};

$('download').onclick = () => {
  if (!latest?.ok) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([latest.text], { type: options.format === 'json' ? 'application/json' : 'application/yaml' }));
  link.download = `${latest.name ?? 'pipeline'}.${options.format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
};

let urlTimer: ReturnType<typeof setTimeout> | undefined;
let urlWritten: Promise<void> = Promise.resolve();

function scheduleUrlUpdate(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => void writeUrl(), 300);
}

function writeUrl(): Promise<void> {
  clearTimeout(urlTimer);
  urlWritten = encodeState({ files: editor.files(), options }).then((hash) => history.replaceState(null, '', hash));
  return urlWritten;
}

$('share').onclick = async () => {
  await writeUrl();
  const field = $<HTMLInputElement>('share-url');
  field.value = location.href;
  field.hidden = false;
  field.select();
  try {
    await navigator.clipboard.writeText(location.href);
    $('share-note').textContent = 'link copied';
  } catch {
    $('share-note').textContent = 'copy the link';
  }
};

async function start(): Promise<void> {
  const shared = await decodeState(location.hash);
  const initial = examples.find((e) => e.name === 'hello') ?? examples[0];
  options = shared?.options ?? defaultOptions;
  showOptions();
  editor.load(shared?.files ?? initial?.files ?? { 'spec.yaml': '' });
  if (!shared && initial) exampleSelect.value = initial.name;
  requestCompile();
}

void start();
