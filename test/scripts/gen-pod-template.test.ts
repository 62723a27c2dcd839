/**
 * scripts/gen-pod-template.mjs: the PodTemplate definition of schemas/pipeline.schema.json is what
 * Tekton's OpenAPI (../shared/tekton-api) gives (skipped with a notice without ../shared), and the
 * generator refuses what it cannot map instead of accepting it unchecked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedDir } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const { generatedSchemaText, NEWER_THAN_TARGETS, podTemplateDefinition, tektonPodTemplate } = (await import('../../scripts/gen-pod-template.mjs')) as {
  generatedSchemaText: (apiDir: string, schemaText: string) => string;
  NEWER_THAN_TARGETS: Record<string, string>;
  podTemplateDefinition: (tekton: object, definitions: object) => object;
  tektonPodTemplate: (apiDir: string) => object;
};

const apiDir = join(process.env.KFT_SHARED ?? sharedDir, 'tekton-api');
const available = existsSync(join(apiDir, 'v1.swagger.json'));
const schemaText = readFileSync(join(repoRoot, 'schemas', 'pipeline.schema.json'), 'utf8');
const definitions = (JSON.parse(schemaText) as { definitions: Record<string, { properties?: Record<string, unknown> }> }).definitions;

describe('scripts/gen-pod-template.mjs', () => {
  if (!available) it.skip(`../shared/tekton-api is absent: the PodTemplate extract is not compared with Tekton's OpenAPI`, () => {});

  it.skipIf(!available)('schemas/pipeline.schema.json holds the PodTemplate Tekton\'s OpenAPI gives (run the script if not)', () => {
    expect(generatedSchemaText(apiDir, schemaText)).toBe(schemaText);
  });

  it.skipIf(!available)('takes every field of Tekton\'s pod.Template but those newer than the Tekton releases kft targets', () => {
    const tekton = Object.keys((tektonPodTemplate(apiDir) as { properties: object }).properties);
    expect(Object.keys(definitions.PodTemplate!.properties!).sort()).toEqual(tekton.filter((f) => !(f in NEWER_THAN_TARGETS)).sort());
  });

  const field = (schema: object) => ({ type: 'object', properties: { dnsPolicy: { type: 'string', description: 'd' }, ...schema } });

  it('refuses a field it has no title and examples for', () => {
    expect(() => podTemplateDefinition(field({ newField: { type: 'string', description: 'x' } }), definitions)).toThrow(/'newField' is new/);
  });

  it('refuses a Kubernetes type it does not map', () => {
    const tekton = field({ affinity: { $ref: '#/definitions/v1.SomethingNew', description: 'x' } });
    expect(() => podTemplateDefinition(tekton, definitions)).toThrow(/v1\.SomethingNew/);
  });

  it('leaves out fields newer than the targeted Tekton releases, and maps Kubernetes references', () => {
    const tekton = field({ hostUsers: { type: 'boolean', description: 'x' }, hostAliases: { type: 'array', items: { $ref: '#/definitions/v1.HostAlias' }, description: 'h' } });
    const definition = podTemplateDefinition(tekton, definitions) as { properties: Record<string, Record<string, unknown>> };
    expect(Object.keys(definition.properties)).toEqual(['dnsPolicy', 'hostAliases']);
    expect(definition.properties.hostAliases!.items).toEqual({ $ref: '#/definitions/HostAlias' });
    expect(definition.properties.dnsPolicy!.enum).toEqual(['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']);
  });
});
