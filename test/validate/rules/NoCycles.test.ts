import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const pass = 'components: {p: {inputs: [{name: i}], outputs: [{name: o}], implementation: {container: {image: alpine, command: [x, {inputValue: i}, {outputPath: o}]}}}}';

describe('NoCycles', () => {
  it('accepts a chain', () => {
    const result = compileText(doc(pass, 'tasks:', '  a: {component: p, arguments: {i: x}}', '  b: {component: p, arguments: {i: "{{tasks.a.outputs.o}}"}}', '  c: {component: p, arguments: {i: x}, after: [b]}'));
    expect(result.diagnostics).toEqual([]);
  });

  it('finds a cycle made of output references and after, reported once at its first task', () => {
    const text = doc(pass, 'tasks:', '  a: {component: p, arguments: {i: "{{tasks.c.outputs.o}}"}}', '  b: {component: p, arguments: {i: "{{tasks.a.outputs.o}}"}}', '  c: {component: p, arguments: {i: x}, after: [b]}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'a: {component: p, arguments: {i: "{{tasks.c')} dependency-cycle`]);
    expect(result.diagnostics[0]!.message).toBe('dependency cycle: a → c → b → a');
  });
});
