/**
 * Phase 2, validate: the JSON Schemas (ajv) on the spec and on every component, then the semantic
 * rules on the model. All problems are collected (capped); nothing stops at the first.
 */
import { DiagnosticBag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildComponentModel, buildModel, type SpecModel } from '../model/specModel.js';
import type { ParsedSpec } from '../parse/index.js';
import { toDiagnostic, type RuleContext } from './ruleContext.js';
import { rules } from './rules/index.js';
import { schemaDiagnostics } from './schemaDiagnostics.js';
import { withFlowCommaHints } from './flowCommaHints.js';
import { COMPONENT_SCHEMA_ID, PIPELINE_SCHEMA_ID } from './schemas.js';

export interface ValidatedSpec {
  /** Present when the spec could be read as a pipeline at all. */
  readonly model?: SpecModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/**
 * `componentName`: the parse is of a component file on its own (parseComponent), checked as that
 * one component of an otherwise empty pipeline.
 */
export function validate(parsed: ParsedSpec, maxDiagnostics = 200, componentName?: string): ValidatedSpec {
  const bag = new DiagnosticBag(maxDiagnostics);
  bag.addAll(parsed.diagnostics);
  if (parsed.spec) bag.addAll(schemaDiagnostics(parsed.spec, PIPELINE_SCHEMA_ID, parsed.spec.value));
  for (const doc of parsed.componentFiles.values()) bag.addAll(schemaDiagnostics(doc, COMPONENT_SCHEMA_ID, doc.value));
  for (const doc of parsed.urlComponents.values()) bag.addAll(schemaDiagnostics(doc, COMPONENT_SCHEMA_ID, doc.value));
  const model = componentName === undefined ? buildModel(parsed) : buildComponentModel(parsed, componentName);
  if (model) {
    // Components written inline in a graph component's componentRef: found only by reading the graph.
    for (const c of model.components.values()) if (c.inlineRef) bag.addAll(schemaDiagnostics(c.doc, COMPONENT_SCHEMA_ID, c.spec, c.pointer));
    const context: RuleContext = { model, report: (r) => bag.add(toDiagnostic(r)) };
    for (const rule of rules) rule(context);
  }
  const docs = [...(parsed.spec ? [parsed.spec] : []), ...parsed.componentFiles.values()];
  const diagnostics = withFlowCommaHints(bag.toArray(), docs);
  if (bag.droppedCount > 0) {
    diagnostics.push({ code: 'input-limit', severity: 'error', message: `${bag.droppedCount} more problems were not shown`, hint: 'Fix the problems above and run again.' });
  }
  return { model, diagnostics, ok: model !== undefined && !hasErrors(diagnostics) };
}
