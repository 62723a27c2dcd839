import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FIELDS } from '../../../src/model/referenceFields.js';
import type { NodeKind } from '../../../src/model/specModel.js';
import { repoRoot } from '../../helpers.js';
import { compileText, doc, locate, where } from '../../specs.js';

const components = 'components: {p: {outputs: [{name: out}], implementation: {container: {image: alpine, command: [x, {outputPath: out}]}}}, c: {inputs: [{name: a}], implementation: {container: {image: alpine, command: [{inputValue: a}]}}}}';

describe('ReferencePlacement', () => {
  it('reports a reference in a field Tekton does not substitute at the reference, with why and what to do', () => {
    const text = doc('params: {x: {default: "1"}}', components, 'tasks:', '  p: {component: p}',
      '  t: {component: c, arguments: {a: x}, resources: {limits: {cpu: "{{tasks.p.outputs.out}}"}}, nodeSelector: {pool: "n-{{params.x}}"}, labels: {l: "{{params.x}}"}}');
    const result = compileText(text);
    expect(where(result)).toEqual([
      `${locate(text, '{{tasks.p.outputs.out}}')} misplaced-reference`,
      `${locate(text, '{{params.x}}')} misplaced-reference`,
      `${locate(text, '{{params.x}}', 2)} misplaced-reference`,
    ]);
    const [resources, nodeSelector, labels] = result.diagnostics;
    expect(resources!.message).toBe('{{tasks.p.outputs.out}} in resources.limits.cpu is not substituted: Tekton parses resource quantities when it admits the run, before any value exists (kfp-tekton writes such references anyway, and the cluster rejects the run)');
    expect(resources!.hint).toMatch(/^Set requests and limits to constants/);
    expect(nodeSelector!.message).toMatch(/taskRunSpecs/);
    expect(labels!.hint).toBe('Pass the value to the container as an argument or in env.');
  });

  it('also reports what a misplaced reference fails to resolve to', () => {
    const text = doc(components, 'tasks:', '  t: {component: c, arguments: {a: x}, tolerations: [{key: k, operator: Equal, value: "{{tasks.nope.outputs.x}}"}]}');
    const at = locate(text, '{{tasks.nope');
    expect(where(compileText(text))).toEqual([`${at} misplaced-reference`, `${at} unknown-task`]);
  });

  it('reports references in keys, inside object arguments, in run settings and in parameter defaults', () => {
    const text = doc('params: {x: {default: "{{params.y}}"}}', components, 'tasks:',
      '  t: {component: c, arguments: {a: {k: "{{params.x}}"}}, env: {"{{params.x}}": v}}',
      'config: {env: {E: "{{params.x}}"}, taskDefaults: [{labels: {l: "{{params.x}}"}}]}');
    const result = compileText(text);
    expect(result.diagnostics.map((d) => d.message.replace(/ is not substituted.*/, ''))).toEqual([
      '{{params.y}} in spec.params.x.default',
      '{{params.x}} in arguments.a.k',
      '{{params.x}} in a key of env',
      '{{params.x}} in spec.config.env.E',
      '{{params.x}} in spec.config.taskDefaults.0.labels.l',
    ]);
    expect(result.diagnostics.every((d) => d.code === 'misplaced-reference')).toBe(true);
  });

  it('leaves other {{...}} text alone outside reference fields, and reports malformed references there', () => {
    const text = doc(components, 'tasks:', '  t: {component: c, arguments: {a: x}, annotations: {go: "{{ .Values.x }}", argo: "{{workflow.name}}", bad: "{{params.a.b}}"}}');
    expect(where(compileText(text))).toEqual([`${locate(text, '{{params.a.b}}')} misplaced-reference`]);
  });

  it('takes references in a custom task\'s arguments only: it has no container for image or env', () => {
    const cel = 'components: {cel: {inputs: [{name: e}], outputs: [{name: outcome}], implementation: {customTask: {apiVersion: cel.tekton.dev/v1alpha1, kind: CEL, name: c}}}}';
    const text = doc('params: {x: {default: "1"}}', cel, 'tasks:', '  t: {component: cel, arguments: {e: "{{params.x}}"}, image: "i:{{params.x}}"}');
    // The field itself is an error too (CustomTaskFields); the reference in it is reported where it is.
    expect(where(compileText(text))).toEqual([`${locate(text, 'image: "i')} custom-task-unsupported-field`, `${locate(text, '{{params.x}}', 2)} misplaced-reference`]);
  });

  it('does not look into components: their {{...}} are Argo variables and placeholders', () => {
    const text = doc('components: {c: {implementation: {container: {image: "alpine", command: [echo, "{{workflow.name}}"]}}}}', 'tasks:', '  t: {component: c}');
    expect(compileText(text).diagnostics).toEqual([]);
  });
});

/**
 * Every field of the schemas, walked: a reference placed in any string position of a node, of the
 * pipeline's settings or of its metadata is an error (misplaced-reference) unless the position is a
 * reference field of referenceFields.ts, where it is resolved (here: reported as unknown-task).
 * A new schema field therefore cannot take references silently.
 */
describe('ReferencePlacement over every field of the schema', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'pipeline.schema.json'), 'utf8')) as Schema & { definitions: Record<string, Schema> };
  const REF = '{{tasks.nope.outputs.x}}';
  const NODE_DEFINITIONS: Record<NodeKind, string> = {
    task: 'Task', graphCall: 'GraphCall', condition: 'ConditionGroup', loop: 'LoopGroup', anySequencer: 'AnySequencerTask', customGroup: 'CustomGroup', break: 'BreakTask', exitHandler: 'ExitHandlerGroup',
  };
  const NODE_BASES: Record<NodeKind, Record<string, unknown>> = {
    task: { component: 'c' },
    graphCall: { graph: 'g' },
    condition: { if: 'a == b', tasks: { inner: { component: 'c' } } },
    loop: { loop: { items: [1] }, tasks: { inner: { component: 'c' } } },
    anySequencer: { anySequencer: { tasks: ['other'] } },
    customGroup: { group: { apiVersion: 'custom.dev/v1', kind: 'G' }, tasks: { inner: { component: 'c' } } },
    break: { break: true },
    exitHandler: { tasks: { inner: { component: 'c' } }, onExit: { clean: { component: 'c' } } },
  };
  const base = () => ({
    params: { p: { default: 'x' } },
    components: { c: { inputs: [{ name: 'k', optional: true }], implementation: { container: { image: 'alpine', command: [{ inputValue: 'k' }] } } } },
    graphs: { g: { params: { k: { optional: true } }, tasks: { gt: { component: 'c' } } } },
    tasks: { other: { component: 'c' } } as Record<string, unknown>,
  });

  /** Compiles a document with REF at one place; the codes reported on the line that holds it. */
  const codesAt = (document: Record<string, unknown>): string[] => {
    const text = stringify(document, { lineWidth: 0 });
    const line = text.slice(0, text.indexOf(REF)).split('\n').length;
    return compileText(text).diagnostics.filter((d) => d.range?.line === line).map((d) => d.code);
  };

  for (const kind of Object.keys(NODE_DEFINITIONS) as NodeKind[]) {
    const listed = new Set(REFERENCE_FIELDS[kind].map(pattern));
    const places = [...leaves(schema.definitions[NODE_DEFINITIONS[kind]]!, schema, [])];
    // The listed fields below free-form objects (volumes, env sources) are places too.
    for (const field of REFERENCE_FIELDS[kind]) places.push({ path: concrete(field), key: false });
    it(`${kind}: ${places.length} places, ${listed.size} take references`, () => {
      // An exit handler has nothing but nested nodes.
      if (kind !== 'exitHandler') expect(places.length).toBeGreaterThan(0);
      for (const { path, key } of places) {
        const spec = base();
        const node = structuredClone(NODE_BASES[kind]);
        place(node, path, key, REF);
        spec.tasks.node = node;
        const codes = codesAt({ apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'test' }, spec });
        const isListed = !key && [...listed].some((p) => p.test(path.join('.')));
        // A misplaced reference is resolved too; a key is a name and is not.
        const wanted = isListed ? ['unknown-task'] : key ? ['misplaced-reference'] : ['misplaced-reference', 'unknown-task'];
        expect.soft(codes, `${kind} ${key ? 'key at ' : ''}${path.join('.')}`).toEqual(expect.arrayContaining(wanted));
        if (isListed) expect.soft(codes, `${kind} ${path.join('.')}`).not.toContain('misplaced-reference');
      }
    });
  }

  it('the pipeline\'s own fields take no references: metadata, params, graphs\' params, config', () => {
    const places = [
      ...[...leaves(schema.definitions.Metadata!, schema, [])].map((p) => ({ ...p, path: ['metadata', ...p.path] })),
      ...[...leaves(schema.definitions.PipelineSpec!, schema, [])].filter((p) => !['tasks', 'finally', 'components', 'graphs'].includes(String(p.path[0]))).map((p) => ({ ...p, path: ['spec', ...p.path] })),
      ...[...leaves(schema.definitions.Graph!, schema, [])].filter((p) => p.path[0] !== 'tasks').map((p) => ({ ...p, path: ['spec', 'graphs', 'g', ...p.path] })),
    ];
    expect(places.length).toBeGreaterThan(30);
    for (const { path, key } of places) {
      const document: Record<string, unknown> = { apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'test' }, spec: base() };
      place(document, path, key, REF);
      expect.soft(codesAt(document), `${key ? 'key at ' : ''}${path.join('.')}`).toContain('misplaced-reference');
    }
  });
});

interface Schema {
  readonly $ref?: string;
  readonly type?: string | string[];
  readonly properties?: Record<string, Schema>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
}

type Segment = string | number;

/**
 * The places of a schema: every leaf (a scalar, or an object or list the schema leaves open) and
 * every map whose keys a user chooses (`key: true`: the place is a key of that map). Maps get the
 * key `k`, lists the index 0, open objects a field `x`. Nested nodes (`tasks`, `onExit`) are not
 * walked: they are nodes of their own.
 */
function* leaves(schema: Schema, root: { definitions: Record<string, Schema> }, path: Segment[], depth = 0): Generator<{ path: Segment[]; key: boolean }> {
  if (depth > 12) return;
  if (schema.$ref) {
    // Nested nodes are nodes of their own; components (another schema) are not the pipeline's fields.
    const target = schema.$ref.startsWith('#/definitions/') ? root.definitions[schema.$ref.slice('#/definitions/'.length)] : undefined;
    if (schema.$ref === '#/definitions/Nodes' || !target) return;
    yield* leaves(target, root, path, depth + 1);
    return;
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const seen = new Set<string>();
    for (const branch of branches) {
      for (const leaf of leaves(branch, root, path, depth + 1)) {
        const id = `${leaf.key}:${leaf.path.join('.')}`;
        if (!seen.has(id)) {
          seen.add(id);
          yield leaf;
        }
      }
    }
    return;
  }
  if (schema.type === 'array') {
    if (schema.items) yield* leaves(schema.items, root, [...path, 0], depth + 1);
    else yield { path: [...path, 0], key: false };
    return;
  }
  if (schema.type === 'object' || schema.properties) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) yield* leaves(property, root, [...path, name], depth + 1);
    const extra = schema.additionalProperties;
    if (typeof extra === 'object') {
      yield { path, key: true };
      yield* leaves(extra, root, [...path, 'k'], depth + 1);
    } else if (extra !== false) {
      yield { path, key: true };
      yield { path: [...path, 'x'], key: false };
    }
    return;
  }
  yield { path, key: false };
}

/** A reference field as a pattern over concrete paths. */
function pattern(field: string): RegExp {
  const source = field.split('.').map((s) => (s === '**' ? '.+' : s === '*' ? '[^.]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('\\.');
  return new RegExp(`^${source}$`);
}

/** A concrete path of a reference field: lists (Kubernetes' `items`, `sources`, and the spec's) get index 0, maps key `k`. */
function concrete(field: string): Segment[] {
  const lists = new Set(['command', 'args', 'conditions', 'items', 'sources', 'volumes', 'volumeMounts', 'initContainers', 'sidecars', 'env']);
  const segments = field.split('.');
  return segments.flatMap((s, i): Segment[] => {
    if (s === '**') return [0];
    if (s !== '*') return [s];
    const previous = segments[i - 1]!;
    // A task's env is a map; a container's env (below a list entry) is a list.
    if (previous === 'env') return [segments[0] === 'env' ? 'k' : 0];
    return [lists.has(previous) ? 0 : 'k'];
  });
}

/** Puts `value` at `path` of `target` (or, for a key, a map with `value` as its one key), creating objects and lists on the way. */
function place(target: Record<string, unknown>, path: readonly Segment[], key: boolean, value: string): void {
  let at: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (last && !key) {
      at[segment] = value;
      return;
    }
    const next = path[i + 1];
    const existing = at[segment];
    if (typeof existing !== 'object' || existing === null) at[segment] = typeof next === 'number' ? [] : {};
    at = at[segment] as Record<string | number, unknown>;
  }
  if (key) {
    for (const k of Object.keys(at)) delete at[k];
    at[value] = 'v';
  }
}
