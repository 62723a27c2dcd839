// Generates src/generated/validators.ts: ajv "standalone" validation code for every schema of
// schemas/ and every definition in them, so that kft does not compile its JSON Schemas at every
// start (compiling them took ~200 ms of a ~400 ms `kft build`; see docs/performance.md).
// src/validate/schemas.ts uses these functions, and falls back to compiling with ajv when the
// schemas have changed since generation (the file records a hash of the schemas it was built from).
// Run by `npm run build` (and `npm run gen:validators`); never edit the output by hand.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

const Ajv = AjvModule.default ?? AjvModule;
const standaloneCode = standaloneModule.default ?? standaloneModule;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outFile = join(root, 'src', 'generated', 'validators.ts');

/** The hash src/validate/schemas.ts compares at run time: file names and contents, sorted. */
export function schemasHash(dir) {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
    hash.update(file).update('\0').update(readFileSync(join(dir, file), 'utf8')).update('\0');
  }
  return hash.digest('hex');
}

function generate() {
  // Options must match src/validate/schemas.ts (ajvOptions): errors are mapped using `verbose` data.
  // inlineRefs: false compiles every definition into one function that its users call, instead of
  // copying its code into each place that refers to it: the file is less than half the size (it is
  // parsed at every start), and each definition has a function of its own to export below.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, inlineRefs: false, code: { source: true, esm: true } });
  const roots = [];
  const refs = [];
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
    ajv.addSchema(schema);
    roots.push(schema.$id);
    refs.push(schema.$id);
    for (const name of Object.keys(schema.definitions ?? {}).sort()) refs.push(`${schema.$id}#/definitions/${name}`);
  }
  // Only the root schemas are exported to ajv's standalone code: exporting each definition as well
  // would compile it a second time, as its own schema, beside the function its root already calls.
  const rootNames = {};
  roots.forEach((ref, i) => (rootNames[`v${i}`] = ref));
  const code = coldPathShortcuts(esmImports(standaloneCode(ajv, rootNames)));
  const names = { ...definitionFunctions(ajv, roots), ...Object.fromEntries(roots.map((ref, i) => [ref, `v${i}`])) };
  const missing = refs.filter((ref) => !(ref in names));
  if (missing.length > 0) throw new Error(`gen-validators: no function for ${missing.join(', ')} (not referenced from a root schema?)`);
  const table = refs.map((ref) => `  ${JSON.stringify(ref)}: ${names[ref]},`).join('\n');
  return `// @ts-nocheck
/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Generated from schemas/ by scripts/gen-validators.mjs (npm run build): ajv standalone validators.
 */
${code}

/** sha256 of the schemas these validators were generated from (see scripts/gen-validators.mjs). */
export const schemasHash = ${JSON.stringify(schemasHash(schemaDir))};

/** The validator of every schema and definition, by its ref. */
export const validators = {
${table}
};
`;
}

/**
 * The standalone function of every definition the roots refer to (directly or through others), by
 * its full ref: ajv names it in the compiled schema's `refs` (SchemaEnv.validateName). Called alone
 * it validates and reports errors exactly like a validator compiled for that definition.
 */
function definitionFunctions(ajv, roots) {
  const names = {};
  const visit = (env) => {
    for (const [ref, target] of Object.entries(env.refs ?? {})) {
      const name = target?.validateName?.str;
      if (!name || ref in names) continue;
      names[ref] = name;
      visit(target);
    }
  };
  for (const ref of roots) visit(ajv.getSchema(ref).schemaEnv);
  return names;
}

/**
 * ajv's standalone code loads its runtime helpers with require() even in ESM mode; an ES module
 * has no require, so those lines become imports of the same helpers.
 */
function esmImports(code) {
  const imports = [];
  const body = code.replace(/const (func\d+) = require\("([^"]+)"\)(\.default)?;/g, (_, name, module, dflt) => {
    imports.push(dflt ? `import ${name}Module from ${JSON.stringify(module + '.js')};\nconst ${name} = ${name}Module.default ?? ${name}Module;` : `import ${name} from ${JSON.stringify(module + '.js')};`);
    return '';
  });
  if (/\brequire\(/.test(body)) throw new Error('gen-validators: ajv standalone code has a require() this script does not convert');
  return `${imports.join('\n')}\n${body.replace(/^"use strict";/, '')}`;
}

/**
 * Exact shortcuts for what ajv's code does for every value on a cold run, when V8 still interprets
 * it (a 1,500-task spec runs each line thousands of times before it is optimised):
 * - a child's instancePath escapes its key with two RegExp replaces ('~' → '~0', '/' → '~1', JSON
 *   pointer syntax): keys rarely hold either character, and indexOf is one native call each;
 * - every call passes an object of four fields (instancePath, parentData, parentDataProperty,
 *   rootData) that the callee takes apart again; only instancePath is used (no $data references,
 *   no user keywords), so it is passed alone: one allocation less per value validated;
 * - minLength/maxLength count UTF-16 code points with ucs2length, a per-character JS loop: a string
 *   of L code units has between ceil(L/2) and L code points, so the length alone decides unless it
 *   is within that range of the limit.
 * The generated functions accept and report exactly what ajv's do.
 */
function coldPathShortcuts(code) {
  const escapes = /(\w+)\.replace\(\/~\/g, "~0"\)\.replace\(\/\\\/\/g, "~1"\)/g;
  let body = code.replace(escapes, (_, key) => `kftEscapeKey(${key})`);
  const ucs2length = /import (func\d+)Module from "ajv\/dist\/runtime\/ucs2length\.js"/.exec(body)?.[1];
  if (ucs2length) {
    // A value of L code units has between L/2 and L code points (ucs2length).
    const count = new RegExp(`\\b${ucs2length}\\((\\w+)\\) ([<>]) (\\d+)\\b`, 'g');
    body = body.replace(count, (call, value, op, limit) => (op === '>' ? `(${value}.length > ${limit} && ${call})` : `(${value}.length < ${2 * Number(limit)} && ${call})`));
  }
  body = body
    .replace(/function (validate\d+)\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)/g, 'function $1(data, instancePath = "")')
    .replace(/(validate\d+|wrapper\d+\.validate)\(([\w.[\]]+), \{instancePath(?::([^,{}]+))?,parentData(?::\w+)?,parentDataProperty(?::[^,{}]+)?,rootData\}\)/g, (_, fn, value, path) => `${fn}(${value}, ${path ?? 'instancePath'})`);
  if (/\b(rootData|parentData|parentDataProperty)\b/.test(body)) throw new Error('gen-validators: ajv code uses a validation context field besides instancePath');
  if (/replace\(\/~\/g/.test(body)) throw new Error('gen-validators: a key escape this script does not shorten');
  return `${body}
function kftEscapeKey(key) {
  return key.indexOf("~") === -1 && key.indexOf("/") === -1 ? key : key.replace(/~/g, "~0").replace(/\\//g, "~1");
}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, generate());
}
