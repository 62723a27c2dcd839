import { describe, expect, it } from 'vitest';
import { parseTemplate, referencesIn } from '../../src/model/references.js';

describe('parseTemplate', () => {
  it('splits text and references; spaces inside braces are allowed', () => {
    expect(parseTemplate('a {{ params.x }} b {{tasks.t.outputs.my out}}').parts).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'ref', ref: { kind: 'param', name: 'x' }, source: '{{ params.x }}', offset: 2 },
      { kind: 'text', text: ' b ' },
      { kind: 'ref', ref: { kind: 'output', task: 't', output: 'my out' }, source: '{{tasks.t.outputs.my out}}', offset: 19 },
    ]);
  });

  it('parses loop references', () => {
    const refs = [...referencesIn(['{{item}}', '{{item.a.b}}', '{{index}}', '{{loops.outer.item.f}}', '{{loops.outer.index}}'])].map((p) => p.ref);
    expect(refs).toEqual([
      { kind: 'item', path: [] },
      { kind: 'item', path: ['a', 'b'] },
      { kind: 'index' },
      { kind: 'item', loop: 'outer', path: ['f'] },
      { kind: 'index', loop: 'outer' },
    ]);
  });

  it('leaves shell and Tekton $(...) alone, and turns the {{"{{"}} escape into text', () => {
    expect(parseTemplate('echo $(params.x) ${HOME} {{"{{"}}raw}}').parts).toEqual([{ kind: 'text', text: 'echo $(params.x) ${HOME} {{raw}}' }]);
  });

  it('reports malformed references with their offset', () => {
    expect(parseTemplate('x {{params}} {{tasks.t.o}} {{nope}} {{open').errors.map((e) => [e.offset, e.message])).toEqual([
      [2, "'{{params}}' should be {{params.NAME}}"],
      [13, "'{{tasks.t.o}}' should be {{tasks.TASK.outputs.OUTPUT}}, {{tasks.TASK.status}} or {{tasks.status}}"],
      [27, "unknown reference '{{nope}}': references start with params., tasks., item, index or loops."],
      [36, "'{{' is not closed by '}}'"],
    ]);
  });
});

describe('parseTemplate: the run\'s Argo variables (KFP\'s RUN_ID_PLACEHOLDER)', () => {
  it('reads {{workflow.uid|name|namespace}} as the text of Tekton\'s context variables, {{workflow.parameters.P}} as {{params.P}}', () => {
    const parsed = parseTemplate('run {{workflow.uid}} {{workflow.name}} {{ workflow.namespace }} {{workflow.parameters.p}}');
    expect(parsed.errors).toEqual([]);
    expect(parsed.parts).toEqual([
      { kind: 'text', text: 'run $(context.pipelineRun.uid) $(context.pipelineRun.name) $(context.pipelineRun.namespace) ' },
      { kind: 'ref', ref: { kind: 'param', name: 'p' }, source: '{{workflow.parameters.p}}', offset: 64 },
    ]);
  });

  it('rejects the Argo variables that have no Tekton equivalent here, naming those that do', () => {
    expect(parseTemplate('{{workflow.creationTimestamp}}').errors[0]?.message).toContain('$(context.pipelineRun.uid)');
    expect(parseTemplate('{{workflow.parameters}}').errors[0]?.message).toContain('{{workflow.parameters.NAME}}');
    expect(parseTemplate('{{workflow.toString}}').errors).toHaveLength(1);
  });
});

const refs = (text: string) => parseTemplate(text).parts.filter((p) => p.kind === 'ref').map((p) => (p.kind === 'ref' ? p.ref : undefined));

describe('parseTemplate: task status references', () => {
  it('reads {{tasks.status}} and {{tasks.T.status}}', () => {
    expect(refs('{{tasks.status}} / {{tasks.train.status}}')).toEqual([{ kind: 'status' }, { kind: 'status', task: 'train' }]);
  });
  it('still reads an output named status', () => {
    expect(refs('{{tasks.train.outputs.status}}')).toEqual([{ kind: 'output', task: 'train', output: 'status' }]);
  });
  it('rejects other forms, naming the status forms', () => {
    expect(parseTemplate('{{tasks.train.status.x}}').errors[0]?.message).toContain('{{tasks.TASK.status}}');
  });
});
