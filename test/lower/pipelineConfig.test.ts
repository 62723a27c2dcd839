import { describe, expect, it } from 'vitest';
import type { PipelineConfig } from '../../src/generated/pipeline.js';
import { pipelineWorkspaces, runSettings } from '../../src/lower/pipelineConfig.js';

describe('pipelineConfig', () => {
  it('writes no run settings for an empty config', () => {
    expect(runSettings({})).toEqual({});
  });

  it('builds the default pod template in kfp-tekton\'s field order', () => {
    const config: PipelineConfig = { nodeSelector: { os: 'linux' }, imagePullSecrets: ['a', 'b'], env: { X: '1' }, automountServiceAccountToken: false, securityContext: { runAsUser: 0 } };
    expect(runSettings(config).podTemplate).toEqual({
      securityContext: { runAsUser: 0 },
      automountServiceAccountToken: false,
      env: [{ name: 'X', value: '1' }],
      imagePullSecrets: [{ name: 'a' }, { name: 'b' }],
      nodeSelector: { os: 'linux' },
    });
    expect(Object.keys(runSettings(config).podTemplate!)).toEqual(['securityContext', 'automountServiceAccountToken', 'env', 'imagePullSecrets', 'nodeSelector']);
  });

  it('gives the run timeout + 300s for finally tasks, as kfp-tekton does', () => {
    expect(runSettings({ timeout: 100 }).timeouts).toEqual({ pipeline: '400s', tasks: '100s' });
    expect(runSettings({ timeout: '1h', finallyTimeout: '10m' }).timeouts).toEqual({ pipeline: '4200s', tasks: '1h' });
    expect(runSettings({ timeout: 0 }).timeouts).toEqual({ pipeline: '0s' });
    expect(runSettings({}).timeouts).toBeUndefined();
  });

  it('binds workspaces with their source and path prefix, and declares them on the pipeline', () => {
    const config: PipelineConfig = { workspaces: { a: { persistentVolumeClaim: { claimName: 'c' }, subPath: 'p/' }, b: { emptyDir: {} } }, serviceAccount: 'sa' };
    expect(runSettings(config)).toMatchObject({ serviceAccountName: 'sa', workspaces: [{ name: 'a', persistentVolumeClaim: { claimName: 'c' }, subPath: 'p/' }, { name: 'b', emptyDir: {} }] });
    expect(pipelineWorkspaces(config)).toEqual([{ name: 'a' }, { name: 'b' }]);
  });
});
