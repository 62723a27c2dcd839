/**
 * examples/: every example builds without errors, deterministically, is accepted by the editor
 * schema (`kft schema`), and docs/examples.md (their task graphs) is in sync.
 */
import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { examplesMarkdown, loadExamples } from '../src/cli/docs/examplesMarkdown.js';
import { bundledPipelineSchema } from '../src/cli/schema/bundle.js';
import { compileFixture, diagnosticsText, expectGolden, repoRoot } from './helpers.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;
const examples = loadExamples(repoRoot);
const validateSchema = new Ajv({ strict: false }).compile(bundledPipelineSchema());

describe('examples', () => {
  it('has at least ten examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  for (const example of examples) {
    describe(example.dir, () => {
      const path = join(repoRoot, 'examples', example.dir, 'spec.yaml');

      it('builds without diagnostics, byte-identically twice', () => {
        const result = compileFixture(path);
        expect(diagnosticsText(result.diagnostics)).toBe('');
        expect(result.ok).toBe(true);
        expect(compileFixture(path).text).toBe(result.text);
      });

      it('is valid for the editor schema, starts with its modeline, and has a description', () => {
        const text = readFileSync(path, 'utf8');
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../kft.schema.json');
        expect(validateSchema(parseYaml(text)), JSON.stringify(validateSchema.errors)).toBe(true);
        expect(example.description).toBeTruthy();
        expect(example.mermaid).toBeTruthy();
      });
    });
  }

  it('docs/examples.md is in sync (npm run gen:docs, or UPDATE_GOLDENS=1 npx vitest run)', () => {
    expectGolden(join(repoRoot, 'docs', 'examples.md'), examplesMarkdown(examples));
  });
});

describe('kft.schema.json', () => {
  it('is the bundled schema that `kft schema` prints (written by npm run build)', () => {
    expectGolden(join(repoRoot, 'kft.schema.json'), JSON.stringify(bundledPipelineSchema(), null, 2) + '\n');
  });
});
