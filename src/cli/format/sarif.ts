/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for GitHub code scanning and other
 * SARIF viewers: one run, the catalogue codes as rules, one result per diagnostic. Artifact URIs
 * are relative with `/`, as code scanning resolves them against the repository root.
 */
import { catalogue, isDiagnosticCode } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/kft-dev/kft';

export function formatSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const rules = codes.map((code) => ruleFor(code));
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: codes.indexOf(d.code),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
    ...(d.range
      ? {
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: toUri(d.range.file) },
              region: { startLine: d.range.line, startColumn: d.range.column, endLine: d.range.endLine, endColumn: Math.max(d.range.endColumn, d.range.line === d.range.endLine ? d.range.column + 1 : 1) },
            },
          }],
        }
      : {}),
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'kft', version, informationUri: INFORMATION_URI, rules } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleFor(code: string) {
  const entry = isDiagnosticCode(code) ? catalogue[code] : undefined;
  return {
    id: code,
    name: code,
    shortDescription: { text: entry?.summary ?? code },
    fullDescription: { text: entry?.explanation ?? code },
    help: { text: entry ? `${entry.fix} (kft explain ${code})` : `kft explain ${code}` },
    defaultConfiguration: { level: entry?.severity === 'warning' ? 'warning' : 'error' },
  };
}

/** A relative path with `/`, percent-encoded where URIs need it; absolute paths become file:// URIs. */
function toUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  return slashed.startsWith('/') ? `file://${encoded}` : encoded.replace(/^\.\//, '');
}
