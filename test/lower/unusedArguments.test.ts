import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, pipelineTasks, where } from '../specs.js';

const components = [
  'components:',
  '  gen: {outputs: [{name: out}], implementation: {container: {image: alpine, command: [sh, -c, "echo 1 > $0", {outputPath: out}]}}}',
  '  use: {inputs: [{name: a}, {name: b, optional: true}], implementation: {container: {image: alpine, command: [echo, {inputValue: a}]}}}',
  '  file: {inputs: [{name: a}], implementation: {container: {image: alpine, command: [cat, {inputPath: a}]}}}',
];

type Task = { name: string; runAfter?: string[]; params?: { name: string }[] };
const task = (result: ReturnType<typeof compileText>, name: string) => (pipelineTasks(result) as Task[]).find((t) => t.name === name)!;

describe('unusedArguments', () => {
  it('warns at an argument with references for an input the command line never reads; the task still runs after the producer', () => {
    const text = doc('params: {p: {default: x}}', ...components, 'tasks:', '  gen: {component: gen}', '  t: {component: use, arguments: {a: "{{params.p}}", b: "{{tasks.gen.outputs.out}}"}}');
    const result = compileText(text);
    expect(result.ok).toBe(true);
    expect(where(result)).toEqual([`${locate(text, '"{{tasks.gen')} unused-input`]);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.message).toBe("input 'b' of component 'use' is not used by its implementation: the value of {{tasks.gen.outputs.out}} is not passed; the task still runs after 'gen'");
    expect(task(result, 't')).toMatchObject({ runAfter: ['gen'], params: [{ name: 'p' }] });
  });

  it('says nothing about constants, and adds no runAfter when another argument reads the producer', () => {
    const text = doc(...components, 'tasks:', '  gen: {component: gen}', '  t: {component: use, arguments: {a: "{{tasks.gen.outputs.out}}", b: "{{tasks.gen.outputs.out}}"}}', '  u: {component: use, arguments: {a: x, b: y}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, '"{{tasks.gen', 2)} unused-input`]);
    expect(task(result, 't').runAfter).toBeUndefined();
  });

  it('counts an input read as a file as used, also a graph param read as a file', () => {
    const text = doc(...components, 'graphs:', '  g:', '    params: {d: {type: String}}', '    tasks: {c: {component: file, arguments: {a: "{{params.d}}"}}}',
      'tasks:', '  gen: {component: gen}', '  t: {component: file, arguments: {a: "{{tasks.gen.outputs.out}}"}}', '  call: {graph: g, arguments: {d: "{{tasks.gen.outputs.out}}"}}');
    expect(compileText(text).diagnostics).toEqual([]);
  });

  it('warns once for a graph\'s task, however often the graph is called, and once for a graph param no task reads', () => {
    const text = doc(...components, 'graphs:', '  g:', '    params: {x: {type: String}, unread: {type: String}}', '    tasks: {c: {component: use, arguments: {a: "{{params.x}}", b: "{{params.x}}"}}}',
      'tasks:', '  gen: {component: gen}', '  one: {graph: g, arguments: {x: "1", unread: "{{tasks.gen.outputs.out}}"}}', '  two: {graph: g, arguments: {x: "2", unread: "{{tasks.gen.outputs.out}}"}}');
    const result = compileText(text);
    expect(where(result)).toEqual([
      `${locate(text, '"{{params.x}}"', 2)} unused-input`,
      `${locate(text, '"{{tasks.gen')} unused-input`,
      `${locate(text, '"{{tasks.gen', 2)} unused-input`,
    ]);
    expect(result.diagnostics[1]!.message).toBe("graph 'g' does not read param 'unread': the value of {{tasks.gen.outputs.out}} is not passed; the task still runs after 'gen'");
    expect(task(result, 'one').runAfter).toEqual(['gen']);
  });

  it('adds no runAfter to a finally task: it runs after every task anyway, and Tekton forbids runAfter there', () => {
    const text = doc(...components, 'tasks:', '  gen: {component: gen}', 'finally:', '  f: {component: use, arguments: {a: x, b: "{{tasks.gen.outputs.out}}"}}');
    const result = compileText(text);
    expect(result.ok).toBe(true);
    expect(result.diagnostics[0]!.message).toBe("input 'b' of component 'use' is not used by its implementation: the value of {{tasks.gen.outputs.out}} is not passed");
    const run = result.manifests.find((m) => m.kind === 'PipelineRun')!.object as { spec: { pipelineSpec: { finally: Task[] } } };
    expect(run.spec.pipelineSpec.finally[0]!.runAfter).toBeUndefined();
  });
});
