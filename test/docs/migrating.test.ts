/**
 * docs/migrating-from-kfp-tekton.md: every feature section shows the kfp-tekton Python and the kft
 * YAML, and links a complete example under examples/ that exists (examples.test.ts builds them all).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsText, repoRoot } from '../helpers.js';
import { compileText } from '../specs.js';
import { snippetDocument } from './migratingSnippets.js';

const doc = readFileSync(join(repoRoot, 'docs', 'migrating-from-kfp-tekton.md'), 'utf8');
/** Sections that are not a feature. */
const NOT_FEATURES = ['What you gain', 'Every KFP and kfp-tekton DSL construct'];
const sections = doc.split(/^## /m).slice(1).map((text) => ({ title: text.split('\n')[0]!, text })).filter((s) => !NOT_FEATURES.includes(s.title));

describe('docs/migrating-from-kfp-tekton.md', () => {
  it('has feature sections', () => {
    expect(sections.length).toBeGreaterThanOrEqual(15);
  });

  for (const section of sections) {
    it(`${section.title}: links an existing example`, () => {
      const links = [...section.text.matchAll(/\(\.\.\/examples\/([a-z0-9-]+)\/spec\.yaml\)/g)].map((m) => m[1]!);
      expect(links.length, 'no link to ../examples/NAME/spec.yaml').toBeGreaterThan(0);
      for (const name of links) expect(existsSync(join(repoRoot, 'examples', name, 'spec.yaml')), name).toBe(true);
    });
  }

  it('shows Python and YAML side by side in every section that is not about the cluster', () => {
    const without = sections.filter((s) => !s.title.startsWith('Tekton feature flags') && !(s.text.includes('```python') && s.text.includes('```yaml')));
    expect(without.map((s) => s.title)).toEqual([]);
  });
});

describe('docs/migrating-from-kfp-tekton.md snippets', () => {
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({ text: m[1]!, line: doc.slice(0, m.index).split('\n').length + 1 }));

  it('has kft snippets', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(20);
  });

  for (const block of blocks) {
    it(`line ${block.line}: compiles`, () => {
      const result = compileText(snippetDocument(block.text), exampleFiles(block.line));
      expect(diagnosticsText(result.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
    });
  }
});

/**
 * The DSL constructs a kfp-tekton user writes, enumerated from the sources: KFP 1.8's
 * sdk/python/kfp/dsl/__init__.py exports, the public methods of ContainerOp, BaseOp, Container,
 * UserContainer, ResourceOp, PipelineVolume, OpsGroup and PipelineConf, kfp.components' loaders,
 * kfp/{gcp,onprem,aws,azure}.py, and kfp-tekton 1.9's kfp_tekton/tekton.py and
 * compiler/pipeline_utils.py (TektonPipelineConf). Each needs a row in the guide's reference.
 */
const DSL_CONSTRUCTS = {
  'kfp.dsl': [
    'dsl.pipeline', 'dsl.PipelineParam', 'dsl.PipelineExecutionMode', 'dsl.RUN_ID_PLACEHOLDER', 'dsl.EXECUTION_ID_PLACEHOLDER', 'dsl.ROOT_PARAMETER_NAME',
    'dsl.importer', 'dsl.get_pipeline_conf', 'dsl.Pipeline', 'dsl.component', 'dsl.python_component', 'dsl.graph_component', 'dsl.ContainerOp',
    'dsl.InputArgumentPath', 'dsl.UserContainer', 'dsl.Sidecar', 'dsl.Condition', 'dsl.ExitHandler', 'dsl.ParallelFor', 'dsl.SubGraph', 'dsl.OpsGroup',
    'dsl.ResourceOp', 'dsl.VolumeOp', 'dsl.VOLUME_MODE_RWO', 'dsl.VOLUME_MODE_RWM', 'dsl.VOLUME_MODE_ROM', 'dsl.PipelineVolume', 'dsl.VolumeSnapshotOp',
  ],
  'kfp.components': [
    'components.load_component_from_file', 'components.load_component_from_text', 'components.load_component_from_url',
    'components.create_component_from_func', 'components.func_to_container_op',
  ],
  ContainerOp: [
    'ContainerOp.file_outputs', 'ContainerOp.output_artifact_paths', 'ContainerOp.artifact_argument_paths', 'ContainerOp.output', 'ContainerOp.outputs',
    'ContainerOp.pvolumes', 'ContainerOp.add_pvolumes', 'ContainerOp.pvolume', 'ContainerOp.container', 'ContainerOp.set_display_name', 'ContainerOp.execution_options',
  ],
  BaseOp: [
    'BaseOp.apply', 'BaseOp.after', 'BaseOp.add_volume', 'BaseOp.add_toleration', 'BaseOp.add_affinity', 'BaseOp.add_node_selector_constraint',
    'BaseOp.add_pod_annotation', 'BaseOp.add_pod_label', 'BaseOp.set_retry', 'BaseOp.set_timeout', 'BaseOp.add_init_container', 'BaseOp.add_sidecar',
    'BaseOp.set_caching_options',
  ],
  Container: [
    'Container.set_cpu_request', 'Container.set_cpu_limit', 'Container.set_memory_request', 'Container.set_memory_limit', 'Container.set_ephemeral_storage_request',
    'Container.set_ephemeral_storage_limit', 'Container.set_gpu_limit', 'Container.add_resource_request', 'Container.add_resource_limit', 'Container.add_env_variable',
    'Container.set_env_variable', 'Container.add_env_from', 'Container.add_volume_mount', 'Container.add_volume_devices', 'Container.set_image_pull_policy',
    'Container.set_security_context', 'Container.add_port', 'Container.set_readiness_probe', 'Container.set_liveness_probe', 'Container.set_lifecycle',
    'Container.set_stdin', 'Container.set_stdin_once', 'Container.set_tty', 'Container.set_termination_message_path', 'Container.set_termination_message_policy',
    'UserContainer.set_mirror_volume_mounts',
  ],
  'groups, resources, volumes': ['OpsGroup.after', 'ResourceOp.delete', 'PipelineVolume.after'],
  PipelineConf: [
    'PipelineConf.set_image_pull_secrets', 'PipelineConf.set_timeout', 'PipelineConf.set_parallelism', 'PipelineConf.set_ttl_seconds_after_finished',
    'PipelineConf.set_pod_disruption_budget', 'PipelineConf.set_default_pod_node_selector', 'PipelineConf.set_image_pull_policy', 'PipelineConf.add_op_transformer',
    'PipelineConf.set_dns_config', 'PipelineConf.data_passing_method',
  ],
  'cloud helpers': [
    'gcp.use_gcp_secret', 'gcp.use_tpu', 'gcp.use_preemptible_nodepool', 'gcp.add_gpu_toleration', 'onprem.mount_pvc', 'onprem.use_k8s_secret',
    'onprem.add_default_resource_spec', 'aws.use_aws_secret', 'azure.use_azure_secret',
  ],
  'kfp_tekton.tekton': [
    'tekton.AnySequencer', 'tekton.after_any', 'tekton.CEL_ConditionOp', 'tekton.Break', 'tekton.Loop', 'Loop.sequential', 'Loop.from_string', 'Loop.range',
    'Loop.enumerate', 'Loop.extra_fields', 'Loop.add_pod_annotation', 'Loop.add_pod_label', 'tekton.AddOnGroup', 'AddOnGroup.create_internal_param',
    'AddOnGroup.post_task_spec', 'AddOnGroup.post_params', 'tekton.ANY_SEQUENCER_IMAGE', 'tekton.TEKTON_CUSTOM_TASK_IMAGES',
  ],
  TektonPipelineConf: [
    'TektonPipelineConf.add_pipeline_label', 'TektonPipelineConf.add_pipeline_annotation', 'TektonPipelineConf.set_tekton_inline_spec',
    'TektonPipelineConf.set_resource_in_separate_yaml', 'TektonPipelineConf.set_security_context', 'TektonPipelineConf.set_automount_service_account_token',
    'TektonPipelineConf.add_pipeline_env', 'TektonPipelineConf.set_pipeline_env', 'TektonPipelineConf.add_pipeline_workspace',
    'TektonPipelineConf.set_generate_component_spec_annotations', 'TektonPipelineConf.set_condition_image_name', 'TektonPipelineConf.set_bash_image_name',
    'TektonPipelineConf.copy', 'TektonCompiler().compile',
  ],
};

describe('docs/migrating-from-kfp-tekton.md: every DSL construct', () => {
  const title = '## Every KFP and kfp-tekton DSL construct';
  const start = doc.indexOf(title);
  const reference = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const rows = new Map([...reference.matchAll(/^\| `([^`]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!.trim()]));

  it('has the reference section', () => {
    expect(start).toBeGreaterThan(0);
  });

  for (const [source, constructs] of Object.entries(DSL_CONSTRUCTS)) {
    it(`gives every construct of ${source} its kft spelling or the reason it has none`, () => {
      expect(constructs.filter((c) => !rows.get(c))).toEqual([]);
    });
  }

  it('lists nothing the enumeration lacks (a new row belongs in DSL_CONSTRUCTS too)', () => {
    const known = new Set(Object.values(DSL_CONSTRUCTS).flat());
    expect([...rows.keys()].filter((r) => !known.has(r))).toEqual([]);
  });

  it('says why, where a construct has no spelling', () => {
    expect([...rows].filter(([, kft]) => /^none\b/.test(kft) && !/^none[^:]*: \S/.test(kft)).map(([c]) => c)).toEqual([]);
  });
});

/**
 * The files of the example the snippet's section links (its Python modules, component files), by
 * path relative to the example: a snippet names them as the example's spec does.
 */
function exampleFiles(line: number): Record<string, string> {
  const before = doc.split('\n').slice(0, line).join('\n');
  const section = doc.slice(before.lastIndexOf('\n## ') + 1).split(/^## /m)[1] ?? '';
  const example = /\(\.\.\/examples\/([a-z0-9-]+)\/spec\.yaml\)/.exec(section)?.[1];
  if (!example) return {};
  const dir = join(repoRoot, 'examples', example);
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}
