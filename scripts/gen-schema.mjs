// Writes kft.schema.json at the repository root: the pipeline schema with the component schema
// bundled in (what `kft schema` prints), for the examples' yaml-language-server modelines and for
// editors pointing at this repository. Part of `npm run build`, like the generated types.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPipelineSchema } from '../dist/cli/schema/bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(join(root, 'kft.schema.json'), JSON.stringify(bundledPipelineSchema(), null, 2) + '\n');
