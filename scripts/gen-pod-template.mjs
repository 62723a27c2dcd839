// Generates the `PodTemplate` definition of schemas/pipeline.schema.json from Tekton's OpenAPI
// (the `pod.Template` definition of tektoncd/pipeline's pkg/apis/pipeline/{v1,v1beta1}/swagger.json,
// which ../shared/tekton-api holds). Tekton is Apache-2.0, like kft; the definition keeps Tekton's
// field descriptions and says where it comes from in its `$comment`.
//
// What comes from Tekton: the set of fields, their JSON types and their descriptions, so the spec
// accepts exactly what a PipelineRun's pod template accepts. What kft adds here: a title and
// examples per field (editor help), the Kubernetes types the fields refer to (Tekton's OpenAPI names
// them, e.g. v1.PodDNSConfig, without defining them: they are hand-written definitions of
// pipeline.schema.json, mapped by K8S_TYPES), and value constraints Kubernetes enforces when it
// creates the pod (CONSTRAINTS). A field Tekton adds fails generation until it has a title,
// examples and, if it refers to one, a mapped Kubernetes type, so nothing is accepted unchecked.
//
//   node scripts/gen-pod-template.mjs          rewrite schemas/pipeline.schema.json
//   node scripts/gen-pod-template.mjs --check  exit 1 when the file is not what Tekton's OpenAPI gives
// Then `npm run build` (types, validators, kft.schema.json). test/scripts/gen-pod-template.test.ts
// runs the check whenever ../shared is present.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'schemas', 'pipeline.schema.json');
export const DEFINITION = 'PodTemplate';

/** Tekton's OpenAPI names Kubernetes core types it does not define; kft's definitions of them. */
export const K8S_TYPES = {
  'v1.Affinity': 'Affinity',
  'v1.PodDNSConfig': 'PodDNSConfig',
  'v1.EnvVar': 'EnvVar',
  'v1.HostAlias': 'HostAlias',
  'v1.LocalObjectReference': 'LocalObjectReference',
  'v1.PodSecurityContext': 'PodSecurityContext',
  'v1.Toleration': 'Toleration',
  'v1.TopologySpreadConstraint': 'TopologySpreadConstraint',
  'v1.Volume': 'Volume',
};

/**
 * Fields of the newest pod.Template that the Tekton releases kft targets (v0.53 and v1.0, whose
 * webhooks reject unknown fields) do not have: left out, so the spec cannot ask for them.
 */
export const NEWER_THAN_TARGETS = {
  hostUsers: 'added in Tekton v1.9; the webhooks of Tekton v0.53 and v1.0 reject it',
};

/** Value constraints Kubernetes applies when it creates the pod (Tekton copies the values as they are). */
const CONSTRAINTS = {
  dnsPolicy: { enum: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] },
  priorityClassName: { minLength: 1 },
  runtimeClassName: { minLength: 1 },
  schedulerName: { minLength: 1 },
};

const TITLES = {
  affinity: 'Affinity',
  automountServiceAccountToken: 'Automount service-account token',
  dnsConfig: 'DNS config',
  dnsPolicy: 'DNS policy',
  enableServiceLinks: 'Enable service links',
  env: 'Environment',
  hostAliases: 'Host aliases',
  hostNetwork: 'Host network',
  imagePullSecrets: 'Image pull secrets',
  nodeSelector: 'Node selector',
  priorityClassName: 'Priority class',
  runtimeClassName: 'Runtime class',
  schedulerName: 'Scheduler',
  securityContext: 'Pod security context',
  tolerations: 'Tolerations',
  topologySpreadConstraints: 'Topology spread constraints',
  volumes: 'Volumes',
};

const EXAMPLES = {
  affinity: [{ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] }] } } }],
  automountServiceAccountToken: [false],
  dnsConfig: [{ nameservers: ['10.0.0.10'], searches: ['ml.svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] }],
  dnsPolicy: ['None', 'ClusterFirst'],
  enableServiceLinks: [false],
  env: [[{ name: 'HTTPS_PROXY', value: 'http://proxy.example.com:3128' }]],
  hostAliases: [[{ ip: '10.1.2.3', hostnames: ['minio.local'] }]],
  hostNetwork: [true],
  imagePullSecrets: [[{ name: 'regcred' }]],
  nodeSelector: [{ 'cloud.google.com/gke-nodepool': 'training' }],
  priorityClassName: ['high-priority'],
  runtimeClassName: ['gvisor'],
  schedulerName: ['volcano'],
  securityContext: [{ runAsNonRoot: true, fsGroup: 2000 }],
  tolerations: [[{ key: 'cloud.google.com/gke-preemptible', operator: 'Equal', value: 'true', effect: 'NoSchedule' }]],
  topologySpreadConstraints: [[{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'trainer' } } }]],
  volumes: [[{ name: 'cache', emptyDir: {} }]],
};

const DESCRIPTION =
  "Tekton's pod template (PipelineRun taskRunTemplate.podTemplate, or a task's taskRunSpecs podTemplate): how the task pods are scheduled and run. Every field of Tekton's PodTemplate; values are Kubernetes objects, copied into the manifest as written.";

/** Reads pod.Template from the two OpenAPI files (its fields must agree). */
export function tektonPodTemplate(apiDir) {
  const load = (file) => JSON.parse(readFileSync(join(apiDir, file), 'utf8')).definitions['pod.Template'];
  const v1 = load('v1.swagger.json');
  const v1beta1 = load('v1beta1.swagger.json');
  if (JSON.stringify(v1) !== JSON.stringify(v1beta1)) throw new Error('pod.Template differs between the v1 and v1beta1 OpenAPI: decide which fields kft accepts');
  return v1;
}

/** The PodTemplate definition kft's schema holds for Tekton's pod.Template. */
export function podTemplateDefinition(tekton, existingDefinitions) {
  const properties = {};
  for (const [name, field] of Object.entries(tekton.properties)) {
    if (name in NEWER_THAN_TARGETS) continue;
    if (!TITLES[name] || !EXAMPLES[name]) throw new Error(`pod.Template field '${name}' is new: give it a title and examples in scripts/gen-pod-template.mjs`);
    properties[name] = { title: TITLES[name], description: field.description, ...typeOf(field, name, existingDefinitions), ...CONSTRAINTS[name], examples: EXAMPLES[name] };
  }
  return {
    $comment:
      "Generated by scripts/gen-pod-template.mjs from Tekton's OpenAPI (tektoncd/pipeline, pkg/apis/pipeline/v1 and v1beta1 swagger.json, definition pod.Template; Copyright The Tekton Authors, Apache License 2.0). Do not edit by hand.",
    title: 'Pod template',
    description: DESCRIPTION,
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties,
    examples: [{ dnsConfig: EXAMPLES.dnsConfig[0], hostAliases: EXAMPLES.hostAliases[0], priorityClassName: 'high-priority' }],
  };
}

/** The JSON type of a field, with Kubernetes references mapped to kft's definitions. */
function typeOf(field, name, existingDefinitions) {
  const ref = (target) => {
    const mapped = K8S_TYPES[target.replace('#/definitions/', '')];
    if (!mapped) throw new Error(`pod.Template field '${name}' refers to ${target}, which K8S_TYPES does not map`);
    if (!existingDefinitions[mapped]) throw new Error(`schemas/pipeline.schema.json has no definition '${mapped}' (for ${target})`);
    return { $ref: `#/definitions/${mapped}` };
  };
  if (field.$ref) return ref(field.$ref);
  switch (field.type) {
    case 'array':
      return { type: 'array', items: field.items.$ref ? ref(field.items.$ref) : { type: field.items.type } };
    case 'object':
      return { type: 'object', additionalProperties: { type: field.additionalProperties.type } };
    case 'string':
    case 'boolean':
    case 'integer':
      return { type: field.type };
    default:
      throw new Error(`pod.Template field '${name}' has type ${field.type}, which the generator does not map`);
  }
}

/** schemas/pipeline.schema.json's text with the PodTemplate definition generated from `apiDir`. */
export function generatedSchemaText(apiDir, schemaText) {
  const schema = JSON.parse(schemaText);
  const definition = podTemplateDefinition(tektonPodTemplate(apiDir), schema.definitions);
  // Replaced in place (key order kept), or added at the end.
  schema.definitions[DEFINITION] = definition;
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apiDir = join(process.env.KFT_SHARED ?? join(root, '..', 'shared'), 'tekton-api');
  if (!existsSync(join(apiDir, 'v1.swagger.json'))) {
    console.error(`gen-pod-template: ${apiDir} is absent; nothing to do`);
    process.exit(2);
  }
  const current = readFileSync(schemaFile, 'utf8');
  const wanted = generatedSchemaText(apiDir, current);
  if (process.argv.includes('--check')) {
    if (wanted !== current) {
      console.error('gen-pod-template: schemas/pipeline.schema.json PodTemplate is not what Tekton\'s OpenAPI gives; run node scripts/gen-pod-template.mjs');
      process.exit(1);
    }
  } else if (wanted !== current) writeFileSync(schemaFile, wanted);
}
