/**
 * docs/migrating-from-kfp-tekton.md: every feature section shows the kfp-tekton Python and the kft
 * YAML, and links a complete example under examples/ that exists (examples.test.ts builds them all).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

const doc = readFileSync(join(repoRoot, 'docs', 'migrating-from-kfp-tekton.md'), 'utf8');
/** Sections that are not a feature. */
const NOT_FEATURES = ['What you gain'];
const sections = doc.split(/^## /m).slice(1).map((text) => ({ title: text.split('\n')[0]!, text })).filter((s) => !NOT_FEATURES.includes(s.title));

describe('docs/migrating-from-kfp-tekton.md', () => {
  it('has feature sections', () => {
    expect(sections.length).toBeGreaterThanOrEqual(15);
  });

  for (const section of sections) {
    it(`${section.title}: links an existing example`, () => {
      const links = [...section.text.matchAll(/\(\.\.\/examples\/([a-z0-9-]+)\/spec\.yaml\)/g)].map((m) => m[1]!);
      expect(links.length, 'no link to ../examples/NAME/spec.yaml').toBeGreaterThan(0);
      for (const name of links) expect(existsSync(join(repoRoot, 'examples', name, 'spec.yaml')), name).toBe(true);
    });
  }

  it('shows Python and YAML side by side in every section that is not about the cluster', () => {
    const without = sections.filter((s) => !s.title.startsWith('Tekton feature flags') && !(s.text.includes('```python') && s.text.includes('```yaml')));
    expect(without.map((s) => s.title)).toEqual([]);
  });
});
