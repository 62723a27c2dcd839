import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  c:', '    outputs: [{name: a}, {name: b}]', '    implementation: {container: {image: x, command: [sh]}}'];

describe('ResultSizes', () => {
  it('errors on an estimate no termination message can hold', () => {
    const text = doc(...component, 'tasks:', '  t: {component: c, resultSizes: {a: 5000, b: 10}}');
    const result = compileText(text);
    expect(result.ok).toBe(false);
    expect(where(result)).toEqual([`${locate(text, '5000')} result-too-large`]);
  });

  it('warns on an estimate above one step\'s budget, an unknown output and a missing estimate', () => {
    const text = doc(...component, 'tasks:', '  t: {component: c, resultSizes: {a: 3000, bb: 10}}');
    const result = compileText(text);
    expect(result.ok).toBe(true);
    expect(where(result).sort()).toEqual([`${locate(text, '3000')} result-size`, `${locate(text, 'bb')} result-size`, `${locate(text, 'resultSizes')} result-size`].sort());
    expect(result.diagnostics.find((d) => d.message.includes("'bb'"))!.hint).toBe("Did you mean 'b'?");
  });

  it('says nothing when every output has an estimate that fits', () => {
    const text = doc(...component, 'tasks:', '  t: {component: c, resultSizes: {a: 2000, b: 2000}}');
    expect(compileText(text).diagnostics).toEqual([]);
  });
});
