/**
 * schemas/*.json document the spec for editors (yaml-language-server shows title and description
 * on hover, offers `default` and `examples` on completion), and what they say must be true:
 * - every field (every entry of a `properties`) has a title, a description and examples;
 * - every field has a `default`, except required fields and the fields listed in NO_DEFAULT with
 *   the reason absence cannot be written as a value (docs/spec.md, "Editor support", states the rule);
 *   a const field's default is its constant, which the editor then inserts;
 * - every example and default is valid against the field's own schema;
 * - a default is the value kft uses when the field is absent: writing it into the specs of
 *   fixtures/ and examples/ that leave it out gives byte-identical manifests.
 */
import AjvModule, { type ValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import { bundledPipelineSchema } from '../src/cli/schema/bundle.js';
import { compile, type CompileOptions } from '../src/compile.js';
import { nodeHost } from '../src/host.js';
import { fixturesDir, repoRoot } from './helpers.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
type Schema = Record<string, unknown>;

const schemaDir = join(repoRoot, 'schemas');
const schemaFiles = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
const schemas = new Map(schemaFiles.map((f) => [f, JSON.parse(readFileSync(join(schemaDir, f), 'utf8')) as Schema]));
const ROOT_NAMES: Record<string, string> = { 'pipeline.schema.json': 'Pipeline', 'component.schema.json': 'Component' };

/**
 * Fields without a default although they are optional, by reason. Names are `Definition.field`
 * (`Pipeline.x` / `Component.x` for the documents' top level, `Definition.object.field` inside an
 * inline object).
 */
const NO_DEFAULT: Record<string, string[]> = {
  // Absence means "not set": kft writes nothing and Tekton, Kubernetes or the controller applies its
  // own default (named in the description). Any value, even that default, is then written out.
  'absent means unset; the platform default applies': [
    'Task.timeout', 'Task.imagePullPolicy', 'Task.securityContext', 'Task.affinity', 'Task.serviceAccount',
    'LoopGroup.parallelism', 'LoopGroup.iterateParamPassStyle', 'LoopGroup.itemPassStyle',
    'PipelineConfig.timeout', 'PipelineConfig.serviceAccount', 'PipelineConfig.securityContext', 'PipelineConfig.automountServiceAccountToken',
    'AfterAny.statusPath', 'AfterAny.skippingPolicy', 'AfterAny.errorPolicy', 'LoopSource.range.step',
    'DataPassingConfig.persistentVolumeClaim.readOnly',
    'VolumeMount.subPath', 'VolumeMount.subPathExpr', 'VolumeMount.mountPropagation',
    'Container.command', 'Container.args', 'Container.script', 'Container.workingDir', 'Container.resources', 'Container.imagePullPolicy',
    'Container.securityContext', 'Container.readinessProbe', 'Container.startupProbe',
    'Toleration.key', 'Toleration.operator', 'Toleration.value', 'Toleration.effect', 'Toleration.tolerationSeconds',
    'Affinity.nodeAffinity', 'Affinity.podAffinity', 'Affinity.podAntiAffinity',
    'SecurityContext.runAsUser', 'SecurityContext.runAsGroup', 'SecurityContext.runAsNonRoot', 'SecurityContext.seLinuxOptions',
    'SecurityContext.seccompProfile', 'SecurityContext.appArmorProfile', 'SecurityContext.windowsOptions', 'SecurityContext.privileged',
    'SecurityContext.allowPrivilegeEscalation', 'SecurityContext.readOnlyRootFilesystem', 'SecurityContext.capabilities', 'SecurityContext.procMount',
    'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsGroup', 'PodSecurityContext.runAsNonRoot', 'PodSecurityContext.seLinuxOptions',
    'PodSecurityContext.seccompProfile', 'PodSecurityContext.appArmorProfile', 'PodSecurityContext.windowsOptions', 'PodSecurityContext.fsGroup',
    'PodSecurityContext.fsGroupChangePolicy', 'PodSecurityContext.supplementalGroups', 'PodSecurityContext.sysctls',
    'TaskWorkspace.mountPath', 'Workspace.subPath',
    'ResourceImplementation.mergeStrategy', 'ResourceImplementation.successCondition', 'ResourceImplementation.failureCondition',
    'VolumeImplementation.storageClass', 'VolumeImplementation.dataSource', 'VolumeSnapshotImplementation.snapshotClass',
    'ContainerImplementation.command',
    // Tekton's pod template and the Kubernetes types it holds: every field is Kubernetes' to default.
    'Task.podTemplate', 'PipelineConfig.podTemplate',
    ...['affinity', 'automountServiceAccountToken', 'dnsConfig', 'dnsPolicy', 'enableServiceLinks', 'env', 'hostAliases', 'hostNetwork', 'imagePullSecrets',
      'nodeSelector', 'priorityClassName', 'runtimeClassName', 'schedulerName', 'securityContext', 'tolerations', 'topologySpreadConstraints', 'volumes'].map((f) => `PodTemplate.${f}`),
    'PodDNSConfig.nameservers', 'PodDNSConfig.searches', 'PodDNSConfig.options', 'PodDNSConfig.options/items.value', 'HostAlias.hostnames',
    'TopologySpreadConstraint.labelSelector', 'TopologySpreadConstraint.matchLabelKeys', 'TopologySpreadConstraint.minDomains',
    'TopologySpreadConstraint.nodeAffinityPolicy', 'TopologySpreadConstraint.nodeTaintsPolicy',
  ],
  // Absence has a meaning of its own that no value of the field's type expresses.
  'absence has its own meaning': [
    'Param.default', // no default: the run must pass a value (or, optional, may leave it unset)
    'Param.type', // untyped: not checked, and no type in the pipeline_spec annotation (KFP's untyped parameter)
    'InputSpec.default', // no default: a task must pass an argument (unless optional)
    'InputSpec.type', 'OutputSpec.type', // untyped: any value, no type check
    'Task.nodeSelector', 'Task.tolerations', // absent: config's (or taskDefaults') apply; a value replaces them
    'Task.image', // absent: the component's image
    'Task.displayName', 'GraphCall.displayName', // absent: the task name
    'Task.afterAny', // absent: the task runs after all of its dependencies
    'TaskDefaults.tasks', 'TaskDefaults.components', // both absent: every container task
    'CustomTaskImplementation.params', // absent: one param per input
    'VolumeImplementation.resourceName', 'VolumeSnapshotImplementation.resourceName', // absent: the task name
    'Component.name', // absent: the component has no name, tasks are named by their key
    'DataPassingConfig.pathPrefix', // absent: the volume's root, no subPath
    'IfPlaceholder.if.else', // absent: nothing
    'AfterAny.name', // absent: <task>-after-any
    'ComponentReference.digest', // absent: the mapped file is not checked
  ],
  // Written into the manifest as given: an empty list or map, or readOnly: false, would appear in the
  // output (the same for Kubernetes, yet not the same manifest). Sidecar ports: init containers (Tekton
  // steps) must not have the field at all.
  'written through as given': [
    'Task.resources', 'Resources.requests', 'Resources.limits', 'VolumeMount.readOnly',
    'Container.env', 'Container.volumeMounts', 'Container.ports', 'TaskWorkspace.readOnly',
  ],
  // kfp 1.8 drops these when it inlines a graph component; kft refuses them when present (GraphComponents).
  'refused when present': ['GraphTask.isEnabled', 'GraphTask.executionOptions'],
  // KFP's component-store keys and type annotations, which kft reads nothing from.
  'informational': ['ComponentReference.name', 'ComponentReference.tag', 'GraphInputArgument.graphInput.type', 'TaskOutputArgument.taskOutput.type'],
  // Descriptions are free text; absent writes no description at all.
  'free text': ['Metadata.description', 'Param.description', 'Graph.description', 'Component.description', 'InputSpec.description', 'OutputSpec.description'],
  // One of several alternatives must be given (oneOf/anyOf of the parent); each alone has no default.
  'one of alternatives': [
    'LoopSource.items', 'LoopSource.from', 'LoopSource.range', 'LoopSource.split',
    'Implementation.container', 'Implementation.graph', 'Implementation.customTask', 'Implementation.resource', 'Implementation.volume', 'Implementation.python', 'Implementation.volumeSnapshot',
    'PythonImplementation.file', 'PythonImplementation.source',
    'CustomTaskImplementation.taskRef', 'CustomTaskImplementation.taskSpec',
    'DataPassingConfig.persistentVolumeClaim', 'DataPassingConfig.volumeClaimTemplate',
    'Workspace.persistentVolumeClaim', 'Workspace.volumeClaimTemplate', 'Workspace.emptyDir', 'Workspace.configMap',
    'Workspace.secret', 'Workspace.projected', 'Workspace.csi',
    'EnvVar.value', 'EnvVar.valueFrom',
    'ComponentReference.url', 'ComponentReference.spec',
  ],
};

interface Field {
  file: string;
  /** JSON pointer of the field's schema inside its file. */
  pointer: string;
  /** JSON pointer of the object schema that has the field. */
  parent: string;
  name: string;
  /** `Definition.field`, as NO_DEFAULT names it. */
  short: string;
  schema: Schema;
  required: boolean;
}

/** Every entry of every `properties` in the schema files (not inside default/examples/const/enum). */
function fields(): Field[] {
  const out: Field[] = [];
  for (const [file, root] of schemas) {
    const walk = (node: unknown, pointer: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${pointer}/${i}`));
      if (!node || typeof node !== 'object') return;
      const record = node as Schema;
      const required = new Set((record.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((record.properties as Record<string, Schema> | undefined) ?? {})) {
        const at = `${pointer}/properties/${name}`;
        const short = at.replace(/^\/definitions\//, '').replace(/^\/properties\//, `${ROOT_NAMES[file]}/properties/`).replaceAll('/properties/', '.');
        out.push({ file, pointer: at, parent: pointer, name, short, schema, required: required.has(name) });
      }
      for (const [key, value] of Object.entries(record)) if (!['default', 'examples', 'const', 'enum'].includes(key)) walk(value, `${pointer}/${key}`);
    };
    walk(root, '');
  }
  return out;
}

const all = fields();
const noDefault = new Map(Object.entries(NO_DEFAULT).flatMap(([reason, names]) => names.map((n) => [n, reason] as const)));

function validatorFor(ajv: InstanceType<typeof Ajv>, file: string, pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${schemas.get(file)!.$id as string}#${pointer}`);
  if (!validate) throw new Error(`no schema at ${file}#${pointer}`);
  return validate;
}

describe('schemas/*.json for editors', () => {
  const ajv = new Ajv({ strict: false });
  for (const schema of schemas.values()) ajv.addSchema(schema);

  it('names every field uniquely (Definition.field) and lists only real fields in NO_DEFAULT', () => {
    const shorts = all.map((f) => f.short);
    expect(shorts.filter((s, i) => shorts.indexOf(s) !== i)).toEqual([]);
    expect([...noDefault.keys()].filter((n) => !shorts.includes(n))).toEqual([]);
  });

  it('gives every field a title, a description and examples', () => {
    const missing = all.filter((f) => typeof f.schema.title !== 'string' || typeof f.schema.description !== 'string' || !Array.isArray(f.schema.examples) || f.schema.examples.length === 0);
    expect(missing.map((f) => `${f.file}#${f.pointer}`).join('\n')).toBe('');
  });

  it('gives every optional field a default unless NO_DEFAULT gives the reason; required fields have none (const fields: their constant)', () => {
    const wrong = all.flatMap((f) => {
      const has = 'default' in f.schema;
      if (f.required) return has && !('const' in f.schema && f.schema.default === f.schema.const) ? [`${f.short}: required, yet has a default`] : [];
      if (noDefault.has(f.short)) return has ? [`${f.short}: has a default, yet NO_DEFAULT says '${noDefault.get(f.short)}'`] : [];
      return has ? [] : [`${f.short}: no default and not in NO_DEFAULT`];
    });
    expect(wrong.join('\n')).toBe('');
  });

  it('gives only examples and defaults that are valid for the field', () => {
    const invalid = all.flatMap((f) => {
      const validate = validatorFor(ajv, f.file, f.pointer);
      const values = [...((f.schema.examples as unknown[]) ?? []).map((v, i) => [`examples[${i}]`, v] as const), ...('default' in f.schema ? [['default', f.schema.default] as const] : [])];
      return values.filter(([, v]) => !validate(v)).map(([what, v]) => `${f.short} ${what} ${JSON.stringify(v)}: ${ajv.errorsText(validate.errors)}`);
    });
    expect(invalid.join('\n')).toBe('');
  });

  it('publishes them in the bundled schema (kft schema, kft.schema.json)', () => {
    const bundled = JSON.stringify(bundledPipelineSchema());
    for (const f of all) for (const key of ['default', 'examples'] as const) if (key in f.schema) expect(bundled).toContain(`${JSON.stringify(key)}:${JSON.stringify(f.schema[key])}`);
    expect(readFileSync(join(repoRoot, 'kft.schema.json'), 'utf8')).toBe(JSON.stringify(bundledPipelineSchema(), null, 2) + '\n');
  });
});

// ---------------------------------------------------------------------------------------------
// Defaults are true: the corpus of specs that build, each object in them mapped to its schema.

interface Spec {
  path: string;
  options: CompileOptions;
}

/** Specs of fixtures/build, fixtures/conformance and examples/ (those with an expected build). */
function corpus(): Spec[] {
  const specs: Spec[] = [];
  const add = (dir: string) => {
    const optionsFile = join(dir, 'options.json');
    specs.push({ path: join(dir, 'spec.yaml'), options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as CompileOptions) : {} });
  };
  for (const group of ['build', 'conformance']) for (const name of readdirSync(join(fixturesDir, group)).sort()) if (existsSync(join(fixturesDir, group, name, 'expected.yaml'))) add(join(fixturesDir, group, name));
  for (const name of readdirSync(join(repoRoot, 'examples')).sort()) if (existsSync(join(repoRoot, 'examples', name, 'spec.yaml'))) add(join(repoRoot, 'examples', name));
  return specs;
}

/** A document of the corpus: a spec, or a component file one of them references. */
interface Doc {
  spec: Spec;
  path: string;
  file: string; // the schema file that validates it
  data: unknown;
}

function documents(spec: Spec): Doc[] {
  const data = parseYaml(readFileSync(spec.path, 'utf8')) as { spec?: { components?: Record<string, { file?: string }> } };
  const docs: Doc[] = [{ spec, path: spec.path, file: 'pipeline.schema.json', data }];
  for (const source of Object.values(data.spec?.components ?? {})) {
    if (typeof source?.file !== 'string') continue;
    const path = resolve(dirname(spec.path), source.file);
    // A component file written as only kfp's reader accepts it (fixtures/build/component_file_pyyaml_flow)
    // is not YAML 1.2 for the yaml package: its spec stays in the corpus, the file itself is left out.
    const text = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (text !== undefined && parseDocument(text).errors.length === 0) docs.push({ spec, path, file: 'component.schema.json', data: parseYaml(text) });
  }
  return docs;
}

/**
 * Where each object schema (by pointer) applies in a document: ajv runs a marker keyword placed
 * beside every `properties`; matches inside oneOf/anyOf branches that fail are dropped by
 * validating the object against that schema alone.
 */
function schemaSites(): (doc: Doc) => Map<string, string[]> {
  const ajv = new Ajv({ strict: false });
  let seen: [string, string][] = [];
  ajv.addKeyword({
    keyword: 'x-kft-site',
    schemaType: 'string',
    errors: false,
    validate: (site: string, _data: unknown, _parent?: unknown, cxt?: DataValidationCxt) => {
      if (cxt) seen.push([site, cxt.instancePath]);
      return true;
    },
  });
  const marked = (file: string, node: unknown, pointer: string): unknown => {
    if (Array.isArray(node)) return node.map((n, i) => marked(file, n, `${pointer}/${i}`));
    if (!node || typeof node !== 'object') return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) out[key] = ['default', 'examples', 'const', 'enum'].includes(key) ? value : marked(file, value, `${pointer}/${key}`);
    if ('properties' in out) out['x-kft-site'] = `${file}#${pointer}`;
    return out;
  };
  for (const [file, schema] of schemas) ajv.addSchema(marked(file, schema, '') as Schema);
  const plain = new Ajv({ strict: false });
  for (const schema of schemas.values()) plain.addSchema(schema);
  return (doc) => {
    seen = [];
    const ok = validatorFor(ajv, doc.file, '')(doc.data);
    if (!ok) throw new Error(`${doc.path} is not valid for ${doc.file}`);
    const sites = new Map<string, string[]>();
    for (const [site, at] of seen) {
      const [file, pointer] = site.split('#') as [string, string];
      if (!validatorFor(plain, file, pointer)(valueAt(doc.data, at))) continue;
      const list = sites.get(site) ?? [];
      if (!list.includes(at)) list.push(at);
      sites.set(site, list);
    }
    return sites;
  };
}

const decode = (token: string) => token.replaceAll('~1', '/').replaceAll('~0', '~');
const valueAt = (data: unknown, at: string): unknown => (at === '' ? data : at.slice(1).split('/').map(decode).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data));

function build(spec: Spec, overrides: Map<string, string>) {
  const host = { ...nodeHost, readFile: (p: string) => overrides.get(resolve(p)) ?? nodeHost.readFile(p) };
  return compile({ path: spec.path, text: overrides.get(spec.path) ?? readFileSync(spec.path, 'utf8') }, { ...spec.options, host });
}

/**
 * The component_spec_digest annotation hashes the component as written (as kfp-tekton does), so any
 * edit of a component, writing a default included, changes it; the rest of the output must not change.
 */
const maskDigests = (text: string) => text.replace(/@sha256=[0-9a-f]{64}/g, '@sha256=…');

/** The spec built twice: with the document re-serialised as is, and with `field: value` written into the object at `at`. */
function buildWithAndWithout(doc: Doc, at: string, field: string, value: unknown): [string, string] {
  const outputs = [false, true].map((write) => {
    const data = structuredClone(doc.data);
    if (write) (valueAt(data, at) as Record<string, unknown>)[field] = structuredClone(value);
    const result = build(doc.spec, new Map([[doc.path, stringifyYaml(data)]]));
    if (!result.ok) return `failed: ${result.diagnostics.map((d) => d.message).join('; ')}`;
    return maskDigests(result.text);
  });
  return outputs as [string, string];
}

describe('schema defaults are what kft does when the field is absent', () => {
  const defaulted = all.filter((f) => 'default' in f.schema && !f.required);
  const sitesOf = schemaSites();
  const docs = corpus().flatMap(documents);
  const sites = docs.map((doc) => [doc, sitesOf(doc)] as const);
  /** Up to three objects of the corpus (from different specs) where the field could be written and is not. */
  const placesFor = (f: Field) => {
    const places: [Doc, string][] = [];
    for (const [doc, map] of sites) {
      const at = (map.get(`${f.file}#${f.parent}`) ?? []).find((p) => !(f.name in (valueAt(doc.data, p) as object)));
      if (at !== undefined && !places.some(([d]) => d.spec === doc.spec)) places.push([doc, at]);
      if (places.length === 3) break;
    }
    return places;
  };

  for (const f of defaulted) {
    it(`${f.short}: ${JSON.stringify(f.schema.default)}`, () => {
      const places = placesFor(f);
      expect(places.length, `no spec in fixtures/ or examples/ leaves ${f.short} out where it could be written`).toBeGreaterThan(0);
      for (const [doc, at] of places) {
        const [without, withDefault] = buildWithAndWithout(doc, at, f.name, f.schema.default);
        expect(without.startsWith('failed:'), without).toBe(false);
        expect(withDefault, `${doc.path}#${at}`).toBe(without);
      }
    });
  }
});
