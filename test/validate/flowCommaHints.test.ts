import { describe, expect, it } from 'vitest';
import { compileText, doc } from '../specs.js';

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
