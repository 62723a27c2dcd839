/**
 * pyJson writes what Python's json.dumps(sort_keys=True) writes for kfp-tekton's annotations:
 * `, ` and `: ` separators, keys sorted, nested lists and maps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyJson } from '../../src/lower/kfpMetadata.js';

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
