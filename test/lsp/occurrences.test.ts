/**
 * occurrences: every declaration and use of a spec's names with exact offsets — the offsets spell
 * the name, in plain, quoted and block scalars alike; uses that cannot be located exactly are
 * recorded as such (a rename refuses them).
 */
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/lsp/analysis.js';
import { occurrences } from '../../src/lsp/occurrences.js';
import { nodeHost } from '../../src/host.js';

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: demo}
spec:
  params:
    who: {default: world}
  components:
    echo:
      inputs: [{name: msg}]
      outputs: [{name: out}]
      implementation: {container: {image: alpine, command: [sh, -c, 'echo "$0" > $1', {inputValue: msg}, {outputPath: out}]}}
  tasks:
    "first":
      component: echo
      arguments:
        msg: |
          hello {{params.who}}
    second:
      component: 'echo'
      arguments: {msg: "{{tasks.first.outputs.out}} and \\"{{params.who}}\\""}
      after: ["first"]
`;

describe('occurrences', () => {
  const model = checkSpec('/tmp/spec.yaml', spec, nodeHost).model!;
  const found = occurrences(model);
  const spelled = found.list.map((o) => `${o.kind}${o.declaration ? '!' : ''} ${model.doc.text.slice(o.start, o.end)}`);

  it('finds declarations and uses, each range spelling its name', () => {
    for (const o of found.list) expect(o.doc.text.slice(o.start, o.end)).toBe(o.name);
    expect(spelled.filter((s) => s.endsWith(' first'))).toEqual(['task! first', 'task first', 'task first']);
    expect(spelled.filter((s) => s.endsWith(' who'))).toEqual(['param! who', 'param who', 'param who']);
    expect(spelled.filter((s) => s.endsWith(' echo'))).toEqual(['component! echo', 'component echo', 'component echo']);
    expect(spelled.filter((s) => s.startsWith('output'))).toEqual(['output! out', 'output out']);
    expect(spelled.filter((s) => s.startsWith('input'))).toEqual(['input! msg', 'input msg', 'input msg']);
    expect(found.unlocated.size).toBe(0);
  });

  it('records a use whose source spells it otherwise', () => {
    const escaped = checkSpec('/tmp/spec.yaml', spec.replace('hello {{params.who}}', 'hello').replace('\\"{{params.who}}\\"', '{{params.\\x77ho}}'), nodeHost).model!;
    expect([...occurrences(escaped).unlocated]).toEqual(['param:/spec:who']);
  });

  it('has no occurrences of the tasks a graph component is inlined as: they are not in the text', () => {
    const graph = spec.replace('  tasks:\n', `    pair:
      outputs: [{name: out}]
      implementation:
        graph:
          tasks:
            A: {componentRef: {spec: {outputs: [{name: out}], implementation: {container: {image: alpine, command: [sh, -c, 'echo > $0', {outputPath: out}]}}}}}
          outputValues: {out: {taskOutput: {taskId: A, outputName: out}}}
  tasks:
    both: {component: pair}
`).replace('{{tasks.first.outputs.out}}', '{{tasks.both.outputs.out}}');
    const m = checkSpec('/tmp/spec.yaml', graph, nodeHost).model!;
    const list = occurrences(m).list.filter((o) => o.kind === 'task').map((o) => `${o.declaration ? '!' : ''}${o.name}`);
    expect(list.sort()).toEqual(['!both', '!first', '!second', 'both', 'first']);
  });
});
