/**
 * What a cluster needs to run a build's output: the controllers of the custom tasks it uses, the
 * minimum Tekton version, the feature flags (config map `feature-flags` in `tekton-pipelines`) and
 * the RBAC of helper tasks. Read from the emitted manifests, so it describes exactly what was
 * built, whichever spec constructs produced it. docs/cluster-requirements.md explains each entry.
 */
import type { Manifest } from './emit/index.js';

export interface ControllerRequirement {
  readonly apiVersion: string;
  readonly kind: string;
  /** Who provides the controller, and where to get it. */
  readonly provider: string;
}

export interface RbacRequirement {
  /** Which tasks need it. */
  readonly for: string;
  readonly rule: string;
}

export interface ClusterRequirements {
  readonly minTektonVersion: string;
  /** feature-flags entries the output needs (key → value). */
  readonly featureFlags: Readonly<Record<string, string>>;
  readonly controllers: readonly ControllerRequirement[];
  /** Helper images the output runs (pull access needed). */
  readonly images: readonly string[];
  readonly rbac: readonly RbacRequirement[];
  /** Human-readable reasons, one per requirement. */
  readonly notes: readonly string[];
}

const KNOWN_CONTROLLERS: Record<string, string> = {
  'custom.tekton.dev/v1alpha1/PipelineLoop': 'kfp-tekton pipelineloop controller (kubeflow/kfp-tekton tekton-catalog/pipeline-loops)',
  'cel.tekton.dev/v1alpha1/CEL': 'Tekton CEL custom task controller (tektoncd/experimental cel)',
};
const KUBECTL_WRAPPER = /kubectl-wrapper/;
const ANY_SEQUENCER = /any-sequencer/;

interface Task { taskRef?: { apiVersion?: string; kind?: string }; taskSpec?: { apiVersion?: string; kind?: string; spec?: { pipelineSpec?: Pipeline }; steps?: { image?: string; args?: string[] }[]; params?: { name: string; default?: string }[] }; when?: { cel?: string }[] }
interface Pipeline { tasks?: Task[]; finally?: Task[] }

export function clusterRequirements(manifests: readonly Manifest[]): ClusterRequirements {
  const found = new Scan();
  for (const m of manifests) {
    const spec = m.object.spec as { pipelineSpec?: Pipeline; tasks?: Task[] } | undefined;
    if (m.kind === 'PipelineRun') found.pipeline(spec?.pipelineSpec, m.apiVersion);
    else if (m.kind === 'Pipeline') found.pipeline(spec as Pipeline, m.apiVersion);
    else if ((spec as { pipelineSpec?: Pipeline } | undefined)?.pipelineSpec) {
      found.controller(m.apiVersion, m.kind);
      found.pipeline(spec?.pipelineSpec, 'tekton.dev/v1');
    }
  }
  return found.result();
}

class Scan {
  private readonly controllers = new Map<string, ControllerRequirement>();
  private readonly images = new Set<string>();
  private readonly rbac = new Map<string, RbacRequirement>();
  private readonly notes: string[] = [];
  private apiV1 = false;
  private custom = false;
  private embeddedCustom = false;
  private cel = false;
  private snapshots = false;

  pipeline(p: Pipeline | undefined, apiVersion: string): void {
    if (!p) return;
    if (apiVersion === 'tekton.dev/v1') this.apiV1 = true;
    for (const t of [...(p.tasks ?? []), ...(p.finally ?? [])]) this.task(t);
  }

  controller(apiVersion: string, kind: string): void {
    this.custom = true;
    const key = `${apiVersion}/${kind}`;
    if (!this.controllers.has(key)) this.controllers.set(key, { apiVersion, kind, provider: KNOWN_CONTROLLERS[key] ?? 'your own controller for this custom task' });
  }

  private task(t: Task): void {
    if (t.when?.some((w) => w.cel !== undefined)) this.cel = true;
    const ref = t.taskRef?.apiVersion ? t.taskRef : undefined;
    if (ref?.apiVersion && ref.kind) this.controller(ref.apiVersion, ref.kind);
    const spec = t.taskSpec;
    if (spec?.apiVersion && spec.kind) {
      this.controller(spec.apiVersion, spec.kind);
      this.embeddedCustom = true;
      this.pipeline(spec.spec?.pipelineSpec, 'tekton.dev/v1');
      return;
    }
    for (const step of spec?.steps ?? []) {
      const image = step.image === '$(params.image)' ? spec?.params?.find((p) => p.name === 'image')?.default : step.image;
      if (!image) continue;
      if (KUBECTL_WRAPPER.test(image)) {
        this.images.add(image);
        const manifest = (step.args ?? []).find((a) => a.startsWith('--manifest='));
        const kind = /^kind: (.+)$/m.exec(manifest ?? '')?.[1] ?? 'the manifest\'s kind';
        this.rbac.set(`kubectl:${kind}`, { for: 'resource and volume operations (kubectl-wrapper)', rule: `the run's service account may get/create/patch/delete ${kind} objects in the run's namespace` });
        if (kind === 'VolumeSnapshot') this.snapshots = true;
      } else if (ANY_SEQUENCER.test(image)) {
        this.images.add(image);
        this.rbac.set('any-sequencer', { for: 'afterAny tasks and anySequencer nodes (any-sequencer)', rule: "the run's service account may get/list/watch taskruns and runs/customruns (tekton.dev) in the run's namespace" });
      }
    }
  }

  result(): ClusterRequirements {
    const flags: Record<string, string> = {};
    let min = this.apiV1 ? '0.44' : '0.20';
    if (this.custom) {
      this.notes.push('Custom tasks: on Tekton before 0.44 set enable-custom-tasks: "true" (always on from 0.44).');
      if (!this.apiV1) flags['enable-custom-tasks'] = 'true';
    }
    if (this.embeddedCustom) {
      this.notes.push('Embedded custom task specs (taskSpec with apiVersion/kind) need enable-api-fields: "alpha" before Tekton 0.44, "beta" from 0.44.');
      flags['enable-api-fields'] = this.apiV1 ? 'beta' : 'alpha';
    }
    if (this.cel) {
      min = '0.53';
      flags['enable-cel-in-whenexpression'] = 'true';
      this.notes.push('CEL in when expressions: Tekton 0.53 or later with enable-cel-in-whenexpression: "true".');
    }
    if (this.snapshots) this.notes.push('VolumeSnapshots: the snapshot.storage.k8s.io CRDs and snapshot controller (kubernetes-csi/external-snapshotter), and a CSI driver that takes snapshots with a VolumeSnapshotClass.');
    if (this.apiV1) this.notes.push('tekton.dev/v1 manifests: Tekton 0.44 or later (build with --api-version v1beta1 for older clusters).');
    return { minTektonVersion: min, featureFlags: flags, controllers: [...this.controllers.values()], images: [...this.images].sort(), rbac: [...this.rbac.values()], notes: this.notes };
  }
}

/** The requirements as text for a terminal. */
export function formatRequirements(r: ClusterRequirements): string {
  const lines = [`Tekton: ${r.minTektonVersion} or later`];
  const flags = Object.entries(r.featureFlags);
  lines.push(flags.length ? 'feature-flags (namespace tekton-pipelines):' : 'feature-flags: none beyond the defaults');
  for (const [k, v] of flags) lines.push(`  ${k}: "${v}"`);
  if (r.controllers.length) lines.push('custom task controllers:');
  for (const c of r.controllers) lines.push(`  ${c.kind} (${c.apiVersion}): ${c.provider}`);
  if (r.images.length) lines.push('helper images:', ...r.images.map((i) => `  ${i}`));
  if (r.rbac.length) lines.push('RBAC:', ...r.rbac.map((x) => `  ${x.for}: ${x.rule}`));
  if (r.notes.length) lines.push('notes:', ...r.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
