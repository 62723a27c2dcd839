/**
 * docs/diagnostics.md, rendered from the catalogue (src/diagnostics/codes.ts) so the two never
 * drift: `npm run gen:docs` writes it, and test/cli/docs/diagnosticsMarkdown.test.ts fails when it is out of date.
 */
import { catalogue } from '../../diagnostics/codes.js';

export function diagnosticsMarkdown(): string {
  const entries = Object.entries(catalogue);
  const lines = [
    '<!-- Generated from src/diagnostics/codes.ts by `npm run gen:docs`; do not edit. -->',
    '# Diagnostics',
    '',
    'Every problem kft reports carries a stable code in brackets, e.g. `spec.yaml:7:20: error: … [unknown-component]`.',
    'Codes never change meaning; `kft explain CODE` prints the entry below. Exit codes are in [cli.md](cli.md#exit-codes).',
    '',
    '| Code | Severity | Summary |',
    '| --- | --- | --- |',
    ...entries.map(([code, e]) => `| [\`${code}\`](#${code}) | ${e.severity} | ${escapeCell(e.summary)} |`),
    '',
  ];
  for (const [code, e] of entries) {
    lines.push(`## ${code}`, '', `**${e.severity}**: ${e.summary}`, '', `**Why:** ${e.explanation}`, '', `**Fix:** ${e.fix}`, '');
  }
  return lines.join('\n');
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');
