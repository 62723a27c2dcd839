/**
 * Every manifest kft emits for every fixture, in every API version and layout, is checked field by
 * field against Tekton's OpenAPI definitions (../shared/tekton-api): unknown fields fail, as
 * Tekton's webhook rejects them (e.g. `resources` on a v1 step, which v1 calls
 * `computeResources`). Kubernetes types the Tekton files do not define (Container fields,
 * ObjectMeta, RawExtension for custom task specs) are accepted as they are. Skipped cleanly
 * when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFixture, fixtureCases, fixturesDir, sharedDir } from '../helpers.js';

const apiDir = join(process.env.KFT_SHARED ?? sharedDir, 'tekton-api');
const available = existsSync(join(apiDir, 'v1.swagger.json'));

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; items?: Schema; required?: string[] };
type Definitions = Record<string, Schema>;

const load = (file: string): Definitions => (JSON.parse(readFileSync(join(apiDir, file), 'utf8')) as { definitions: Definitions }).definitions;

/** Problems of `value` against `schema`, as `path: message`. */
export function check(value: unknown, schema: Schema, defs: Definitions, path: string, problems: string[]): void {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    // ParamValue is a Go struct in the OpenAPI, but its JSON is a string, a list or a map of strings.
    if (name.endsWith('.ParamValue')) {
      const ok = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')) || (isMap(value) && Object.values(value).every((v) => typeof v === 'string'));
      if (!ok) problems.push(`${path}: not a string, list or map of strings`);
      return;
    }
    const target = defs[name];
    if (target) check(value, target, defs, path, problems);
    return;
  }
  switch (schema.type) {
    case 'object': {
      if (!isMap(value)) return void problems.push(`${path}: expected an object`);
      for (const field of schema.required ?? []) if (!(field in value)) problems.push(`${path}: missing required '${field}'`);
      for (const [key, v] of Object.entries(value)) {
        const property = schema.properties?.[key];
        if (property) check(v, property, defs, `${path}.${key}`, problems);
        else if (typeof schema.additionalProperties === 'object') check(v, schema.additionalProperties, defs, `${path}.${key}`, problems);
        else if (schema.properties) problems.push(`${path}: unknown field '${key}'`);
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) return void problems.push(`${path}: expected a list`);
      value.forEach((v, i) => schema.items && check(v, schema.items, defs, `${path}[${i}]`, problems));
      return;
    case 'string':
      if (typeof value !== 'string') problems.push(`${path}: expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${path}: expected an integer`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean`);
      return;
  }
}

/**
 * Every `pipelineSpec` inside a custom task's spec (Tekton sees those as raw data), and every
 * entry of a nested pipeline's `taskRunSpecs` (which the PipelineLoop controller hands to the
 * runs it creates), with the Tekton definition each is checked against.
 */
function* nestedPipelineSpecs(value: unknown, path: string, inCustom = false): Generator<[string, unknown, string]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* nestedPipelineSpecs(value[i], `${path}[${i}]`, inCustom);
  } else if (isMap(value)) {
    const custom = inCustom || (typeof value.apiVersion === 'string' && !value.apiVersion.startsWith('tekton.dev/'));
    if (custom && isMap(value.pipelineSpec) && Array.isArray(value.taskRunSpecs)) {
      for (let i = 0; i < value.taskRunSpecs.length; i++) yield [`${path}.taskRunSpecs[${i}]`, value.taskRunSpecs[i], 'PipelineTaskRunSpec'];
    }
    for (const [key, v] of Object.entries(value)) {
      if (key === 'pipelineSpec' && custom) yield [`${path}.${key}`, v, 'PipelineSpec'];
      yield* nestedPipelineSpecs(v, `${path}.${key}`, custom);
    }
  }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const variants = [
  { apiVersion: 'v1', layout: 'pipelinerun', loops: 'inline' },
  { apiVersion: 'v1', layout: 'pipeline', loops: 'separate' },
  { apiVersion: 'v1beta1', layout: 'pipelinerun', loops: 'inline' },
  { apiVersion: 'v1beta1', layout: 'pipeline', loops: 'separate' },
] as const;

describe.skipIf(!available)('emitted manifests against Tekton\'s OpenAPI', () => {
  const defs = available ? { v1: load('v1.swagger.json'), v1beta1: load('v1beta1.swagger.json') } : undefined;

  it('the checker rejects unknown fields and wrong types', () => {
    const problems: string[] = [];
    const step = { name: 'main', image: 'x', resources: { limits: { cpu: '1' } }, args: 'not a list' };
    check({ apiVersion: 'tekton.dev/v1', kind: 'PipelineRun', metadata: { name: 'x' }, spec: { pipelineSpec: { tasks: [{ name: 't', taskSpec: { steps: [step] }, retries: '2' }] } } }, { $ref: '#/definitions/v1.PipelineRun' }, defs!.v1, 'run', problems);
    expect(problems.sort()).toEqual([
      'run.spec.pipelineSpec.tasks[0].retries: expected an integer',
      "run.spec.pipelineSpec.tasks[0].taskSpec.steps[0]: unknown field 'resources'",
      'run.spec.pipelineSpec.tasks[0].taskSpec.steps[0].args: expected a list',
    ].sort());
  });

  it('finds the pipelines nested in custom tasks', () => {
    const loop = { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', spec: { pipelineSpec: { tasks: [] } } };
    const run = { spec: { pipelineSpec: { tasks: [{ name: 'l', taskSpec: loop }] } } };
    expect([...nestedPipelineSpecs(run, 'run')].map(([path]) => path)).toEqual(['run.spec.pipelineSpec.tasks[0].taskSpec.spec.pipelineSpec']);
    const separate = { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', spec: { pipelineSpec: { tasks: [] }, taskRunSpecs: [{ pipelineTaskName: 't' }] } };
    expect([...nestedPipelineSpecs(separate, 'loop')].map(([path, , definition]) => `${path} ${definition}`)).toEqual(['loop.spec.taskRunSpecs[0] PipelineTaskRunSpec', 'loop.spec.pipelineSpec PipelineSpec']);
  });

  for (const group of ['build', 'conformance']) {
    for (const name of fixtureCases(group)) {
      const dir = join(fixturesDir, group, name);
      const optionsFile = join(dir, 'options.json');
      const base = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      if (existsSync(join(dir, 'diagnostics.txt'))) continue;
      it(`${group}/${name}`, () => {
        for (const variant of variants) {
          const result = compileFixture(join(dir, 'spec.yaml'), { ...base, ...variant });
          expect(result.ok, `${variant.apiVersion} ${variant.layout}: ${result.diagnostics.map((d) => d.message).join('; ')}`).toBe(true);
          for (const manifest of result.manifests) {
            const problems: string[] = [];
            const label = `${manifest.kind}(${manifest.name})`;
            if (manifest.apiVersion.startsWith('tekton.dev/')) {
              expect(manifest.apiVersion, 'the API version asked for').toBe(`tekton.dev/${variant.apiVersion}`);
              check(manifest.object, { $ref: `#/definitions/${variant.apiVersion}.${manifest.kind}` }, defs![variant.apiVersion], label, problems);
            }
            // Pipelines nested in custom tasks (loops, groups) are Tekton pipeline specs too.
            for (const [path, spec, definition] of nestedPipelineSpecs(manifest.object, label)) check(spec, { $ref: `#/definitions/${variant.apiVersion}.${definition}` }, defs![variant.apiVersion], path, problems);
            expect(problems, `${variant.apiVersion} ${variant.layout}`).toEqual([]);
          }
        }
      });
    }
  }
});
