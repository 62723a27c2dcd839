/**
 * Graph components are inlined in the model: a task that runs one becomes the graph's tasks, named
 * <task>/<graph task id>, with the task's arguments for graphInput, references between siblings for
 * taskOutput, and the task's outputs resolved to what outputValues names.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { buildModel, type TaskNode } from '../../src/model/specModel.js';
import { resolveReference } from '../../src/model/resolve.js';
import { compileText, doc, pipelineTasks } from '../specs.js';

const leaf = (name: string, inputs: string[], outputs: string[]) =>
  `name: ${name}\ninputs: [${inputs.map((i) => `{name: ${i}}`).join(', ')}]\noutputs: [${outputs.map((o) => `{name: ${o}}`).join(', ')}]\nimplementation: {container: {image: alpine, command: [run, ${[...inputs.map((i) => `{inputValue: ${i}}`), ...outputs.map((o) => `{outputPath: ${o}}`)].join(', ')}]}}\n`;

/** A graph `prep` (Clean then Split.v2) whose outputs are Split's test part, its input `data` passed through, and a constant. */
const files: Record<string, string> = {
  'prep.yaml': `name: Prepare
inputs: [{name: data}, {name: fraction, default: '0.2'}, {name: note, optional: true}]
outputs: [{name: test}, {name: raw}, {name: version}, {name: unset}]
implementation:
  graph:
    tasks:
      Clean:
        componentRef: {url: 'https://x.example/clean.yaml'}
        arguments: {table: {graphInput: {inputName: data}}, pattern: '{{ignored}} stays text'}
      Split.v2:
        componentRef: {url: 'https://x.example/split.yaml'}
        arguments: {table: {taskOutput: {taskId: Clean, outputName: table}}, fraction: {graphInput: {inputName: fraction}}}
    outputValues:
      test: {taskOutput: {taskId: Split.v2, outputName: test}}
      raw: {graphInput: {inputName: data}}
      version: '2'
`,
  'vendor/clean.yaml': leaf('Clean', ['table', 'pattern'], ['table']),
  'vendor/split.yaml': leaf('Split', ['table', 'fraction'], ['train', 'test']),
};
const urls = "componentUrls: {'https://x.example/': vendor/}";

function model(tasks: string) {
  const text = doc(`components: {prep: {file: prep.yaml}, echo: {implementation: {container: {image: alpine, command: [echo, {inputValue: m}]}}, inputs: [{name: m}]}}`, urls, 'params: {p: {default: hello}}', tasks);
  const parsed = parse({ path: '/virtual/spec.yaml', text }, { host: { readFile: (p) => files[p.replace('/virtual/', '')], realpath: (p) => p } });
  return buildModel(parsed)!;
}

describe('graph components in the model', () => {
  it('inlines the graph\'s tasks under the task, with the task\'s place and after', () => {
    const m = model('tasks: {first: {component: echo, arguments: {m: x}}, prep: {component: prep, arguments: {data: "{{params.p}}"}, after: [first]}}');
    const prep = m.pipeline.nodes.get('prep') as TaskNode;
    expect(prep.expansion?.children.map((c) => [c.name, c.spec, c.after])).toEqual([
      ['prep/Clean', { component: 'https://x.example/clean.yaml', arguments: { table: '{{params.p}}', pattern: '{{"{{"}}ignored}} stays text' } }, ['first']],
      ['prep/Split-v2', { component: 'https://x.example/split.yaml', arguments: { table: '{{tasks.prep/Clean.outputs.table}}', fraction: '0.2' } }, ['first']],
    ]);
    expect(m.pipeline.nodes.get('prep/Clean')).toBe(prep.expansion!.children[0]);
  });

  it('resolves the task\'s outputs to what outputValues names', () => {
    const m = model('tasks: {prep: {component: prep, arguments: {data: "{{params.p}}"}}, use: {component: echo, arguments: {m: x}}}');
    const use = m.pipeline.nodes.get('use')!;
    const out = (o: string) => resolveReference(m, use, { kind: 'output', task: 'prep', output: o });
    expect(out('test')).toMatchObject({ kind: 'output', task: { name: 'prep/Split-v2' }, output: { name: 'test' } });
    expect(out('raw')).toMatchObject({ kind: 'param', param: { name: 'p' } });
    expect(out('version')).toEqual({ kind: 'literal', text: '2' });
    expect(out('unset')).toMatchObject({ kind: 'error', code: 'unknown-output', message: "graph component 'prep' declares output 'unset' but gives it no value (outputValues)" });
    // Inlined tasks are not the spec's to name.
    expect(resolveReference(m, use, { kind: 'output', task: 'prep/Clean', output: 'table' })).toMatchObject({ kind: 'error', code: 'unknown-task' });
    expect(resolveReference(m, use, { kind: 'status', task: 'prep' })).toMatchObject({ kind: 'error', code: 'invalid-reference' });
  });

  it('builds: a consumer reads the inner producer\'s result, after: waits for every inlined task', () => {
    const text = doc('components: {prep: {file: prep.yaml}, echo: {inputs: [{name: m}], implementation: {container: {image: alpine, command: [echo, {inputValue: m}]}}}}', urls, 'tasks:', '  prep: {component: prep, arguments: {data: abc}}', '  use: {component: echo, arguments: {m: "{{tasks.prep.outputs.test}} {{tasks.prep.outputs.version}}"}, after: [prep]}');
    const result = compileText(text, files);
    expect(result.diagnostics).toEqual([]);
    const tasks = pipelineTasks(result) as { name: string; params?: unknown; runAfter?: string[] }[];
    expect(tasks.map((t) => t.name)).toEqual(['prep-clean', 'prep-split-v2', 'use']);
    const use = tasks.find((t) => t.name === 'use')!;
    expect(use.params).toEqual([{ name: 'prep-split-v2-test', value: '$(tasks.prep-split-v2.results.test)' }]);
    expect(JSON.stringify(use)).toContain('"$(inputs.params.prep-split-v2-test) 2"');
    expect(use.runAfter).toEqual(['prep-clean', 'prep-split-v2']);
  });

  it('reports a graph input the graph reads that the task does not pass and that has no default', () => {
    const text = doc('components: {prep: {file: prep.yaml}}', urls, 'tasks:', '  prep: {component: prep, arguments: {data: abc}}');
    const optional = { ...files, 'prep.yaml': files['prep.yaml']!.replace("pattern: '{{ignored}} stays text'", 'pattern: {graphInput: {inputName: note}}') };
    expect(compileText(text, optional).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['missing-argument', "task 'prep' passes no argument for input 'note' of graph component 'prep', which has no default, and the graph reads it"],
    ]);
  });
});
