import { describe, expect, it } from 'vitest';
import { build } from '../lower/loopSpecs.js';

const sequencer = (fields: string) => `
    a: {component: echo}
    b: {component: echo}
    seq:
      anySequencer: {tasks: [a, b]${fields}}
`;

describe('resolveReference: the status output of an anySequencer node', () => {
  it('resolves {{tasks.SEQ.outputs.S}} to the result the sequencer writes with statusPath: S', () => {
    const result = build(`${sequencer(', statusPath: status')}
    report: {component: echo, arguments: {msg: '{{tasks.seq.outputs.status}}'}}
`);
    expect(result.messages).toEqual([]);
    const report = result.docs[0]!.spec.pipelineSpec.tasks.find((t: { name: string }) => t.name === 'report');
    expect(report.params).toEqual([{ name: 'seq-status', value: '$(tasks.seq.results.status)' }]);
  });

  it('reports an output other than the statusPath one, and any output of a sequencer without statusPath', () => {
    expect(build(`${sequencer(', statusPath: state')}
    report: {component: echo, arguments: {msg: '{{tasks.seq.outputs.status}}'}}
`).messages).toEqual(["unknown-output: {{tasks.seq.outputs.status}}: any-sequencer 'seq' has no output 'status'"]);
    expect(build(`${sequencer('')}
    report: {component: echo, arguments: {msg: '{{tasks.seq.outputs.status}}'}}
`).messages).toEqual(["unknown-output: {{tasks.seq.outputs.status}}: any-sequencer 'seq' has no outputs"]);
  });

  it('keeps the status of a sequencer inside a loop inside the loop', () => {
    expect(build(`
    each:
      loop: {items: [1]}
      tasks:${sequencer(', statusPath: status').replace(/\n {4}/g, '\n        ')}
    report: {component: echo, arguments: {msg: '{{tasks.seq.outputs.status}}'}}
`).messages).toEqual(["loop-output-out-of-scope: {{tasks.seq.outputs.status}}: 'seq' runs inside loop 'each', so its outputs exist only inside that loop"]);
  });
});
