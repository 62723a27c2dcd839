/** docs/diagnostics.md is generated from the catalogue; this fails when someone adds a code without regenerating. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsMarkdown } from '../../../src/cli/docs/diagnosticsMarkdown.js';
import { catalogue } from '../../../src/diagnostics/codes.js';
import { expectGolden, repoRoot } from '../../helpers.js';

describe('docs/diagnostics.md', () => {
  it('documents every code', () => {
    const text = diagnosticsMarkdown();
    for (const code of Object.keys(catalogue)) expect(text).toContain(`\n## ${code}\n`);
  });

  it('is in sync with src/diagnostics/codes.ts (npm run gen:docs, or UPDATE_GOLDENS=1 npx vitest run)', () => {
    expectGolden(join(repoRoot, 'docs', 'diagnostics.md'), diagnosticsMarkdown());
  });
});
