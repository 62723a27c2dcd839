import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  c: {inputs: [{name: n, type: Integer}], implementation: {container: {image: x, command: [echo, {inputValue: n}]}}}'];

describe('ParamTypes and untyped or opaque parameter types', () => {
  it('accepts untyped parameters and free-form type names, unchecked, as KFP does', () => {
    const text = doc('params:', '  a: {default: [1, 2]}', "  b: {type: 'typing.List[int]', default: not-a-list}", '  c: {type: Something}', ...component, 'tasks:', '  t1: {component: c, arguments: {n: "{{params.a}}"}}', '  t2: {component: c, arguments: {n: "{{params.c}}"}}');
    expect(where(compileText(text))).toEqual([]);
  });

  it('checks KFP\'s aliases of the base types (int is Integer)', () => {
    const text = doc('params:', '  a: {type: int, default: ten}', ...component, 'tasks: {t: {component: c, arguments: {n: 1}}}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'ten')} type-mismatch`]);
  });

  it('warns about a type name one typo from a checked type', () => {
    const text = doc('params:', '  a: {type: Strng, default: x}', '  b: {type: Model}', ...component, 'tasks: {t: {component: c, arguments: {n: 1}}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'Strng')} unchecked-param-type`]);
    expect(result.ok).toBe(true);
  });

  it('refuses a type that is neither a name nor an object', () => {
    const text = doc('params:', '  a: {type: 3}', ...component, 'tasks: {t: {component: c, arguments: {n: 1}}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, '3}')} schema-violation`]);
    expect(result.diagnostics[0]!.message).toBe('spec.params.a.type: must be a KFP type name such as String or Integer');
  });
});
