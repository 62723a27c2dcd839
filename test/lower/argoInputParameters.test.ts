import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';

const spec = (text: string): string => `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: argo}
spec:
  params:
    who: {type: String, default: world}
  components:
    make:
      outputs: [{name: text, type: String}]
      implementation: {container: {image: alpine, command: [sh, -c, 'echo x > $0', {outputPath: text}]}}
    show:
      inputs: [{name: a, type: String}, {name: b, type: String}]
      implementation:
        container:
          image: alpine
          command: [sh, -c, '${text}', {inputValue: a}, {inputValue: b}]
  tasks:
    make: {component: make}
    show: {component: show, arguments: {a: '{{params.who}}', b: '{{tasks.make.outputs.text}}'}}
`;

describe('checkArgoInputParameters', () => {
  it('maps {{inputs.parameters.X}} to a param the task has (named after the bound value)', () => {
    const result = compile({ path: 'spec.yaml', text: spec('echo {{inputs.parameters.who}} {{inputs.parameters.make-text}}') });
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toContain('echo $(inputs.params.who) $(inputs.params.make-text)');
  });

  it('reports an X the task does not have, naming the variable, the task and its params', () => {
    const result = compile({ path: 'spec.yaml', text: spec('echo {{inputs.parameters.a}} {{inputs.parameters.make-txt}} {{inputs.parameters.zzz}}') });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['unknown-argo-parameter', "component 'show' uses Argo variable '{{inputs.parameters.a}}', but task 'show' has no param 'a' (it has 'make-text', 'who')", "'a' is an input of the component: read it with {inputValue: a}."],
      ['unknown-argo-parameter', "component 'show' uses Argo variable '{{inputs.parameters.make-txt}}', but task 'show' has no param 'make-txt' (it has 'make-text', 'who')", "Did you mean 'make-text'?"],
      ['unknown-argo-parameter', "component 'show' uses Argo variable '{{inputs.parameters.zzz}}', but task 'show' has no param 'zzz' (it has 'make-text', 'who')", 'A task param is named after the value bound to it: P for {{params.P}}, T-O for {{tasks.T.outputs.O}}.'],
    ]);
  });

  it('checks each task of a component against its own params', () => {
    const text = spec('echo {{inputs.parameters.who}}').replace('  tasks:\n', "  tasks:\n    constant: {component: show, arguments: {a: x, b: y}}\n");
    const result = compile({ path: 'spec.yaml', text });
    expect(result.diagnostics.map((d) => d.message)).toEqual(["component 'show' uses Argo variable '{{inputs.parameters.who}}', but task 'constant' has no param 'who' (it has no params)"]);
  });
});
