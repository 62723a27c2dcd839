import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

describe('KnownArguments', () => {
  it('reports an argument for an undeclared input at its key', () => {
    const text = doc('components: {c: {inputs: [{name: message}], implementation: {container: {image: alpine}}}}', 'tasks:', '  t:', '    component: c', '    arguments: {message: hi, mesage: hi}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'mesage')} unknown-input`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'message'?");
  });

  it('says so when the component has no inputs at all', () => {
    const result = compileText(doc('components: {c: {implementation: {container: {image: alpine}}}}', 'tasks: {t: {component: c, arguments: {x: 1}}}'));
    expect(result.diagnostics.map((d) => d.hint)).toEqual(['The component declares no inputs.']);
  });
});
