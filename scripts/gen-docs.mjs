// Writes the generated documentation from the built library (`npm run gen:docs` builds first):
// docs/diagnostics.md from the diagnostic catalogue, docs/examples.md from examples/.
// Tests compare both files with a fresh rendering.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnosticsMarkdown } from '../dist/cli/docs/diagnosticsMarkdown.js';
import { examplesMarkdown, loadExamples } from '../dist/cli/docs/examplesMarkdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, 'docs', 'diagnostics.md'), diagnosticsMarkdown());
writeFileSync(join(root, 'docs', 'examples.md'), examplesMarkdown(loadExamples(root)));
