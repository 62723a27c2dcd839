/**
 * A Python function → the component kfp 1.8's `create_component_from_func` makes of it, as plain
 * data in kfp's key order (so that kfpYaml writes it byte for byte as kfp does): the interface from
 * the signature (`_extract_component_interface`) and the program from the function's source
 * (`_func_to_component_spec`): deserializers, the argparse wrapper, the call, the serializers of
 * returned values, and the command line that runs it, with a pip preamble when packages are given.
 */
import { AnnotationReader, stripOptional, typeStruct, type PassingStyle, type PyType, type TypeStructObject } from './annotations.js';
import { parseDocstring } from './docstring.js';
import { ReadError, type Expr } from './expressions.js';
import { functionSource } from './functionSource.js';
import { headerError, type FunctionDef, type Param, type PyModule } from './module.js';
import { CONVERTERS, converterFor, MAKE_PARENT_DIRS, OPEN_FILE_MAKER, OUTPUT_WRITING, PROGRAM_LAUNCHER, shortTypeName } from './snippets.js';
import { evaluate, jsonDumps, NotSerializable, pyStr, pyTypeName, stringValue, strRepr, type PyValue } from './values.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { closest } from '../util/suggest.js';

export const DEFAULT_BASE_IMAGE = 'python:3.7';

export interface PythonComponentOptions {
  readonly baseImage?: string;
  readonly packages?: readonly string[];
  /** pip index URLs: the first as --index-url, the others as --extra-index-url. */
  readonly packageIndexUrls?: readonly string[];
  /** The component's metadata (kfp's `annotations=` gives metadata.annotations). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export type Placeholder =
  | { readonly inputValue: string }
  | { readonly inputPath: string }
  | { readonly outputPath: string }
  | { readonly if: { readonly cond: { readonly isPresent: string }; readonly then: readonly (string | Placeholder)[] } };

export interface GeneratedInput {
  readonly name: string;
  readonly type?: string | TypeStructObject;
  readonly description?: string;
  readonly default?: string;
  readonly optional?: true;
}

export interface GeneratedOutput {
  readonly name: string;
  readonly type?: string | TypeStructObject;
  readonly description?: string;
}

/** A component as kfp's ComponentSpec.to_dict() orders it. */
export interface GeneratedComponent {
  readonly name: string;
  readonly description?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly inputs?: readonly GeneratedInput[];
  readonly outputs?: readonly GeneratedOutput[];
  readonly implementation: {
    readonly container: { readonly image: string; readonly command: readonly string[]; readonly args: readonly (string | Placeholder)[] };
  };
}

/** A problem, located by offsets into the module text. */
export interface PythonProblem {
  readonly code: DiagnosticCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint?: string;
  readonly start: number;
  readonly end: number;
}

export interface PythonComponentResult {
  readonly component?: GeneratedComponent;
  readonly problems: readonly PythonProblem[];
}

interface Port {
  readonly name: string;
  readonly type?: string | TypeStructObject;
  readonly description?: string;
  readonly default?: string;
  readonly optional: boolean;
  /** The function's parameter (undefined for returned values). */
  readonly parameter?: string;
  readonly style?: PassingStyle;
}

const INPUT_STYLES = new Set<PassingStyle>(['InputPath', 'InputTextFile', 'InputBinaryFile', 'InputArtifact']);
const OUTPUT_STYLES = new Set<PassingStyle>(['OutputPath', 'OutputTextFile', 'OutputBinaryFile', 'OutputArtifact']);
const DECORATOR_OPTIONS = new Set(['base_image', 'packages_to_install', 'output_component_file', 'annotations', 'extra_code', 'modules_to_capture', 'use_code_pickling']);

/** The component of module-level function `name` of `module`, or the problems that prevent it. */
export function pythonComponent(module: PyModule, name: string, options: PythonComponentOptions = {}): PythonComponentResult {
  const problems: PythonProblem[] = [];
  const def = module.functions.get(name);
  if (!def) return { problems: [notFound(module, name)] };
  try {
    checkFunction(module, def, problems);
    const builder = new InterfaceBuilder(module, def, problems);
    const { inputs, outputs, singleReturn } = builder.build();
    const docstring = parseDocstring(docstringOf(module, def));
    const componentName = componentNameOf(def.name);
    const description = docstring.shortDescription?.trim();
    const withDocs = (ports: Port[]) => ports.map((p) => (p.parameter !== undefined && docstring.params.has(p.parameter) ? { ...p, description: docstring.params.get(p.parameter) } : p));
    const program = programText(module, def, componentName, description, withDocs(inputs), outputs, singleReturn);
    const component: GeneratedComponent = {
      name: componentName,
      ...(description !== undefined ? { description } : {}),
      ...(options.metadata ? { metadata: metadataInKfpOrder(options.metadata) } : {}),
      ...(inputs.length ? { inputs: withDocs(inputs).map(inputSpec) } : {}),
      ...(outputs.length ? { outputs: withDocs(outputs).map(outputSpec) } : {}),
      implementation: {
        container: {
          image: options.baseImage ?? DEFAULT_BASE_IMAGE,
          command: [...pipPreamble(options), 'sh', '-ec', PROGRAM_LAUNCHER, program],
          args: commandLine(inputs, outputs),
        },
      },
    };
    return { component: problems.some((p) => p.severity === 'error') ? undefined : component, problems };
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    problems.push(fromReadError(error, error.code ?? 'python-unsupported-syntax'));
    return { problems };
  }
}

/** kfp's MetadataSpec(annotations, labels) order; other keys (the schema has none) after them. */
function metadataInKfpOrder(metadata: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { annotations, labels, ...rest } = metadata;
  return { ...(annotations !== undefined ? { annotations } : {}), ...(labels !== undefined ? { labels } : {}), ...rest };
}

function notFound(module: PyModule, name: string): PythonProblem {
  const inner = module.innerFunctions.get(name);
  if (inner) {
    const where = inner.enclosedBy ? `inside '${inner.enclosedBy}'` : 'inside a block';
    return { code: 'python-nested-function', severity: 'error', message: `function '${name}' is defined ${where}; kft reads functions defined at the top level of the module`, hint: 'Move the function to the top level of the module (it must not use names of the enclosing function).', start: inner.nameStart, end: inner.nameEnd };
  }
  const candidates = [...module.functions.keys()];
  const near = closest(name, candidates);
  const hint = near ? `Did you mean '${near}'?` : candidates.length ? `Functions defined at its top level: ${candidates.slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}.` : 'It defines no function at its top level.';
  return { code: 'python-function-not-found', severity: 'error', message: `the module has no function '${name}'`, hint, start: 0, end: 0 };
}

function fromReadError(error: ReadError, code: DiagnosticCode): PythonProblem {
  return { code, severity: 'error', message: error.message, hint: error.hint, start: error.start, end: error.end };
}

/** What kfp cannot do with this function, or kft cannot reproduce. */
function checkFunction(module: PyModule, def: FunctionDef, problems: PythonProblem[]): void {
  const broken = headerError(def);
  if (broken) throw broken;
  // Python would not import the module at all, so kfp could make no component of it.
  if (module.error) throw new ReadError(module.error.message, module.error.start, module.error.end, 'Python refuses the whole module; fix the syntax there.', 'python-syntax');
  if (def.isAsync) throw new ReadError(`'${def.name}' is a coroutine (async def); kfp copies only functions defined with def`, def.nameStart, def.nameEnd, 'Define it with def; run coroutines inside it with asyncio.run().');
  if (module.futureAnnotations) {
    throw new ReadError("the module has 'from __future__ import annotations': every annotation becomes a string, and kfp 1.8 reads InputPath(...) and typing annotations wrongly", def.nameStart, def.nameEnd, 'Remove the __future__ import from the module that holds the function.');
  }
  for (const decorator of def.decorators) {
    const options = decorator.kind === 'call' ? decorator.keywords.filter((k) => DECORATOR_OPTIONS.has(k.name)) : [];
    if (options.length) {
      problems.push({ code: 'python-decorator-arguments', severity: 'warning', message: `kft does not read the decorator's ${options.map((o) => o.name).join(', ')}`, hint: 'Set baseImage and packages in the python: implementation (or kft component python --base-image/--packages).', start: decorator.start, end: decorator.end });
    }
  }
}

class InterfaceBuilder {
  private readonly annotations: AnnotationReader;
  private readonly inputs: Port[] = [];
  private readonly outputs: Port[] = [];
  private readonly inputNames = new Set<string>();
  private readonly outputNames = new Set<string>();

  constructor(
    private readonly module: PyModule,
    private readonly def: FunctionDef,
    private readonly problems: PythonProblem[],
  ) {
    this.annotations = new AnnotationReader(module);
  }

  build(): { inputs: Port[]; outputs: Port[]; singleReturn: boolean } {
    for (const param of this.def.params) this.parameter(param);
    const singleReturn = this.returns();
    return { inputs: this.inputs, outputs: this.outputs, singleReturn };
  }

  private parameter(param: Param): void {
    if (param.kind === 'varArgs' || param.kind === 'varKeywords') {
      throw new ReadError(`'${param.kind === 'varArgs' ? '*' : '**'}${param.name}' cannot be a component input: kfp passes every input by name`, param.start, param.end, 'Declare each input as a named parameter.', 'python-unsupported-parameter');
    }
    if (param.kind === 'positionalOnly') throw new ReadError(`'${param.name}' is positional-only; kfp passes every input by name`, param.start, param.end, "Remove the '/' from the signature.", 'python-unsupported-parameter');
    let annotation = param.annotation ? this.readAnnotation(param.annotation) : undefined;
    annotation = stripOptional(annotation);
    let ioName = param.name;
    let style: PassingStyle | undefined;
    const defaultValue = param.default ? this.evaluateDefault(param.default) : undefined;
    if (annotation?.kind === 'passing') {
      style = annotation.style;
      if ((style === 'InputPath' || style === 'OutputPath') && ioName.endsWith('_path')) ioName = ioName.slice(0, -'_path'.length);
      if (ioName.endsWith('_file')) ioName = ioName.slice(0, -'_file'.length);
      annotation = annotation.type;
      if (param.default && !(style === 'InputPath' && defaultValue?.type === 'none')) {
        throw new ReadError(`'${param.name}' has a default value: kfp supports only None as the default of an InputPath, and no default for outputs`, param.default.start, param.default.end, 'Remove the default value.', 'python-path-default');
      }
    }
    if (annotation && (annotation.kind === 'namedTuple' || annotation.kind === 'passing')) throw new ReadError('kft cannot read this annotation of a parameter', param.annotation!.start, param.annotation!.end, undefined, 'python-unsupported-annotation');
    const type = typeStruct(annotation);
    if (style && OUTPUT_STYLES.has(style)) {
      const name = unique(ioName, this.outputNames);
      this.outputs.push({ name, type, optional: false, parameter: param.name, style });
      return;
    }
    const name = unique(ioName, this.inputNames);
    let serialized: string | undefined;
    if (defaultValue && defaultValue.type !== 'none') serialized = this.serializeDefault(defaultValue, type, param);
    this.inputs.push({ name, type, optional: param.default !== undefined, default: serialized, parameter: param.name, style });
  }

  /** Adds the outputs of the return annotation; true when it is a single value (kfp wraps it in a list). */
  private returns(): boolean {
    const expr = this.def.returns;
    if (!expr) return false;
    const annotation = this.readAnnotation(expr);
    if (annotation.kind === 'none') return false;
    if (annotation.kind === 'passing') throw new ReadError('InputPath/OutputPath annotate parameters, not the return value', expr.start, expr.end, undefined, 'python-unsupported-annotation');
    if (annotation.kind === 'struct') {
      throw new ReadError('kfp 1.8 fails on a dict return annotation (the retired form of several outputs)', expr.start, expr.end, "Declare the outputs with NamedTuple('Outputs', [('name', type), ...]).", 'python-unsupported-annotation');
    }
    if (annotation.kind === 'namedTuple') {
      for (const field of annotation.fields) this.outputs.push({ name: unique(field.name, this.outputNames), type: typeStruct(field.type), optional: false });
      return false;
    }
    this.outputs.push({ name: unique('Output', this.outputNames), type: typeStruct(annotation), optional: false });
    return true;
  }

  private readAnnotation(expr: Expr): PyType {
    try {
      return this.annotations.read(expr);
    } catch (error) {
      if (error instanceof ReadError) error.code ??= 'python-unsupported-annotation';
      throw error;
    }
  }

  private evaluateDefault(expr: Expr): PyValue {
    try {
      return evaluate(expr, (name, at) => moduleConstant(this.module, name, at));
    } catch (error) {
      if (error instanceof ReadError) error.code ??= 'python-unsupported-default';
      throw error;
    }
  }

  /** kfp's serialize_value; where it fails kfp warns and keeps the input optional without a default. */
  private serializeDefault(value: PyValue, type: string | TypeStructObject | undefined, param: Param): string | undefined {
    if (value.type === 'str') return value.value;
    // A type dict serializes by its outer name ({JsonObject: {...}} → JsonObject).
    const outer = typeof type === 'object' ? Object.keys(type)[0] : type;
    const typeName = outer ?? INFERRED_TYPE_NAMES[value.type] ?? pyTypeName(value);
    const converter = converterFor(typeName);
    let problem: string;
    if (!converter) problem = `There are no registered serializers for type "${typeName}".`;
    else {
      const [serializer] = converter.serializer;
      if (serializer === '_serialize_base64_pickle') {
        throw new ReadError('kft cannot pickle a default value (type Base64Pickle)', param.default!.start, param.default!.end, 'Give the input no default, or a string default that is already serialized.', 'python-unsupported-default');
      }
      const result = serializeWith(serializer, value);
      if (result.text !== undefined) return result.text;
      problem = result.error!;
    }
    this.problems.push({
      code: 'python-default-not-serialized',
      severity: 'warning',
      message: `kfp cannot serialize the default value of '${param.name}' (${problem}); the input is optional without a default`,
      hint: 'Give a default that matches the annotation (or a string), or no default.',
      start: param.default!.start,
      end: param.default!.end,
    });
    return undefined;
  }
}

const INFERRED_TYPE_NAMES: Partial<Record<PyValue['type'], string>> = { int: 'Integer', float: 'Float', bool: 'Boolean', list: 'JsonArray', dict: 'JsonObject' };

function serializeWith(serializer: string, v: PyValue): { text?: string; error?: string } {
  const wrongType = (expected: string) => ({ error: `Value "${pyStr(v)}" has type "<class '${pyTypeName(v)}'>" instead of ${expected}.` });
  switch (serializer) {
    case '_serialize_str':
      return wrongType('str');
    case '_serialize_int':
      return v.type === 'int' || v.type === 'bool' ? { text: pyStr(v) } : wrongType('int');
    case '_serialize_float':
      return v.type === 'int' || v.type === 'bool' || v.type === 'float' ? { text: pyStr(v) } : wrongType('float');
    case '_serialize_bool':
      return v.type === 'bool' ? { text: pyStr(v) } : wrongType('bool');
    default:
      try {
        return { text: jsonDumps(v) };
      } catch (error) {
        if (error instanceof NotSerializable) return { error: error.message };
        throw error;
      }
  }
}

/**
 * A module-level constant `NAME = value` assigned before use, for default values. Only immutable
 * values (numbers, strings, tuples of them…): a list or dict may be changed by later statements
 * before kfp reads it.
 */
function moduleConstant(module: PyModule, name: string, at: Expr): Expr | undefined {
  let found: Expr | undefined;
  for (const a of module.assignments) if (a.name === name && a.value.start < at.start) found = a.value;
  return found && isImmutableLiteral(found) ? found : undefined;
}

function isImmutableLiteral(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
    case 'string':
    case 'constant':
    case 'name':
      return true;
    case 'tuple':
      return e.elts.every(isImmutableLiteral);
    case 'unary':
      return isImmutableLiteral(e.operand);
    case 'binary':
      return isImmutableLiteral(e.left) && isImmutableLiteral(e.right);
    default:
      return false;
  }
}

/** kfp's _make_name_unique_by_adding_index(name, names, '_'). */
function unique(name: string, names: Set<string>): string {
  let candidate = name;
  for (let i = 2; names.has(candidate); i++) candidate = `${name}_${i}`;
  names.add(candidate);
  return candidate;
}

/** kfp's _python_function_name_to_component_name: 'train_model' → 'Train model'. */
export function componentNameOf(functionName: string): string {
  const spaced = functionName.replace(/_/g, ' ').replace(/ +/g, ' ').replace(/^ +| +$/g, '');
  const first = String.fromCodePoint(spaced.codePointAt(0) ?? 32);
  return first.toUpperCase() + spaced.slice(first.length);
}

/** The function's __doc__: its first statement, when that is a string literal. */
function docstringOf(module: PyModule, def: FunctionDef): string | undefined {
  const tokens = module.tokens;
  let i = def.colonToken + 1;
  while (tokens[i] && (tokens[i]!.type === 'NEWLINE' || tokens[i]!.type === 'NL' || tokens[i]!.type === 'COMMENT' || tokens[i]!.type === 'INDENT')) i++;
  const parts: string[] = [];
  let end = i;
  while (tokens[end] && (tokens[end]!.type === 'STRING' || tokens[end]!.type === 'NL' || tokens[end]!.type === 'COMMENT')) {
    if (tokens[end]!.type === 'STRING') parts.push(tokens[end]!.text);
    end++;
  }
  const next = tokens[end];
  if (!parts.length || (next && next.type !== 'NEWLINE' && next.type !== 'ENDMARKER' && !(next.type === 'OP' && next.text === ';'))) return undefined;
  if (parts.some((p) => /^[a-zA-Z]*[fF]/.test(p))) return undefined;
  const value = stringValue(parts, { start: tokens[i]!.start, end: tokens[end - 1]!.end });
  return value.type === 'str' ? value.value : undefined;
}

function inputSpec(p: Port): GeneratedInput {
  return {
    name: p.name,
    ...(p.type !== undefined ? { type: p.type } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.optional ? { optional: true as const } : {}),
  };
}

function outputSpec(p: Port): GeneratedOutput {
  return { name: p.name, ...(p.type !== undefined ? { type: p.type } : {}), ...(p.description !== undefined ? { description: p.description } : {}) };
}

/** The container's args: one flag and placeholder per input and file output, then the returned values' paths. */
function commandLine(inputs: readonly Port[], outputs: readonly Port[]): (string | Placeholder)[] {
  const args: (string | Placeholder)[] = [];
  for (const p of [...inputs, ...outputs.filter((o) => o.style)]) {
    const flag = `--${p.name.replace(/_/g, '-')}`;
    const isOutput = outputs.includes(p);
    const placeholder: Placeholder = isOutput ? { outputPath: p.name } : p.style && INPUT_STYLES.has(p.style) ? { inputPath: p.name } : { inputValue: p.name };
    if (isOutput || !p.optional) args.push(flag, placeholder);
    else args.push({ if: { cond: { isPresent: p.name }, then: [flag, placeholder] } });
  }
  const returned = outputs.filter((o) => !o.style);
  if (returned.length) args.push('----output-paths', ...returned.map((o) => ({ outputPath: o.name })));
  return args;
}

/** The argparse `type=` of a file input or output (kfp's get_argparse_type_for_input_file). */
function fileArgumentType(style: PassingStyle | undefined, helpers: Set<string>): string | undefined {
  switch (style) {
    case 'InputPath':
      return 'str';
    case 'InputTextFile':
      return "argparse.FileType('rt')";
    case 'InputBinaryFile':
      return "argparse.FileType('rb')";
    case 'OutputPath':
      helpers.add(MAKE_PARENT_DIRS);
      return '_make_parent_dirs_and_return_path';
    case 'OutputTextFile':
      helpers.add(OPEN_FILE_MAKER);
      return "_parent_dirs_maker_that_returns_open_file('wt')";
    case 'OutputBinaryFile':
      helpers.add(OPEN_FILE_MAKER);
      return "_parent_dirs_maker_that_returns_open_file('wb')";
    default:
      return undefined;
  }
}

function programText(module: PyModule, def: FunctionDef, name: string, description: string | undefined, inputs: readonly Port[], outputs: readonly Port[], singleReturn: boolean): string {
  const definitions = new Set<string>();
  const helpers = new Set<string>();
  const lines = ['import argparse', `_parser = argparse.ArgumentParser(prog=${strRepr(name)}, description=${strRepr(description ?? '')})`];
  for (const p of [...inputs, ...outputs.filter((o) => o.style)]) {
    const required = outputs.includes(p) || !p.optional;
    let type = fileArgumentType(p.style, helpers);
    if (type === undefined) {
      const converter = converterFor(typeof p.type === 'string' ? p.type : undefined);
      const [code, definition] = converter?.deserializer ?? ['str', undefined];
      if (definition) definitions.add(definition);
      type = code;
    }
    lines.push(`_parser.add_argument("--${p.name.replace(/_/g, '-')}", dest="${p.parameter}", type=${type}, required=${required ? 'True' : 'False'}, default=argparse.SUPPRESS)`);
  }
  const returned = outputs.filter((o) => !o.style);
  if (returned.length) lines.push(`_parser.add_argument("----output-paths", dest="_output_paths", type=str, nargs=${returned.length})`);
  const serializers = returned.map((o) => {
    const converter = converterFor(typeof o.type === 'string' ? o.type : undefined);
    if (!converter) return 'str';
    definitions.add(converter.serializer[1]);
    return converter.serializer[0];
  });
  const argparseCode = [...[...definitions].sort(), ...lines, '_parsed_args = vars(_parser.parse_args())'];
  if (returned.length) argparseCode.push('_output_files = _parsed_args.pop("_output_paths", [])');
  // kfp joins a set here, whose order varies between Python runs; kft keeps it sorted.
  const preFunction = [...helpers].sort().join('\n');
  let source = `${preFunction}\n\n\n\n${functionSource(module, def)}\n\n${argparseCode.join('\n')}\n\n_outputs = ${def.name}(**_parsed_args)\n`;
  if (returned.length) {
    source += `\n\n${singleReturn ? '_outputs = [_outputs]' : ''}\n\n_output_serializers = [\n${serializers.map((s) => `    ${s},\n`).join('')}\n]\n\n${OUTPUT_WRITING}`;
  }
  return `${source.replace(/\n\n\n+/g, '\n\n').replace(/^\n+|\n+$/g, '')}\n`;
}

/** kfp's `sh -c` preamble that pip-installs the packages (user site as the fallback). */
function pipPreamble(options: PythonComponentOptions): string[] {
  const packages = options.packages ?? [];
  if (!packages.length) return [];
  const urls = options.packageIndexUrls ?? [];
  const indexOptions = urls.map((url, i) => `${i === 0 ? '--index-url' : '--extra-index-url'} ${strRepr(url)} `).join('');
  const install = `PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location ${indexOptions}${packages.map(strRepr).join(' ')}`;
  return ['sh', '-c', `(${install} || ${install} --user) && "$0" "$@"`];
}

export { CONVERTERS, shortTypeName };
