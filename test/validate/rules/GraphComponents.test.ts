import { describe, expect, it } from 'vitest';
import { compileText, doc, locate } from '../../specs.js';

const leaf = 'name: Leaf\ninputs: [{name: a, type: Integer}, {name: b, optional: true}]\noutputs: [{name: out}]\nimplementation: {container: {image: alpine, command: [run, {inputValue: a}, {outputPath: out}]}}\n';
const urls = "componentUrls: {'https://x.example/': vendor/}";
const spec = (task = '{component: g}') => doc('components: {g: {file: g.yaml}}', urls, `tasks: {t: ${task}}`);
const at = (file: string, needle: string, nth = 1) => `${locate(file, needle, nth)}`;

describe('GraphComponents', () => {
  it('reports the graph\'s own problems in its file', () => {
    const graph = [
      'name: G',
      'inputs: [{name: x, type: String}]',
      'outputs: [{name: o}]',
      'implementation:',
      '  graph:',
      '    tasks:',
      '      A:',
      "        componentRef: {url: 'https://x.example/leaf.yaml'}",
      '        arguments: {a: not-a-number, c: 1}',
      '      B:',
      "        componentRef: {url: 'https://x.example/leaf.yaml'}",
      '        arguments: {a: {graphInput: {inputName: y}}, b: {taskOutput: {taskId: Z, outputName: out}}}',
      '      C:',
      "        componentRef: {url: 'https://x.example/leaf.yaml'}",
      '        arguments: {a: {graphInput: {inputName: x}}, b: {taskOutput: {taskId: A, outputName: nope}}}',
      '      D:',
      "        componentRef: {url: 'https://x.example/leaf.yaml'}",
      '        executionOptions: {retryStrategy: {maxRetries: 2}}',
      '    outputValues:',
      '      o: {taskOutput: {taskId: A, outputName: out}}',
      '      extra: {taskOutput: {taskId: A, outputName: out}}',
      '',
    ].join('\n');
    const result = compileText(spec('{component: g, arguments: {x: v}}'), { 'g.yaml': graph, 'vendor/leaf.yaml': leaf });
    expect(result.diagnostics.map((d) => `${d.range!.file.split('/').pop()}:${d.range!.line}:${d.range!.column} ${d.code}`)).toEqual([
      `g.yaml:${at(graph, 'not-a-number')} type-mismatch`,
      `g.yaml:${at(graph, 'c: 1')} unknown-input`,
      `g.yaml:${at(graph, 'y}}')} unknown-input`,
      `g.yaml:${at(graph, 'Z,')} unknown-task`,
      `g.yaml:${at(graph, '{graphInput: {inputName: x}}')} type-mismatch`,
      `g.yaml:${at(graph, 'nope')} unknown-output`,
      `g.yaml:${at(graph, 'D:')} missing-argument`,
      `g.yaml:${at(graph, 'executionOptions')} unsupported-feature`,
      `g.yaml:${at(graph, 'extra')} unknown-output`,
    ]);
  });

  it('reports a graph that runs itself, and a cycle among its tasks', () => {
    const self = "name: G\nimplementation:\n  graph:\n    tasks:\n      Again: {componentRef: {url: 'https://x.example/g.yaml'}}\n";
    const loop = compileText(spec(), { 'g.yaml': self, 'vendor/g.yaml': self });
    // Reported once, where the cycle closes (the file read for the URL); the spec's component is blocked by it.
    expect(loop.diagnostics.map((d) => [d.code, d.range?.file, d.message])).toEqual([['dependency-cycle', '/virtual/vendor/g.yaml', "graph component 'https://x.example/g.yaml' runs itself through its task 'Again': inlining it would never end"]]);
    const cycle = [
      'name: G',
      'implementation:',
      '  graph:',
      '    tasks:',
      "      A: {componentRef: {url: 'https://x.example/leaf.yaml'}, arguments: {a: 1, b: {taskOutput: {taskId: B, outputName: out}}}}",
      "      B: {componentRef: {url: 'https://x.example/leaf.yaml'}, arguments: {a: 1, b: {taskOutput: {taskId: A, outputName: out}}}}",
      '',
    ].join('\n');
    const result = compileText(spec(), { 'g.yaml': cycle, 'vendor/leaf.yaml': leaf });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['dependency-cycle', "the tasks of graph component 'g' depend on each other: A → B → A"]]);
  });

  it('allows a graph task only component, arguments and after', () => {
    const graph = "name: G\nimplementation:\n  graph:\n    tasks:\n      A: {componentRef: {url: 'https://x.example/leaf.yaml'}, arguments: {a: 1}}\n";
    const text = spec('{component: g, after: [], image: busybox, caching: false}');
    const result = compileText(text, { 'g.yaml': graph, 'vendor/leaf.yaml': leaf });
    expect(result.diagnostics.map((d) => `${d.range!.line}:${d.range!.column} ${d.code}`)).toEqual([`${locate(text, 'image')} graph-component-field`, `${locate(text, 'caching')} graph-component-field`]);
  });

  it('checks a component written inline in a componentRef like any component', () => {
    const graph = "name: G\nimplementation:\n  graph:\n    tasks:\n      A: {componentRef: {spec: {implementation: {container: {imag: alpine}}}}}\n";
    const result = compileText(spec(), { 'g.yaml': graph });
    expect(result.diagnostics.map((d) => [d.code, d.range?.line])).toEqual([['missing-field', 5], ['unknown-field', 5]]);
  });
});

describe('GraphComponents: inline componentRef specs', () => {
  it('reports an inline spec without implementation (it is no component to check)', () => {
    const graph = "name: G\nimplementation:\n  graph:\n    tasks:\n      A: {componentRef: {spec: {name: half-written}}}\n";
    const result = compileText(doc('components: {g: {file: g.yaml}}', 'tasks: {t: {component: g}}'), { 'g.yaml': graph });
    expect(result.diagnostics.map((d) => [d.code, d.range?.line, d.message])).toEqual([['missing-field', 5, "the component written inline for task 'A' of graph component 'g' has no implementation"]]);
  });
});
