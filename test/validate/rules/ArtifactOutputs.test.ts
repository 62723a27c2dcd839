import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = 'components: {c: {outputs: [{name: data}, {name: data2}], implementation: {container: {image: alpine, args: [{outputPath: data}, {outputPath: data2}]}}}}';

describe('ArtifactOutputs', () => {
  it('reports a name that is not an output of the component, at the name', () => {
    const text = doc(component, 'tasks:', '  t:', '    component: c', '    artifactOutputs: [data, dta]');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'dta')} unknown-output`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'data'?");
  });

  it('accepts outputs of the component', () => {
    expect(compileText(doc(component, 'tasks: {t: {component: c, artifactOutputs: [data2]}}')).diagnostics).toEqual([]);
  });
});
