import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

describe('KnownComponents', () => {
  it('reports an undeclared component at the task\'s component field, with a suggestion', () => {
    const text = doc('components: {echo: {implementation: {container: {image: alpine}}}}', 'tasks:', '  a: {component: ehco}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'ehco')} unknown-component`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'echo'?");
  });

  it('does not repeat the error of a component whose file is missing', () => {
    const result = compileText(doc('components: {echo: {file: echo.yaml}}', 'tasks: {a: {component: echo}}'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
  });

  it('accepts a component loaded from a file', () => {
    const files = { 'c/echo.yaml': 'name: echo\nimplementation: {container: {image: alpine}}\n' };
    expect(compileText(doc('components: {echo: {file: c/echo.yaml}}', 'tasks: {a: {component: echo}}'), files).diagnostics).toEqual([]);
  });
});
