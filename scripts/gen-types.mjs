// Generates src/generated/*.ts from schemas/ (the single source of truth for the spec's types).
// Titles are dropped before generation: they are for editors, and json-schema-to-typescript
// would otherwise name a type after every titled field.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src', 'generated');

const stripTitles = (node) => {
  if (Array.isArray(node)) return node.map(stripTitles);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'title' && typeof value === 'string') continue;
    if (key === 'examples' || key === 'default') { out[key] = value; continue; }
    out[key] = stripTitles(value);
  }
  return out;
};

const banner = `/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types).
 */`;

const targets = [
  { schema: 'component.schema.json', out: 'component.ts', name: 'ComponentSpec' },
  { schema: 'pipeline.schema.json', out: 'pipeline.ts', name: 'PipelineDocument' },
];

// External $refs are resolved from a temporary copy of schemas/ whose titles are stripped too.
const strippedDir = mkdtempSync(join(tmpdir(), 'kft-schemas-'));
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json'))) {
  const schema = stripTitles(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')));
  const target = targets.find((t) => t.schema === file);
  if (target) schema.title = target.name;
  writeFileSync(join(strippedDir, file), JSON.stringify(schema));
}

mkdirSync(outDir, { recursive: true });
for (const target of targets) {
  const schema = JSON.parse(readFileSync(join(strippedDir, target.schema), 'utf8'));
  const ts = await compile(schema, target.name, {
    bannerComment: banner,
    cwd: strippedDir,
    additionalProperties: false,
    unknownAny: true,
    strictIndexSignatures: true,
    declareExternallyReferenced: true,
    $refOptions: { resolve: { external: true } },
    style: { singleQuote: true },
  });
  writeFileSync(join(outDir, target.out), ts);
}
rmSync(strippedDir, { recursive: true, force: true });
