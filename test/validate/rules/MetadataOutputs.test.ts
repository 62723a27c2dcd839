import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const report = {
  outputs: [{ name: 'score' }, { name: 'mlpipeline_ui_metadata' }, { name: 'mlpipeline-metrics' }],
  implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo 1 > "$0"; echo {} > "$1"; echo {} > "$2"', { outputPath: 'score' }, { outputPath: 'mlpipeline_ui_metadata' }, { outputPath: 'mlpipeline-metrics' }] } },
};
const show = { inputs: [{ name: 'x' }], implementation: { container: { image: 'alpine', command: ['cat', { inputPath: 'x' }] } } };
const build = (x: string) => compileSpec({ components: { report, show }, tasks: { report: { component: 'report' }, show: { component: 'show', arguments: { x } } } });

describe('MetadataOutputs', () => {
  it('lets tasks read the regular outputs of a component that also writes UI metadata and metrics', () => {
    expect(build('{{tasks.report.outputs.score}}').diagnostics).toEqual([]);
  });

  it('rejects reading a UI-metadata or metrics output, which KFP keeps only for its UI', () => {
    for (const output of ['mlpipeline_ui_metadata', 'mlpipeline-metrics']) {
      const result = build(`{{tasks.report.outputs.${output}}}`);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['metadata-output-reference']);
    }
  });
});
