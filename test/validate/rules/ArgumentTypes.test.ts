import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = 'components: {c: {inputs: [{name: n, type: Integer}, {name: s, type: String}, {name: m, type: Model}], implementation: {container: {image: alpine, command: [{inputValue: n}, {inputValue: s}, {inputValue: m}]}}}}';

describe('ArgumentTypes', () => {
  it('accepts fitting constants, references inside strings, and unchecked artifact types', () => {
    const result = compileText(doc('params: {p: {type: Integer, default: 1}, q: {default: x}}', component, 'tasks: {t: {component: c, arguments: {n: "{{params.p}}", s: "a {{params.q}}", m: whatever}}}'));
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a constant and a whole param of the wrong type, at the argument', () => {
    const text = doc('params: {q: {type: Float, default: 1.5}}', component, 'tasks:', '  a: {component: c, arguments: {n: "x", s: y, m: z}}', '  b: {component: c, arguments: {n: "{{params.q}}", s: y, m: z}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, '"x"')} type-mismatch`, `${locate(text, '"{{params.q}}"')} type-mismatch`]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "input 'n' of component 'c' is Integer, but the argument is \"x\"",
      "parameter 'q' is Float, but input 'n' of component 'c' is Integer",
    ]);
  });
});
