import { describe, expect, it } from 'vitest';
import { flowCommaHint } from '../../src/parse/flowCommaHint.js';
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

describe('a list or mapping read as a key', () => {
  const component = ['components:', '  echo: {inputs: [{name: msg}], implementation: {container: {image: x, command: [echo, {inputValue: msg}]}}}'];

  it('is refused once, at the outer key, with the quoting hint when a comma made it', () => {
    const result = compileText(doc(...component, 'tasks:', '  g: {component: echo, arguments: {msg: Hi, {{params.name}}}}'));
    expect(result.diagnostics.map((d) => [d.code, d.range?.line, d.range?.column, d.hint])).toEqual([
      ['yaml-unsupported', 8, 47, "A comma inside {...} separates entries, so '{{params.name}}' is read as a key of its own. If it belongs to the value of 'msg', quote the value: msg: \"Hi, {{params.name}}\"."],
    ]);
  });

  it('says to quote a reference written without quotes', () => {
    for (const line of ['    msg: {{params.name}}', '  g: {component: echo, arguments: {msg: {{params.name}}}}']) {
      const tasks = line.startsWith('    ') ? ['  g:', '    component: echo', '    arguments:', line] : [line];
      const result = compileText(doc(...component, 'tasks:', ...tasks));
      expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([['yaml-unsupported', 'A {{...}} reference written without quotes is a YAML mapping: quote the text it is in ("{{params.name}}").']]);
    }
  });

  it('keeps the general hint for any other list or mapping key', () => {
    const result = compileText(doc(...component, 'tasks:', '  ? [a, b]', '  : {component: echo}'));
    expect(result.diagnostics.map((d) => d.hint)).toEqual([expect.stringContaining('plain YAML data')]);
  });
});
