import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

describe('KfpV2Placeholders', () => {
  it('reports {{$}} and {{$.…}} text in a component at the placeholder', () => {
    const file = [
      'name: Create endpoint',
      'implementation:',
      '  container:',
      '    image: gcr.io/example/launcher',
      '    args: [--executor_input, "{{$}}", --project, "{{$.inputs.parameters[\'project\']}}", "{{$ref}}"]',
      '',
    ].join('\n');
    const result = compileText(doc('components: {c: {file: c.yaml}}', 'tasks: {t: {component: c}}'), { 'c.yaml': file });
    expect(where(result)).toEqual([`${locate(file, '{{$}}')} kfp-v2-placeholder`, `${locate(file, '{{$.inputs')} kfp-v2-placeholder`]);
    expect(result.diagnostics[0]!.message).toContain("uses the KFP v2 placeholder '{{$}}'");
  });
  it('reports the v2 placeholder objects with the same code instead of "unknown placeholder"', () => {
    const file = 'implementation:\n  container:\n    image: python:3.9\n    args: [--executor_input, {executorInput: null}, {outputUri: model}]\n';
    const result = compileText(doc('components: {c: {file: c.yaml}}', 'tasks: {t: {component: c}}'), { 'c.yaml': file });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['kfp-v2-placeholder', "implementation.container.args.1: 'executorInput' is a KFP v2 placeholder: the component needs KFP v2's launcher, which neither kft nor kfp-tekton 1.x provides"],
      ['kfp-v2-placeholder', "implementation.container.args.2: 'outputUri' is a KFP v2 placeholder: the component needs KFP v2's launcher, which neither kft nor kfp-tekton 1.x provides"],
    ]);
  });
});
