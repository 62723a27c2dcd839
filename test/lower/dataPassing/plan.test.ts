import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/parse/index.js';
import { validate } from '../../../src/validate/index.js';
import { DataPassingPlan, inputsReadAsFiles, singleReference } from '../../../src/lower/dataPassing/plan.js';
import type { TaskNode } from '../../../src/model/specModel.js';
import { doc } from '../../specs.js';

const components = [
  'components:',
  '  produce: {outputs: [{name: a}, {name: b}, {name: c}], implementation: {container: {image: x, args: [{outputPath: a}, {outputPath: b}, {outputPath: c}]}}}',
  '  asFile: {inputs: [{name: f}], implementation: {container: {image: x, args: [{concat: [--in=, {inputPath: f}]}]}}}',
  '  asValue: {inputs: [{name: v}], implementation: {container: {image: x, args: [{inputValue: v}]}}}',
];

function plan(...tasks: string[]) {
  return planWith([], tasks);
}

function planWith(graphs: string[], tasks: string[]) {
  const validated = validate(parse({ path: 'spec.yaml', text: doc(...components, ...graphs, 'tasks:', ...tasks) }, { host: { readFile: () => undefined, realpath: (p: string) => p } }));
  expect(validated.diagnostics).toEqual([]);
  const model = validated.model!;
  return { plan: new DataPassingPlan(model), task: (name: string) => model.pipeline.nodes.get(name) as TaskNode };
}

describe('DataPassingPlan', () => {
  it('sends an output through the workspace when some consumer reads it as a file, and only then', () => {
    const { plan: p, task } = plan(
      '  p: {component: produce, artifactOutputs: [c]}',
      '  f: {component: asFile, arguments: {f: "{{tasks.p.outputs.a}}"}}',
      '  v: {component: asValue, arguments: {v: "{{tasks.p.outputs.b}}"}}',
      '  mixed: {component: asFile, arguments: {f: "x {{tasks.p.outputs.b}}"}}',
    );
    expect(p.travelsByWorkspace(task('p'), 'a')).toBe(true);
    expect(p.travelsByWorkspace(task('p'), 'b')).toBe(false);
    expect(p.travelsByWorkspace(task('p'), 'c')).toBe(true);
  });

  it('follows a graph param read as a file to the outputs its calls bind, through calling graphs, but not through recursive graphs', () => {
    const { plan: p, task } = planWith([
      'graphs:',
      '  reads: {params: {d: {}}, tasks: {f: {component: asFile, arguments: {f: "{{params.d}}"}}}}',
      '  passes: {params: {s: {}}, tasks: {r: {graph: reads, arguments: {d: "{{params.s}}"}}}}',
      '  recur:',
      '    params: {d: {}}',
      '    tasks:',
      '      f: {component: asFile, arguments: {f: "{{params.d}}"}}',
      '      again: {if: "{{params.d}} == x", tasks: {r: {graph: recur, arguments: {d: "{{params.d}}"}}}}',
    ], [
      '  p: {component: produce}',
      '  direct: {graph: reads, arguments: {d: "{{tasks.p.outputs.a}}"}}',
      '  through: {graph: passes, arguments: {s: "{{tasks.p.outputs.b}}"}}',
      '  recursive: {graph: recur, arguments: {d: "{{tasks.p.outputs.c}}"}}',
    ]);
    expect(['a', 'b', 'c'].map((o) => p.travelsByWorkspace(task('p'), o))).toEqual([true, true, false]);
    expect([...p.recursiveGraphs]).toEqual(['recur']);
  });

  it('finds inputPath placeholders anywhere in the command line', () => {
    expect([...inputsReadAsFiles({ implementation: { container: { image: 'x', command: [{ if: { cond: true, then: [{ inputPath: 'deep' }] } }] } } })]).toEqual(['deep']);
  });

  it('accepts only a value that is exactly one reference', () => {
    expect(singleReference('{{params.p}}')).toEqual({ kind: 'param', name: 'p' });
    expect(singleReference('x{{params.p}}')).toBeUndefined();
    expect(singleReference(3)).toBeUndefined();
  });
});
