import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/compile.js';

const spec = (condition: string) => `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: p}
spec:
  params: {a: {default: x}}
  components:
    c: {name: c, implementation: {container: {image: alpine, command: [echo]}}}
  tasks:
    g:
      if: ${JSON.stringify(condition)}
      tasks: {t: {component: c}}
`;
const codes = (condition: string) => compile({ path: 'p.yaml', text: spec(condition) }).diagnostics.map((d) => d.code);

describe('ValidConditions', () => {
  it('accepts every KFP operator', () => {
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(codes(`{{params.a}} ${op} 1`)).toEqual([]);
  });
  it('reports a comparison without operator or operand at the if', () => {
    const result = compile({ path: 'p.yaml', text: spec('{{params.a}}') });
    expect(result.diagnostics.map((d) => [d.code, d.range?.line])).toEqual([['invalid-condition', 10]]);
    expect(codes('{{params.a}} ==')).toEqual(['invalid-condition']);
  });
  it('leaves reference errors to ValidReferences', () => {
    expect(codes('{{params.b}} == 1')).toEqual(['unknown-param']);
  });
});
