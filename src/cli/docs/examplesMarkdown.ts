/**
 * docs/examples.md: every example under examples/ with its description and its task graph as a
 * mermaid block (GitHub renders it as a picture). Written by `npm run gen:docs`; test/examples.test.ts
 * fails when it is out of date.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMermaid, taskGraph } from '../../graph/index.js';
import { nodeHost } from '../../host.js';
import { parse } from '../../parse/index.js';
import { validate } from '../../validate/index.js';

export interface ExampleEntry {
  readonly dir: string;
  readonly name: string;
  readonly description?: string;
  readonly mermaid?: string;
}

/** Example folders (examples/<dir>/spec.yaml) in name order, with their rendered graphs. */
export function loadExamples(repoRoot: string): ExampleEntry[] {
  const root = join(repoRoot, 'examples');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((dir) => existsSync(join(root, dir, 'spec.yaml')))
    .sort()
    .map((dir) => {
      const path = `examples/${dir}/spec.yaml`;
      const text = readFileSync(join(repoRoot, path), 'utf8');
      const cwd = process.cwd();
      process.chdir(repoRoot);
      try {
        const validated = validate(parse({ path, text }, { host: nodeHost }));
        const model = validated.model;
        return { dir, name: model?.name ?? dir, description: model?.description, mermaid: validated.ok && model ? renderMermaid(taskGraph(model)) : undefined };
      } finally {
        process.chdir(cwd);
      }
    });
}

export function examplesMarkdown(examples: readonly ExampleEntry[]): string {
  const lines = [
    '<!-- Generated from examples/ by `npm run gen:docs`; do not edit. -->',
    '# Examples',
    '',
    'Each folder under [examples/](../examples/) holds a `spec.yaml` (and its component files). The test suite builds and',
    'validates every one (`test/examples.test.ts`). The pictures are `kft graph examples/<name>/spec.yaml`: data',
    'edges are labelled with the output they carry, dotted edges are `after` ordering, dashed boxes are finally',
    'or exit-handler tasks, and boxes around tasks are conditions, loops and other groups.',
    '',
    ...examples.map((e) => `- [${e.dir}](#${e.dir})${e.description ? `: ${e.description}` : ''}`),
    '',
  ];
  for (const e of examples) {
    lines.push(`## ${e.dir}`, '', `[examples/${e.dir}/spec.yaml](../examples/${e.dir}/spec.yaml)${e.description ? `: ${e.description}` : ''}`, '');
    if (e.mermaid) lines.push('```mermaid', e.mermaid.trimEnd(), '```', '');
  }
  return lines.join('\n');
}
