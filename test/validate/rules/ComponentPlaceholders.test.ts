import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

describe('ComponentPlaceholders', () => {
  it('reports placeholders naming undeclared inputs and outputs, nested in concat and if too', () => {
    const text = doc(
      'components:',
      '  c:',
      '    inputs: [{name: a}]',
      '    outputs: [{name: o}]',
      '    implementation:',
      '      container:',
      '        image: alpine',
      '        command: [echo, {concat: [x, {inputValue: b}]}]',
      '        args: [{if: {cond: {isPresent: a}, then: [{outputPath: p}], else: [{inputPath: q}]}}]',
      'tasks: {t: {component: c, arguments: {a: "1"}}}',
    );
    const result = compileText(text);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "component 'c' has no input 'b'",
      "component 'c' has no output 'p'",
      "component 'c' has no input 'q'",
    ]);
    expect(where(result)).toEqual([locate(text, 'b}'), locate(text, 'p}'), locate(text, 'q}')].map((at) => `${at} invalid-placeholder`));
  });

  it('reports fileOutputs naming undeclared outputs, in component files at the file\'s position', () => {
    const files = { 'c.yaml': 'name: c\noutputs: [{name: o}]\nimplementation:\n  container:\n    image: alpine\n    fileOutputs: {o: /tmp/o, x: /tmp/x}\n' };
    const result = compileText(doc('components: {c: {file: c.yaml}}', 'tasks: {t: {component: c}}'), files);
    expect(result.diagnostics.map((d) => `${d.range?.file}:${d.range?.line}:${d.range?.column} ${d.message}`)).toEqual([`/virtual/c.yaml:${locate(files['c.yaml'], '/tmp/x')} component 'c' has no output 'x'`]);
  });
});
