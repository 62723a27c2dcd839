import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const components = 'components: {p: {outputs: [{name: out}], implementation: {container: {image: alpine, command: [x, {outputPath: out}]}}}, c: {inputs: [{name: a}], implementation: {container: {image: alpine, command: [echo, {inputValue: a}]}}}}';

describe('ValidReferences', () => {
  it('resolves params and outputs in arguments, env and image; the {{"{{"}} escape is plain text', () => {
    const result = compileText(doc('params: {x: {default: "1"}}', components, 'tasks:', '  p: {component: p}', '  t: {component: c, arguments: {a: \'{{"{{"}}x}} {{params.x}}\'}, env: {E: "{{tasks.p.outputs.out}}"}, image: "alpine:{{params.x}}"}'));
    expect(result.diagnostics).toEqual([]);
  });

  it('reports each unresolvable reference with its own code, at the reference inside the string', () => {
    const text = doc('params: {x: {default: "1"}}', components, 'tasks:', '  p: {component: p}',
      '  a: {component: c, arguments: {a: "{{params.y}}"}}',
      '  b: {component: c, arguments: {a: "{{tasks.q.outputs.out}}"}}',
      '  d: {component: c, arguments: {a: "{{tasks.p.outputs.output}}"}}',
      '  e: {component: c, arguments: {a: "{{index}}"}, env: {E: "{{what}}"}}',
      '  f: {component: c, arguments: {a: x}, image: "alpine:{{params.z}}"}',
    );
    const result = compileText(text);
    expect(where(result)).toEqual([
      `${locate(text, '{{params.y}}')} unknown-param`,
      `${locate(text, '{{tasks.q')} unknown-task`,
      `${locate(text, '{{tasks.p.outputs.output}}')} unknown-output`,
      `${locate(text, '{{index}}')} invalid-reference`,
      `${locate(text, '{{what}}')} invalid-reference`,
      `${locate(text, '{{params.z}}')} unknown-param`,
    ]);
  });
});
