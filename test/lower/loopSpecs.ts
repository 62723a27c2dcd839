/** Small specs for the loop unit tests: an echo component and a way to compile a task list. */
import { parse } from 'yaml';
import { compile, type CompileOptions } from '../../src/compile.js';

/** Optional parts of the spec: its name, the lines under `params:` (indented by 4) and under `graphs:`. */
export interface SpecSections {
  readonly name?: string;
  readonly params?: string;
  readonly graphs?: string;
}

const ECHO_COMPONENT = `  components:
    echo:
      inputs: [{name: msg, type: String, optional: true}]
      outputs: [{name: out, type: String}]
      implementation:
        container:
          image: alpine:3.18
          command: [sh, -c, 'echo "$0" | tee $1', {inputValue: msg}, {outputPath: out}]
`;

const LOOP_PARAMS = `    greeting: {type: String, default: hi}
    names: {type: JsonArray, default: [a, b]}
`;

/** The spec text: params, the echo component, graphs when given, then `tasks` (YAML, indented by 4). */
export function specText(tasks: string, { name = 'loops', params = LOOP_PARAMS, graphs }: SpecSections = {}): string {
  const graphsSection = graphs === undefined ? '' : `  graphs:\n${graphs}`;
  return `apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: ${name}}\nspec:\n  params:\n${params}${ECHO_COMPONENT}${graphsSection}  tasks:\n${tasks}`;
}

export type Obj = Record<string, any>;

/** Compiles a spec whose tasks are `tasks` (YAML, indented by 4); returns the manifests as objects. */
export function build(tasks: string, options: CompileOptions = {}, sections: SpecSections = {}): { ok: boolean; docs: Obj[]; messages: string[] } {
  const result = compile({ path: 'spec.yaml', text: specText(tasks, sections) }, options);
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
