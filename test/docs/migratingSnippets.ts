/**
 * The kft snippets of docs/migrating-from-kfp-tekton.md as complete documents, so the test can
 * compile them: a snippet is a whole document (apiVersion ...), `spec:` with its body, the body of
 * `spec:` (its keys are spec fields), or task entries (anything else). Only what a snippet leaves out for brevity is
 * added: a stub container component for every component a task names but the snippet does not
 * define (its inputs the task's arguments, its outputs those other tasks read), and a pipeline
 * parameter for every {{params.P}} the snippet reads but does not declare. Everything a snippet
 * writes is compiled as written.
 */
import { parse, stringify } from 'yaml';

const SPEC_KEYS = new Set(['params', 'components', 'graphs', 'tasks', 'finally', 'config', 'componentUrls']);
const CHILD_KEYS = ['tasks', 'onExit'] as const;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function snippetDocument(text: string): string {
  const value: unknown = parse(text);
  if (isObj(value) && 'apiVersion' in value) return text;
  // `spec:` and its body, as a whole document shows it.
  if (isObj(value) && Object.keys(value).length === 1 && isObj(value.spec)) return snippetDocument(stringify(value.spec));
  const spec: Obj = isObj(value) && Object.keys(value).every((k) => SPEC_KEYS.has(k)) ? { ...value } : { tasks: value };
  addStubs(spec);
  return stringify({ apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'snippet' }, spec });
}

function addStubs(spec: Obj): void {
  const components: Obj = isObj(spec.components) ? { ...spec.components } : {};
  const tasks = new Map<string, Obj>();
  const collect = (nodes: unknown) => {
    if (!isObj(nodes)) return;
    for (const [name, node] of Object.entries(nodes)) {
      if (!isObj(node)) continue;
      tasks.set(name, node);
      for (const key of CHILD_KEYS) collect(node[key]);
    }
  };
  collect(spec.tasks);
  collect(spec.finally);
  if (isObj(spec.graphs)) for (const graph of Object.values(spec.graphs)) if (isObj(graph)) collect(graph.tasks);
  const text = JSON.stringify(spec);
  const readOutputs = (task: string) => [...text.matchAll(/\{\{tasks\.([A-Za-z0-9_-]+)\.outputs\.([^}]+)\}\}/g)].filter((m) => m[1] === task).map((m) => m[2]!);
  for (const [name, node] of tasks) {
    const component = node.component;
    if (typeof component !== 'string' || (component in components && !isStub(components[component]))) continue;
    const stub = (isObj(components[component]) ? components[component] : { name: component, inputs: [], outputs: [], implementation: { container: { image: 'busybox', command: ['true'] } }, [STUB]: true }) as Obj & { inputs: Obj[]; outputs: Obj[] };
    for (const input of Object.keys(isObj(node.arguments) ? node.arguments : {})) if (!stub.inputs.some((i) => i.name === input)) stub.inputs.push({ name: input });
    for (const output of readOutputs(name)) if (!stub.outputs.some((o) => o.name === output)) stub.outputs.push({ name: output });
    components[component] = stub;
  }
  for (const c of Object.values(components)) if (isObj(c)) delete c[STUB];
  if (Object.keys(components).length) spec.components = components;
  const params: Obj = isObj(spec.params) ? { ...spec.params } : {};
  // Graph params are the graph's own; the pipeline's are read everywhere else.
  for (const [, name] of JSON.stringify({ ...spec, graphs: undefined }).matchAll(/\{\{params\.([A-Za-z0-9_-]+)\}\}/g)) if (!(name! in params)) params[name!] = { default: 'x' };
  if (Object.keys(params).length) spec.params = params;
}

const STUB = '__stub';
const isStub = (c: unknown) => isObj(c) && c[STUB] === true;
