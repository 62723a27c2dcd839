import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIELD_TREES, fieldChild, isSite, mapSites, REFERENCE_FIELDS } from '../../src/model/referenceFields.js';
import { compileFixture, fixturesDir } from '../helpers.js';

describe('reference fields', () => {
  it('a string at a listed path is a site; a string inside an object there is not', () => {
    const args = fieldChild(FIELD_TREES.task, 'arguments');
    expect(isSite(fieldChild(args, 'a'))).toBe(true);
    expect(isSite(fieldChild(fieldChild(args, 'a'), 'k'))).toBe(false);
    expect(isSite(fieldChild(FIELD_TREES.task, 'resources'))).toBe(false);
    const items = fieldChild(fieldChild(FIELD_TREES.loop, 'loop'), 'items');
    expect(isSite(fieldChild(fieldChild(fieldChild(items, 0), 'a'), 3))).toBe(true);
  });

  it('mapSites copies a value, passing only the strings at sites through the function', () => {
    const volume = { name: 'v', configMap: { name: '{{params.p}}', defaultMode: 420, items: [{ key: '{{params.k}}', path: 'p', mode: 1 }] }, extra: '{{ .Go }}' };
    const tree = fieldChild(fieldChild(FIELD_TREES.task, 'volumes'), 0);
    const mapped = mapSites(volume, tree, (s) => `<${s}>`);
    expect(mapped).toEqual({ name: 'v', configMap: { name: '<{{params.p}}>', defaultMode: 420, items: [{ key: '<{{params.k}}>', path: '<p>', mode: 1 }] }, extra: '{{ .Go }}' });
    expect((mapped as typeof volume).configMap).not.toBe(volume.configMap);
  });

  it('keeps a key __proto__ a key', () => {
    const value = JSON.parse('{"__proto__": {"a": 1}}') as unknown;
    const mapped = mapSites(value, FIELD_TREES.task, (s) => s) as Record<string, unknown>;
    expect(Object.keys(mapped)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
  });

  it('every field of a task that takes references is lowered to something Tekton substitutes (fixture references_at_run_time)', () => {
    const dir = join(fixturesDir, 'build', 'references_at_run_time');
    const spec = parseYaml(readFileSync(join(dir, 'spec.yaml'), 'utf8')) as { spec: { tasks: { train: unknown } } };
    const used = new Set<string>();
    const visit = (value: unknown, path: string[]): void => {
      if (typeof value === 'string' && value.includes('{{')) used.add(path.join('.'));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    };
    visit(spec.spec.tasks.train, []);
    const patterns = REFERENCE_FIELDS.task.map((f) => new RegExp(`^${f.split('.').map((s) => (s === '*' ? '[^.]+' : s)).join('\\.')}$`));
    // afterAny conditions have fixtures of their own (after_any, any_sequencer_status).
    const uncovered = REFERENCE_FIELDS.task.filter((f, i) => !f.startsWith('afterAny.') && ![...used].some((u) => patterns[i]!.test(u)));
    expect(uncovered).toEqual([]);
    const result = compileFixture(join(dir, 'spec.yaml'));
    expect(result.ok).toBe(true);
    expect(result.text).not.toMatch(/\{\{\s*(params|tasks|item|index|loops)/);
  });
});
