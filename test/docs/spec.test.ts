/**
 * docs/spec.md stays accurate to the schemas: every field of the spec language is documented,
 * and the complete example in it compiles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FIELDS } from '../../src/model/referenceFields.js';
import { repoRoot } from '../helpers.js';
import { compileText } from '../specs.js';

const doc = readFileSync(join(repoRoot, 'docs', 'spec.md'), 'utf8');
const schema = (file: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as { properties: Record<string, unknown>; definitions: Record<string, { properties?: Record<string, unknown> }> };

describe('docs/spec.md', () => {
  it('documents every field of the pipeline and component schemas', () => {
    const pipeline = schema('pipeline.schema.json');
    const component = schema('component.schema.json');
    const definitions = { Pipeline: pipeline, ...pipeline.definitions, Component: component, ...component.definitions };
    const undocumented = Object.entries(definitions).flatMap(([name, definition]) =>
      Object.keys(definition.properties ?? {})
        .filter((field) => !doc.includes(`\`${field}`) && !doc.includes(`{${field}:`) && !new RegExp(`^\\s*${field}:`, 'm').test(doc))
        .map((field) => `${name}.${field}`));
    expect(undocumented).toEqual([]);
  });

  it('its complete example compiles', () => {
    const example = [...doc.matchAll(/```yaml\n(apiVersion: kft\.dev\/v1alpha1\nkind: Pipeline\n[\s\S]*?)```/g)].map((m) => m[1]!);
    expect(example.length).toBeGreaterThan(0);
    const download = 'name: download\ninputs: [{name: url}]\noutputs: [{name: data}]\nimplementation: {container: {image: google/cloud-sdk, command: [sh, -c, \'gsutil cat $0 | tee $1\', {inputValue: url}, {outputPath: data}]}}\n';
    for (const text of example) expect(compileText(text, { 'components/download.yaml': download }).diagnostics).toEqual([]);
  });

  it('lists exactly the fields that take references (model/referenceFields.ts)', () => {
    const start = doc.indexOf('### Where references work');
    const section = doc.slice(start, doc.indexOf('\n## ', start));
    const rows = new Map([...section.matchAll(/^\| ([^|]+?) \| (.+) \|$/gm)].map((m) => [m[1]!.replace(/ \(.*\)$/, ''), [...m[2]!.matchAll(/`([^`]+)`/g)].map((c) => c[1]!)]));
    const expand = (fields: readonly string[]): string[] => fields.flatMap((f) => {
      const [, head, part] = /^(.*\.)(VOLUME|CONTAINER)$/.exec(f) ?? [];
      return head ? rows.get(part!)!.map((inner) => head + inner) : [f];
    });
    const documented = {
      task: expand(rows.get('task') ?? []),
      graphCall: rows.get('graph call'),
      condition: rows.get('condition'),
      loop: rows.get('loop'),
      anySequencer: rows.get('any-sequencer'),
      customGroup: rows.get('custom group'),
      break: [],
      exitHandler: [],
    };
    expect(rows.get('break, exit handler')).toEqual([]);
    for (const [kind, fields] of Object.entries(REFERENCE_FIELDS)) expect([...documented[kind as keyof typeof documented]!].sort(), kind).toEqual([...fields].sort());
  });
});
