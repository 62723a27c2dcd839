/**
 * Maps ajv's errors to diagnostics with positions. ajv reports every branch of an `anyOf`, which
 * reads badly; where a union has a discriminating key (a task's `component`, a group's `loop`, ...)
 * the value is re-checked against the one branch it means, so the user sees only relevant errors.
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { NODE_KIND_KEYS, isObject, nodeKindOf } from '../model/specModel.js';
import { childPointer, segmentsOf, type Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';
import { didYouMean, fieldHint } from '../util/suggest.js';
import { COMPONENT_SCHEMA_ID, definitionName, PIPELINE_SCHEMA_ID, schemaErrors } from './schemas.js';

const P = `${PIPELINE_SCHEMA_ID}#/definitions/`;
const C = `${COMPONENT_SCHEMA_ID}#/definitions/`;

const NODE_BRANCH: Record<string, string> = {
  task: 'Task', graphCall: 'GraphCall', condition: 'ConditionGroup', loop: 'LoopGroup', exitHandler: 'ExitHandlerGroup', customGroup: 'CustomGroup', break: 'BreakTask', anySequencer: 'AnySequencerTask',
};

const PLACEHOLDERS: Record<string, string> = {
  inputValue: 'InputValuePlaceholder', inputPath: 'InputPathPlaceholder', outputPath: 'OutputPathPlaceholder',
  concat: 'ConcatPlaceholder', if: 'IfPlaceholder', isPresent: 'IsPresentPlaceholder',
};

/**
 * Placeholders of KFP v2's component format (kfp 1.8 reads them, and its v1 compilers write them out
 * as `{{$...}}` text for KFP v2's launcher to fill in): `{executorInput: null}`, `{inputUri: x}`, ...
 */
const KFP_V2_PLACEHOLDERS = ['executorInput', 'inputUri', 'outputUri', 'inputMetadata', 'outputMetadata', 'inputOutputPortName'];

function kfpV2Placeholder(key: string): { message: string; hint: string; code: DiagnosticCode } {
  return {
    code: 'kfp-v2-placeholder',
    message: `'${key}' is a KFP v2 placeholder: the component needs KFP v2's launcher, which neither kft nor kfp-tekton 1.x provides`,
    hint: 'Use the KFP v1 version of the component (inputValue, inputPath and outputPath placeholders), or run it on KFP v2.',
  };
}

/** Codes of the unions whose failure has its own code (a task entry's name is where it points). */
const UNION_CODES: Partial<Record<string, DiagnosticCode>> = { Node: 'invalid-node', CommandLineArgument: 'invalid-placeholder' };

/** For a union definition: the schema ref its value means, or a diagnostic message (and code) when none fits. */
type Discriminator = (value: unknown) => { ref: string } | { message: string; hint: string; code?: DiagnosticCode } | 'accept';

const discriminators: Record<string, Discriminator> = {
  Node: (value) => {
    const kind = nodeKindOf(value);
    if (kind) return { ref: P + NODE_BRANCH[kind] };
    return { message: isObject(value) ? 'this entry is neither a task nor a group' : 'a task entry must be a mapping', hint: `Add one of: ${NODE_KIND_KEYS.join(', ')} (component: for a task).` };
  },
  ComponentSource: (value) => (isObject(value) && 'file' in value ? { ref: P + 'ComponentFileRef' } : { ref: COMPONENT_SCHEMA_ID }),
  CommandLineArgument: (value) => {
    if (!isObject(value)) return { message: 'must be a string or a placeholder', hint: 'Use a string, or one of: ' + Object.keys(PLACEHOLDERS).join(', ') + '.' };
    const key = Object.keys(value).find((k) => k in PLACEHOLDERS);
    if (key) return { ref: C + PLACEHOLDERS[key] };
    const first = Object.keys(value)[0] ?? '';
    if (KFP_V2_PLACEHOLDERS.includes(first)) return kfpV2Placeholder(first);
    return { message: `unknown placeholder '${first}'`, hint: didYouMean(first, Object.keys(PLACEHOLDERS)) };
  },
  Comparison: (value) => (isObject(value) ? { ref: P + 'ComparisonObject' } : typeof value === 'string' ? 'accept' : { message: 'a condition must be a string such as "{{tasks.t.outputs.o}} == x" or {left, operator, right}', hint: 'Write the comparison as a string or as {left, operator, right}.' }),
  Duration: () => ({ message: 'must be a number of seconds or a duration such as "1h30m"', hint: 'Use seconds (e.g. 600) or a Go duration string (e.g. "10m").' }),
  KfpType: () => ({ message: 'must be a KFP type name such as String or Integer', hint: 'Use String, Integer, Float, Boolean, JsonObject, JsonArray or an artifact type name.' }),
  ParamType: () => ({ message: 'must be a KFP type name such as String or Integer', hint: 'Use String, Integer, Float, Boolean, JsonObject, JsonArray, or the type name KFP records (e.g. typing.List[int]); leave type out for an untyped parameter.' }),
};

export function schemaDiagnostics(doc: SourceDocument, ref: string, value: unknown, base: Pointer = ''): Diagnostic[] {
  const errors = schemaErrors(ref, value);
  if (errors.length === 0) return [];
  const out: Diagnostic[] = [];
  // Outermost unions first: everything below a re-checked union is replaced by the re-check.
  const unions = errors
    .filter((e) => e.keyword === 'anyOf' && unionName(e) !== undefined)
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  const handled: string[] = [];
  const under = (path: string, root: string) => path === root || path.startsWith(root + '/');
  for (const union of unions) {
    if (handled.some((h) => under(union.instancePath, h))) continue;
    handled.push(union.instancePath);
    const name = unionName(union)!;
    const target = discriminators[name]!(union.data);
    const pointer = base + union.instancePath;
    if (target === 'accept') continue;
    if ('ref' in target) out.push(...schemaDiagnostics(doc, target.ref, union.data, pointer));
    else out.push({ code: target.code ?? UNION_CODES[name] ?? 'schema-violation', severity: 'error', message: `${label(pointer)}: ${target.message}`, hint: target.hint, range: name === 'Node' ? doc.keyRangeOf(pointer) : doc.rangeOf(pointer) });
  }
  // An object with unknown fields also breaks its field count; the unknown fields say why.
  const withUnknownFields = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword === 'anyOf' && unionName(error) !== undefined) continue;
    if (handled.some((h) => under(error.instancePath, h))) continue;
    if (error.keyword === 'if') continue;
    if (error.keyword === 'maxProperties' && withUnknownFields.has(error.instancePath)) continue;
    const d = toDiagnostic(doc, error, base);
    if (d) out.push(d);
  }
  return dedupe(out);
}

function unionName(error: ErrorObject): string | undefined {
  const name = definitionName(error.parentSchema);
  return name && name in discriminators ? name : undefined;
}

function label(pointer: Pointer): string {
  const segments = segmentsOf(pointer);
  return segments.length === 0 ? 'document' : segments.join('.');
}

function toDiagnostic(doc: SourceDocument, error: ErrorObject, base: Pointer): Diagnostic | undefined {
  const pointer = base + error.instancePath;
  const where = label(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return { code: 'missing-field', severity: 'error', message: `${where}: missing required field '${field}'`, hint: describeField(error, field), range: doc.keyRangeOf(pointer) };
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = misplacedFieldHint(definitionName(error.parentSchema), field) ?? (fieldHint(field, allowed) || 'Remove the field.');
      return { code: 'unknown-field', severity: 'error', message: `${where}: unknown field '${field}'`, hint, range: doc.keyRangeOf(childPointer(pointer, field)) };
    }
    case 'maxProperties':
    case 'minProperties': {
      const keys = isObject(error.data) ? Object.keys(error.data) : [];
      const limit = Number(params.limit);
      const message =
        error.keyword === 'minProperties' ? (keys.length === 0 ? 'is empty' : `sets ${keys.length} field${keys.length === 1 ? '' : 's'}, at least ${limit} needed`)
        : limit === 1 ? `sets ${keys.map((k) => `'${k}'`).join(' and ')}; only one of them may be set` : `sets ${keys.length} fields, at most ${limit} allowed`;
      return { code: 'schema-violation', severity: 'error', message: `${where}: ${message}`, hint: describe(error.parentSchema) ?? 'See docs/spec.md.', range: doc.rangeOf(pointer) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { code: 'schema-violation', severity: 'error', message: `${where}: '${String(error.data)}' is not allowed`, hint: didYouMean(String(error.data), allowed), range: doc.rangeOf(pointer) };
    }
    case 'const':
      return { code: 'schema-violation', severity: 'error', message: `${where}: must be '${String(params.allowedValue)}'`, hint: `Write ${String(params.allowedValue)}.`, range: doc.rangeOf(pointer) };
    case 'type':
      if (error.data === null && definitionName(error.parentSchema) === 'Nodes') return emptyTasks(doc, pointer);
      return { code: 'schema-violation', severity: 'error', message: `${where}: must be ${article(String(params.type))}, got ${typeName(error.data)}`, hint: describe(error.parentSchema) ?? `Write ${article(String(params.type))}.`, range: doc.rangeOf(pointer) };
    case 'pattern': {
      const isName = /must match pattern/.test(error.message ?? '');
      return { code: 'schema-violation', severity: 'error', message: `${where}: '${String(error.data)}' has an invalid form`, hint: describe(error.parentSchema) ?? (isName ? 'See docs/spec.md for the allowed form.' : ''), range: doc.rangeOf(pointer) };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return { code: 'schema-violation', severity: 'error', message: `${where}: '${name}' is not a valid name`, hint: "Names use letters, digits, '-' and '_', and start and end with a letter or digit.", range: doc.keyRangeOf(childPointer(pointer, name)) };
    }
    default:
      return { code: 'schema-violation', severity: 'error', message: `${where}: ${error.message ?? 'is invalid'}`, hint: describe(error.parentSchema) ?? 'See docs/spec.md.', range: doc.rangeOf(pointer) };
  }
}

/**
 * Fields written one level too deep: an object whose enclosing object has the field. A loop's
 * `parallelism` inside its source (`loop: {from: ..., parallelism: 2}`) is the common case.
 */
const ENCLOSING: Partial<Record<string, { readonly fields: readonly string[]; readonly key: string; readonly what: string }>> = {
  LoopSource: { fields: ['parallelism', 'iterateParamPassStyle', 'itemPassStyle', 'after', 'tasks'], key: 'loop', what: 'loop group' },
};

function misplacedFieldHint(definition: string | undefined, field: string): string | undefined {
  const enclosing = definition ? ENCLOSING[definition] : undefined;
  if (!enclosing?.fields.includes(field)) return undefined;
  return `'${field}' is a field of the ${enclosing.what}: write it beside '${enclosing.key}:', not inside it (e.g. ${enclosing.key}: {from: ...} and ${field}: ... on the next line).`;
}

/**
 * `tasks:` (or `onExit:`) with nothing after it: YAML reads null. "must be an object, got null" does
 * not say what is wrong; the user forgot the tasks, or meant to remove the group.
 */
function emptyTasks(doc: SourceDocument, pointer: Pointer): Diagnostic {
  const segments = segmentsOf(pointer);
  const field = segments[segments.length - 1] ?? 'tasks';
  const name = segments[segments.length - 2];
  const owner = segments.length === 2 ? 'the pipeline' : segments[1] === 'graphs' && segments.length === 4 ? `graph '${name}'` : `group '${name}'`;
  return {
    code: 'empty-tasks',
    severity: 'error',
    message: `${label(pointer)}: ${owner} lists no tasks; '${field}:' is empty`,
    hint: `List tasks and groups by name under '${field}:', e.g. ${field}: {print: {component: echo}}${owner.startsWith('group') ? '; or remove the group' : ''}.`,
    range: doc.keyRangeOf(pointer),
  };
}

function describe(schema: unknown): string | undefined {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? d : undefined;
}

function describeField(error: ErrorObject, field: string): string {
  const props = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  const d = describe(props?.[field]);
  return d ? `Add '${field}': ${d}` : `Add the field '${field}'.`;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.message}|${d.range?.line}|${d.range?.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
