import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const tasks = ['components: {c: {implementation: {container: {image: alpine}}}}', 'tasks: {t: {component: c}}'];

describe('ParamDefaults', () => {
  it('accepts defaults that fit their types, including YAML-written JSON', () => {
    const result = compileText(doc('params:', '  i: {type: Integer, default: "3"}', '  f: {type: Float, default: 1.5}', '  b: {type: Boolean, default: "True"}', '  o: {type: JsonObject, default: {a: 1}}', '  l: {type: JsonArray, default: "[1, 2]"}', ...tasks));
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a default that does not fit, at the default', () => {
    const text = doc('params:', '  i: {type: Integer, default: 1.5}', '  l: {type: JsonArray, default: "{}"}', ...tasks);
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, '1.5')} type-mismatch`, `${locate(text, '"{}"')} type-mismatch`]);
    expect(result.diagnostics[0]!.hint).toBe('Give an Integer default, or change the type.');
  });
});
