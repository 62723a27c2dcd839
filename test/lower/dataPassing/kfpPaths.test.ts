import { describe, expect, it } from 'vitest';
import { artifactName, inputFilePath, kfpFileName, metadataArtifactName, outputFilePath, parentDir, workspaceFilePath } from '../../../src/lower/dataPassing/kfpPaths.js';

describe('kfpPaths', () => {
  it('names files as KFP does: runs of other characters become one underscore', () => {
    expect(kfpFileName('Output 1')).toBe('Output_1');
    expect(kfpFileName('a  b/c.d-e_f')).toBe('a_b_c.d-e_f');
    expect(outputFilePath('Output 1')).toBe('/tmp/outputs/Output_1/data');
    expect(inputFilePath('input_text')).toBe('/tmp/inputs/input_text/data');
    expect(parentDir('/tmp/inputs/text/data')).toBe('/tmp/inputs/text');
  });

  it('names artifacts as kfp-tekton does: capitals and underscores kept, others become dashes', () => {
    expect(artifactName('Output 2')).toBe('Output-2');
    expect(artifactName('output_dir')).toBe('output_dir');
    expect(artifactName(' a..b ')).toBe('a-b');
  });

  it('knows the UI metadata and metrics outputs by either spelling', () => {
    expect(metadataArtifactName('mlpipeline_ui_metadata')).toBe('mlpipeline-ui-metadata');
    expect(metadataArtifactName('mlpipeline-metrics')).toBe('mlpipeline-metrics');
    expect(metadataArtifactName('metrics')).toBeUndefined();
    expect(metadataArtifactName('valueOf')).toBeUndefined();
  });

  it('writes the big-data path of kfp-tekton', () => {
    expect(workspaceFilePath('t', '$(context.taskRun.name)', 'out')).toBe('$(workspaces.t.path)/artifacts/$ORIG_PR_NAME/$(context.taskRun.name)/out');
  });
});
