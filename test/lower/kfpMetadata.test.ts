/**
 * pyJson writes what Python's json.dumps(sort_keys=True) writes for kfp-tekton's annotations:
 * `, ` and `: ` separators, keys sorted, nested lists and maps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArtifactRecords, type TaskArtifacts } from '../../src/lower/dataPassing/artifacts.js';
import { kfpRunAnnotations, pyJson } from '../../src/lower/kfpMetadata.js';
import type { SpecModel } from '../../src/model/specModel.js';

/** The definition, written the obvious way: sorted entries, joined. */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${reference(x)}`).join(', ')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

describe('pyJson', () => {
  it("uses Python's separators and sorts keys at every level", () => {
    expect(pyJson({ b: [1, { d: 'x', c: null }], a: 'é"' })).toBe('{"a": "é\\"", "b": [1, {"c": null, "d": "x"}]}');
    expect(pyJson([])).toBe('[]');
    expect(pyJson({})).toBe('{}');
    expect(pyJson([undefined])).toBe('[null]');
  });

  it('agrees with the definition on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(pyJson(v)).toBe(reference(v));
      }),
      { numRuns: 500 },
    );
  });
});

describe('kfpRunAnnotations', () => {
  const model = { config: {}, pipeline: { params: new Map() }, name: 'p' } as unknown as SpecModel;
  const name = fc.stringMatching(/^[a-z][-a-z0-9]{0,6}$/);
  const record = fc.record({
    outputs: fc.array(fc.record({ name, path: fc.string(), key: fc.string() }), { maxLength: 2 }),
    items: fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 2 }),
    inputs: fc.array(fc.record({ name, parent_task: name }), { maxLength: 2 }),
  });

  it('writes the artifact annotations as pyJson of the records by task name (outputs and inputs only where there are some)', () => {
    fc.assert(
      fc.property(fc.dictionary(name, record, { maxKeys: 6 }), (records) => {
        const artifacts = new ArtifactRecords();
        for (const [task, r] of Object.entries(records)) artifacts.record(task, r as TaskArtifacts);
        const byTask = (pick: (r: TaskArtifacts) => readonly unknown[], all: boolean) =>
          Object.fromEntries(artifacts.entries().filter(([, r]) => all || pick(r).length).map(([t, r]) => [t, pick(r)]));
        const annotations = kfpRunAnnotations(model, artifacts);
        expect(annotations['tekton.dev/output_artifacts']).toBe(pyJson(byTask((r) => r.outputs, false)));
        expect(annotations['tekton.dev/artifact_items']).toBe(pyJson(byTask((r) => r.items, true)));
        expect(annotations['tekton.dev/input_artifacts']).toBe(pyJson(byTask((r) => r.inputs, false)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('pipeline_spec annotation: parameter types as KFP records them', () => {
  it('writes the type as given, none for an untyped parameter', async () => {
    const { compileSpec } = await import('../specs.js');
    const result = compileSpec(
      {
        params: { untyped: { default: 'a' }, listed: { type: 'typing.List[dict]', default: [{ a: 1 }] }, custom: { type: 'Something', default: 's' }, typed: { type: 'Integer', default: 3 }, structured: { type: { GCSPath: { data_type: 'CSV' } }, default: 'gs://b/x.csv' } },
        components: { c: { implementation: { container: { image: 'busybox' } } } },
        tasks: { t: { component: 'c' } },
      },
      { kfpMetadata: true },
    );
    const annotation = (result.manifests[0]!.object.metadata as { annotations: Record<string, string> }).annotations['pipelines.kubeflow.org/pipeline_spec']!;
    expect(JSON.parse(annotation).inputs).toEqual([
      { default: 'a', name: 'untyped', optional: true },
      { default: '[{"a":1}]', name: 'listed', optional: true, type: 'typing.List[dict]' },
      { default: 's', name: 'custom', optional: true, type: 'Something' },
      { default: '3', name: 'typed', optional: true, type: 'Integer' },
      { default: 'gs://b/x.csv', name: 'structured', optional: true, type: { GCSPath: { data_type: 'CSV' } } },
    ]);
  });
});
