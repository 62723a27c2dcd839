import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

describe('KnownGraphs', () => {
  it('reports a call of an undeclared graph at its graph field', () => {
    const text = doc('graphs: {train: {tasks: {}}}', 'tasks:', '  run: {graph: trian}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'trian')} unknown-graph`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'train'?");
  });
});
