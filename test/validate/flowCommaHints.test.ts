import { describe, expect, it } from 'vitest';
import { flowCommaHint } from '../../src/validate/flowCommaHints.js';
import { compileText, doc } from '../specs.js';

const at = (line: string, needle: string) => flowCommaHint(line, line.indexOf(needle));

describe('flowCommaHint', () => {
  it('explains a plain word split off a value by a comma', () => {
    expect(at('    e: {component: echo, arguments: {msg: hello, world}}', 'world')).toBe(
      "A comma inside {...} separates entries, so 'world' is read as a key of its own. If it belongs to the value of 'msg', quote the value: msg: \"hello, world\".",
    );
  });

  it('explains a reference read as a nested mapping', () => {
    expect(at('{msg: Hi, {{params.name}}}', '{{')).toBe(
      "A comma inside {...} separates entries, so '{{params.name}}' is read as a key of its own. If it belongs to the value of 'msg', quote the value: msg: \"Hi, {{params.name}}\".",
    );
  });

  it('quotes with single quotes when the value holds a double quote', () => {
    expect(at('{msg: say "hi", there}', 'there')).toContain(`msg: 'say "hi", there'`);
  });

  it('says nothing for keys that have a value, are not after a comma, or are in block style', () => {
    expect(at('{msg: hello, other: world}', 'other')).toBeUndefined();
    expect(at('{world}', 'world')).toBeUndefined();
    expect(at('  world:', 'world')).toBeUndefined();
  });
});

describe('flow comma hints in diagnostics', () => {
  const component = ['components:', '  echo: {inputs: [{name: msg}], implementation: {container: {image: x, command: [echo, {inputValue: msg}]}}}'];

  it('replace the hint of an unknown input or field made of a piece of a value', () => {
    const result = compileText(doc(...component, 'tasks:', '  e: {component: echo, arguments: {msg: hello, world}}', '  f: {component: echo, arguments: {msg: m}, retries: 1, oops}'));
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ['unknown-input', "A comma inside {...} separates entries, so 'world' is read as a key of its own. If it belongs to the value of 'msg', quote the value: msg: \"hello, world\"."],
      ['unknown-field', "A comma inside {...} separates entries, so 'oops' is read as a key of its own. If it belongs to the value of 'retries', quote the value: retries: \"1, oops\"."],
    ]);
  });

  it('keep a close match', () => {
    const result = compileText(doc(...component, 'tasks:', '  f: {component: echo, arguments: {msg: m}, retires}'));
    expect(result.diagnostics.map((d) => d.hint)).toEqual(["Did you mean 'retries'?"]);
  });
});
