import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/compile.js';
import { build, loopSpec, specText, task } from '../../lower/loopSpecs.js';

const loop = (fields: string) => `
    each:
      loop: {items: [1, 2]}
${fields}
      tasks:
        say: {component: echo, arguments: {msg: '{{item}}'}}
`;

describe('LoopPassStyles', () => {
  it('warns about inline pass styles, which the controller does anyway, and leaves them out', () => {
    const result = build(loop('      iterateParamPassStyle: inline\n      itemPassStyle: inline'));
    expect(result.ok).toBe(true);
    expect(result.messages).toEqual([
      "ignored-field: loop 'each': iterateParamPassStyle is left out: the PipelineLoop controller has no such field, and always passes what it iterates over (the list or range) inline, as a param value",
      "ignored-field: loop 'each': itemPassStyle is left out: the PipelineLoop controller has no such field, and always passes each item inline, as a param value",
    ]);
    const spec = loopSpec(task(result.docs[0]!.spec.pipelineSpec, 'each'));
    expect(Object.keys(spec).sort()).toEqual(['iterateParam', 'pipelineSpec']);
  });

  it('rejects the file style, which no controller honours, at the field with a hint', () => {
    const result = compile({ path: 'spec.yaml', text: specText(loop('      itemPassStyle: file')) });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.range?.line, d.range?.column])).toEqual([['unsupported-feature', 'error', 20, 7]]);
    expect(result.diagnostics[0]!.message).toBe("loop 'each': itemPassStyle 'file' is not supported: the PipelineLoop controller has no such field and passes each item as a param value");
    expect(result.diagnostics[0]!.hint).toMatch(/^Remove itemPassStyle/);
  });

  it('says nothing about a loop without them', () => {
    expect(build(loop('      parallelism: 2')).messages).toEqual([]);
  });
});
