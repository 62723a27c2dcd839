// Writes the generated documentation (docs/diagnostics.md) from the built library (run `npm run build` first;
// `npm run gen:docs` does both). Tests compare the files with a fresh rendering.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnosticsMarkdown } from '../dist/cli/docs/diagnosticsMarkdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, 'docs', 'diagnostics.md'), diagnosticsMarkdown());
