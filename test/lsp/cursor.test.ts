/**
 * cursorContext: the structural place of the cursor, read from the layout of the text, also while
 * the YAML is broken. `‸` marks the cursor in each case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cursorContext } from '../../src/lsp/cursor.js';

function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = cursorContext(text, offset);
  return { ...context, wordText: text.slice(context.word.start, context.word.end) };
}

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: demo
spec:
  params:
    who: {type: String, default: world}
  components:
    say: {file: components/say.yaml}
  tasks:
    greet:
      component: say
      arguments:
        message: "hello {{params.who}}"
`;

describe('cursorContext', () => {
  it('finds the mapping of a key being typed without its colon (broken YAML)', () => {
    const c = at(spec.replace('      component: say\n', '      component: say\n      aft‸\n'));
    expect(c).toMatchObject({ path: ['spec', 'tasks', 'greet'], kind: 'key', wordText: 'aft', word: { prefix: 'aft' } });
    // The other keys of the task, above and below the cursor.
    expect(c.keysAlong[3]).toEqual(['component', 'arguments']);
    expect(c.keysAlong[1]).toEqual(['params', 'components', 'tasks']);
  });

  it('takes the column of an empty line as the indentation of the new key', () => {
    expect(at(spec.replace('    greet:\n', '    greet:\n      ‸\n')).path).toEqual(['spec', 'tasks', 'greet']);
    expect(at(spec.replace('    greet:\n', '    greet:\n    ‸\n')).path).toEqual(['spec', 'tasks']);
    expect(at(spec + '  ‸').path).toEqual(['spec']);
    expect(at(spec + '‸').path).toEqual([]);
  });

  it('reads a value after `key: ` and the word it replaces, inside quotes', () => {
    const c = at(spec.replace('component: say', 'component: s‸a'));
    expect(c).toMatchObject({ path: ['spec', 'tasks', 'greet', 'component'], kind: 'value', wordText: 'sa', word: { prefix: 's' } });
    expect(at(spec.replace('component: say', 'component: "sa‸"'))).toMatchObject({ wordText: 'sa', kind: 'value' });
  });

  it('reads the cursor on an existing key as that key', () => {
    const c = at(spec.replace('component: say', 'compo‸nent: say'));
    expect(c).toMatchObject({ path: ['spec', 'tasks', 'greet'], kind: 'key', wordText: 'component', word: { prefix: 'compo' } });
    expect(c.keysAlong[3]).toEqual(['arguments']);
  });

  it('follows one-line flow collections', () => {
    expect(at(spec.replace('      component: say\n', '      component: say\n      after: [a, gr‸\n'))).toMatchObject({ path: ['spec', 'tasks', 'greet', 'after', 1], kind: 'value', wordText: 'gr' });
    expect(at(spec.replace('{type: String, default: world}', '{type: Str‸}'))).toMatchObject({ path: ['spec', 'params', 'who', 'type'], kind: 'value', wordText: 'Str' });
    expect(at(spec.replace('{type: String, default: world}', '{type: String, def‸}'))).toMatchObject({ path: ['spec', 'params', 'who'], kind: 'key', wordText: 'def' });
    expect(at(spec.replace('{file: components/say.yaml}', '{file: components/say.yaml, ‸}'))).toMatchObject({ path: ['spec', 'components', 'say'], kind: 'key', wordText: '' });
  });

  it('counts sequence items, also compact ones at the key\'s indentation', () => {
    const component = `name: say
inputs:
- {name: message, type: String}
- name: count
  ty‸
outputs:
  - name: said
`;
    expect(at(component)).toMatchObject({ path: ['inputs', 1], kind: 'key', wordText: 'ty' });
    expect(at(component.replace('ty‸', 'type: Integer').replace('  - name: said', '  - name: said\n  - ‸'))).toMatchObject({ path: ['outputs', 1], kind: 'value', itemStart: true });
    expect(at('after:\n  - a\n  - b‸\n')).toMatchObject({ path: ['after', 1], kind: 'value', wordText: 'b' });
  });

  it('sees a {{ being typed, and whether it is closed', () => {
    const open = at(spec.replace('"hello {{params.who}}"', '"hello {{tasks.gr‸'));
    expect(open.template).toMatchObject({ body: 'tasks.gr', closed: false });
    expect(open.path).toEqual(['spec', 'tasks', 'greet', 'arguments', 'message']);
    const closed = at(spec.replace('{{params.who}}', '{{ params.w‸ho}}'));
    expect(closed.template).toMatchObject({ body: 'params.w', closed: true });
    expect(at(spec.replace('{{params.who}}', '{{params.who}} ‸')).template).toBeUndefined();
  });

  it('skips block scalars and knows when the cursor is inside one', () => {
    const text = `spec:
  components:
    c:
      implementation:
        container:
          command:
            - sh
            - -c
            - |
              key: not a key
              echo {{work‸
          args: []
`;
    const c = at(text);
    expect(c).toMatchObject({ inText: true, kind: 'value', path: ['spec', 'components', 'c', 'implementation', 'container', 'command', 2] });
    expect(c.template?.body).toBe('work');
    expect(at(text.replace('{{work‸', '').replace('          args: []', '          ar‸'))).toMatchObject({ path: ['spec', 'components', 'c', 'implementation', 'container'], kind: 'key' });
  });

  it('treats a comment as text', () => {
    expect(at('spec:\n  tasks: # the tasks‸\n').inText).toBe(true);
    expect(at('spec:\n  # tas‸\n').inText).toBe(true);
  });

  it('reads pretty-printed JSON by its indentation', () => {
    const json = '{\n  "spec": {\n    "tasks": {\n      "a": {\n        "comp‸"\n';
    expect(at(json)).toMatchObject({ path: ['spec', 'tasks', 'a'], kind: 'key' });
  });

  it('never throws, and its word always lies around the cursor', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ':', '-', '\n', '{', '}', '[', ']', ',', '"', "'", '#', '|', '>', '\r', '\t') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        const c = cursorContext(text, offset);
        expect(c.word.start).toBeLessThanOrEqual(offset);
        expect(c.word.end).toBeGreaterThanOrEqual(offset);
        expect(c.keysAlong.length).toBeGreaterThanOrEqual(1);
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
