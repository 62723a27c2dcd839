import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = {
  gen: { outputs: [{ name: 'n', type: 'Integer' }, { name: 'list', type: 'JsonArray' }, { name: 'any' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo', { outputPath: 'n' }, { outputPath: 'list' }, { outputPath: 'any' }] } } },
  echo: { inputs: [{ name: 'm' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'm' }] } } },
};
const params = { count: { type: 'Integer', default: 3 }, ratio: { type: 'float', default: 0.5 }, names: { type: 'JsonArray', default: ['a'] }, csv: { type: 'String', default: 'a,b' } };
const loopOver = (from: string) => compileSpec({ params, components, tasks: { g: { component: 'gen' }, each: { loop: { from }, tasks: { e: { component: 'echo', arguments: { m: '{{item}}' } } } } } });
const codes = (from: string) => loopOver(from).diagnostics.map((d) => [d.code, d.severity]);

describe('LoopSourceTypes', () => {
  it('warns about a loop over a param or output declared a single number or boolean (KFP aliases too)', () => {
    for (const from of ['{{params.count}}', '{{params.ratio}}', '{{tasks.g.outputs.n}}']) expect(codes(from), from).toEqual([['loop-source-type', 'warning']]);
    expect(loopOver('{{params.count}}').diagnostics[0]?.message).toBe("loop 'each' iterates over {{params.count}}, declared Integer: the PipelineLoop controller needs a JSON list");
  });

  it('accepts lists, untyped values, strings and text around a reference', () => {
    for (const from of ['{{params.names}}', '{{tasks.g.outputs.list}}', '{{tasks.g.outputs.any}}', '{{params.csv}}', '[{{params.count}}]']) expect(codes(from), from).toEqual([]);
  });
});
