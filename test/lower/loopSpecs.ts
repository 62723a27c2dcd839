/** Small specs for the loop unit tests: an echo component and a way to compile a task list. */
import { parse } from 'yaml';
import { compile, type CompileOptions } from '../../src/compile.js';

const header = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: loops}
spec:
  params:
    greeting: {type: String, default: hi}
    names: {type: JsonArray, default: [a, b]}
  components:
    echo:
      inputs: [{name: msg, type: String, optional: true}]
      outputs: [{name: out, type: String}]
      implementation:
        container:
          image: alpine:3.18
          command: [sh, -c, 'echo "$0" | tee $1', {inputValue: msg}, {outputPath: out}]
  tasks:
`;

export type Obj = Record<string, any>;

/** Compiles a spec whose tasks are `tasks` (YAML, indented by 4); returns the manifests as objects. */
export function build(tasks: string, options: CompileOptions = {}): { ok: boolean; docs: Obj[]; messages: string[] } {
  const result = compile({ path: 'spec.yaml', text: header + tasks }, options);
  return { ok: result.ok, docs: result.text ? result.text.split(/^---\n/m).map((t) => parse(t) as Obj) : [], messages: result.diagnostics.map((d) => `${d.code}: ${d.message}`) };
}

export const tasksOf = (pipelineSpec: Obj): Obj[] => pipelineSpec.tasks;
export const task = (pipelineSpec: Obj, name: string): Obj => {
  const found = pipelineSpec.tasks.find((t: Obj) => t.name === name);
  if (!found) throw new Error(`no task ${name} in ${pipelineSpec.tasks.map((t: Obj) => t.name).join(', ')}`);
  return found;
};
export const loopSpec = (t: Obj): Obj => t.taskSpec.spec;
export const paramsOf = (t: Obj): Record<string, string> => Object.fromEntries((t.params ?? []).map((p: Obj) => [p.name, p.value]));
