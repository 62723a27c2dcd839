// Writes dist/cli-bundle.js: the CLI's own ES modules of dist/ (from dist/cli/main.js, following
// static and dynamic imports) and the CommonJS packages they import, in one classic script that
// bin/kft.cjs compiles with a V8 code cache (scripts/code-cache.mjs). Run by `npm run build` after tsc.
//
// Why: kft runs in pre-commit hooks, where start-up is most of the wall time, and Node loads
// every ES module with its own asynchronous file read, package-scope lookup, parse and link step
// (~0.3 ms each; a build loaded ~80 of ours). One file costs one. And a script (unlike an ES module)
// can be compiled from V8's code cache, which skips parsing and compiling the ~1 MB of code again
// on every run. docs/performance.md has numbers.
//
// The script is one function expression, `(function (__kft_url, __kft_import) { ...; return
// exports; })`: bin/kft.cjs calls it with the URL the bundle has in dist/ and an import() of its own
// (a vm.Script has no module loader). Inside it (deliberately small; no bundler dependency) each
// module becomes a factory function, run on first use and cached, so what a command does not need
// is still never evaluated:
//   import { a, b as c } from './x.js'   →  const { a, b: c } = __kft_load(N);
//     (inside an import cycle: const __kft_mN = __kft_load(N), and each use of c becomes
//     __kft_mN.b, so bindings stay live as in ES modules while the cycle is still evaluating)
//   import * as ns from './x.js'         →  const ns = __kft_load(N);
//   import('./x.js')                     →  Promise.resolve().then(() => __kft_load(N))
//   import('chalk')                      →  __kft_import('chalk') (ES module packages stay outside)
//   import(new URL('../lsp/server.js', import.meta.url).href)  →  __kft_import(...): an import() of
//                                           a computed specifier is not followed; Node loads that
//                                           module (and what it imports) from dist/ as ES modules,
//                                           outside the bundle (`kft lsp`: the language server and
//                                           its packages cost the other commands nothing)
//   export function f / const x / { a as b } / { a } from './y.js'  →  getters on the returned object
//   import { x } from 'node:fs'          →  process.getBuiltinModule('node:fs')
//   import { x } from './lazy.js'        →  each use of x becomes __kft_load(N).x, when lazy.js has
//                                           a line `// kft-bundle: lazy` (a module most runs never
//                                           need, e.g. the Python reader: not even evaluated then)
//   import { x } from 'yaml'             →  each use of x becomes __kft_vendor('yaml').x: the
//                                           package's CommonJS files (in a function of their own,
//                                           below) run only when the code first uses them
//   import.meta.url                      →  the URL the module had in dist/ (relative paths still work)
// Our modules run in strict mode (as ES modules do) inside a 'use strict' function. Each CommonJS
// package (yaml, commander, ajv's runtime helpers: ~85 files) becomes one function at the
// script's (sloppy) top level holding every file of it that is reached by require() with a
// literal, verbatim in Node's own module wrapper function (so sloppy and strict files keep their
// mode), with a require that maps each literal to the bundled file; builtins come from
// process.getBuiltinModule. The packages' licence texts are copied into the header.
// Anything this does not handle (export default, export *, top-level await, a static import of an
// ES-module package, import.meta other than .url, a cycle or package import whose name is also declared
// locally) fails the build with a message instead of
// producing a subtly different program. The output is deterministic (modules in first-visit order).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const HELPERS = '__kft_';
/** A module with this line is loaded at the first use of one of its exports, not by its importers' imports. */
const LAZY_DIRECTIVE = /^\/\/ kft-bundle: lazy$/m;

/**
 * Bundles the module graph of `entry` (an ES module file) and the CommonJS packages it imports
 * into one script text (`script`, to be written to `outFile`; see the header for its shape).
 */
export function bundle(entry, outFile) {
  const modules = [];
  const index = new Map();
  const visit = (file) => {
    if (index.has(file)) return index.get(file);
    const id = modules.length;
    index.set(file, id);
    const module = { file, id, source: readFileSync(file, 'utf8') };
    module.lazy = LAZY_DIRECTIVE.test(module.source);
    modules.push(module);
    Object.assign(module, analyse(module));
    module.deps = module.relative.map((spec) => visit(resolve(dirname(file), spec)));
    return id;
  };
  visit(resolve(entry));
  markCycles(modules);
  const vendor = new Vendor();
  const factories = modules.map((m) => factory(m, modules, index, dirname(resolve(outFile)), vendor));
  const entryExports = exportNames(modules[0], modules).sort();
  const packages = vendor.packages();
  const script = `// GENERATED by scripts/bundle-cli.mjs (npm run build) from the ES modules of dist/ and the
// CommonJS packages they import: do not edit. A script, run by bin/kft.cjs (not an ES module).
${packages.map((p) => p.licence).join('\n')}
(function (${HELPERS}url, ${HELPERS}import) {
const ${HELPERS}packageFiles = {
${packages.map((p) => `${JSON.stringify(p.name)}: function (exports, require, module, __filename, __dirname) {\n${p.text}}`).join(',\n')}
};
const ${HELPERS}packageOf = ${JSON.stringify(vendor.packageOfSpec())};
return (function () {
'use strict';
const ${HELPERS}packageExports = { __proto__: null };
// A package runs as Node would run its CommonJS entry file (module wrapper arguments); its
// require() of a builtin gets the builtin. child_process is loaded on first use: commander requires
// it at load time for executable subcommands, which kft has none of, and loading it (with net and
// dgram) cost ~57 M instructions, ~5 ms of every cold start.
function ${HELPERS}runPackage(name) {
  const module = { exports: {} };
  const path = process.getBuiltinModule('node:url').fileURLToPath(${HELPERS}url);
  const builtin = (spec) => (${HELPERS}lazyBuiltins.has(spec) ? ${HELPERS}lazyBuiltin(spec) : process.getBuiltinModule(spec) ?? ${HELPERS}fail(spec));
  ${HELPERS}packageFiles[name].call(module.exports, module.exports, builtin, module, path, process.getBuiltinModule('node:path').dirname(path));
  return module.exports;
}
const ${HELPERS}lazyBuiltins = new Set(['child_process', 'node:child_process']);
const ${HELPERS}lazyBuiltin = (spec) => new Proxy({}, { get: (_, key) => process.getBuiltinModule(spec)[key] });
const ${HELPERS}fail = (spec) => {
  throw new Error('kft bundle: ' + spec + ' is not bundled');
};
const ${HELPERS}packages = { __proto__: null };
const ${HELPERS}vendor = (spec) => (${HELPERS}packages[spec] ??= (${HELPERS}packageExports[${HELPERS}packageOf[spec]] ??= ${HELPERS}runPackage(${HELPERS}packageOf[spec]))(spec));
const ${HELPERS}cache = [];
// A module's exports object is cached before its body runs, so a module reached again through an
// import cycle gets it half-initialised, as an ES module namespace would be.
function ${HELPERS}load(id) {
  return ${HELPERS}cache[id] ?? (${HELPERS}trace?.(id), ${HELPERS}factories[id]());
}
// KFT_TRACE_MODULES=1 prints the dist/ URL of each module as it runs (test/cli/main.test.ts checks
// that a command loads only what it needs).
const ${HELPERS}trace = process.env.KFT_TRACE_MODULES === '1' ? (id) => process.stderr.write('LOADED ' + new URL(${HELPERS}names[id], ${HELPERS}url).href + '\\n') : undefined;
const ${HELPERS}names = ${JSON.stringify(modules.map((m) => relative(dirname(resolve(outFile)), m.file).split(sep).join('/')))};
const ${HELPERS}factories = [
${factories.join(',\n')}
];
const ${HELPERS}entry = ${HELPERS}load(0);
return { __proto__: null, ${entryExports.map((name) => `get ${name}() { return ${HELPERS}entry.${name}; }`).join(', ')} };
})();
})
`;
  return { script };
}

/** The CommonJS files of the packages the bundle imports, collected by following require(). */
class Vendor {
  files = [];
  index = new Map();
  entries = new Map(); // package spec as our modules import it → file id

  /** The id of the file an import of `spec` from `fromFile` means; adds it and its requires. */
  add(spec, fromFile) {
    const id = this.file(createRequire(fromFile).resolve(spec));
    this.entries.set(spec, id);
    return id;
  }

  file(path) {
    if (this.index.has(path)) return this.index.get(path);
    const id = this.files.length;
    this.index.set(path, id);
    const source = readFileSync(path, 'utf8');
    const record = { path, source, requires: {} };
    this.files.push(record);
    const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const specs = [];
    const walk = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        const [arg] = node.arguments;
        if (node.arguments.length !== 1 || !ts.isStringLiteral(arg)) throw new Error(`bundle-cli: ${path}: require() needs one string literal`);
        specs.push(arg.text);
      }
      ts.forEachChild(node, walk);
    };
    walk(sf);
    for (const spec of specs) if (!isBuiltin(spec) && !(spec in record.requires)) record.requires[spec] = this.file(createRequire(path).resolve(spec));
    return id;
  }

  /** The bundled name of the package an import of `spec` loads, for each spec. */
  packageOfSpec() {
    return Object.fromEntries([...this.entries.keys()].sort().map((spec) => [spec, packageNameOf(packageDirOf(this.files[this.entries.get(spec)].path))]));
  }

  /** One CommonJS text per package (with its name and licence comment), in a stable order. A package requiring another one fails the build. */
  packages() {
    const byPackage = new Map();
    for (const [id, f] of this.files.entries()) {
      const dir = packageDirOf(f.path);
      if (!byPackage.has(dir)) byPackage.set(dir, []);
      byPackage.get(dir).push(id);
    }
    return [...byPackage.keys()].sort().map((dir) => {
      const ids = byPackage.get(dir);
      for (const id of ids) {
        for (const target of Object.values(this.files[id].requires)) {
          if (packageDirOf(this.files[target].path) !== dir) throw new Error(`bundle-cli: ${this.files[id].path} requires another package (${this.files[target].path}); not supported`);
        }
      }
      const entries = [...this.entries].filter(([, id]) => ids.includes(id));
      return { name: packageNameOf(dir), licence: licenceComment(dir), text: this.text(ids, entries) };
    });
  }

  text(ids, entries) {
    const local = new Map(ids.map((id, i) => [id, i]));
    const wrappers = ids.map((id) => this.files[id]).map((f) => {
      const name = f.path.split(sep).join('/').replace(/^.*\/node_modules\//, '');
      const body = f.source.replace(/^#!.*\n/, '').replace(/\n*$/, '');
      const requires = Object.fromEntries(Object.entries(f.requires).map(([spec, target]) => [spec, local.get(target)]));
      return `// ${name}\n[${JSON.stringify(requires)}, function (exports, require, module, __filename, __dirname) {\n${body}\n}]`;
    });
    return `const ${HELPERS}files = [
${wrappers.join(',\n')}
];
const ${HELPERS}cache = [];
function ${HELPERS}load(id) {
  const cached = ${HELPERS}cache[id];
  if (cached !== undefined) return cached.exports;
  const [requires, wrapper] = ${HELPERS}files[id];
  const module = (${HELPERS}cache[id] = { exports: {} });
  const local = (spec) => (spec in requires ? ${HELPERS}load(requires[spec]) : require(spec));
  wrapper.call(module.exports, module.exports, local, module, __filename, __dirname);
  return module.exports;
}
const ${HELPERS}entries = ${JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([spec, id]) => [spec, local.get(id)])))};
module.exports = (spec) => ${HELPERS}load(${HELPERS}entries[spec]);
`;
  }
}

/** A package's name as the bundle knows it (from its package.json). */
function packageNameOf(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
}

function packageDirOf(path) {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      // not a package root; go up
    }
  }
  throw new Error(`bundle-cli: no package.json above ${path}`);
}

function licenceComment(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).filter((f) => /^licen[cs]e/i.test(f)).sort()[0];
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license})`;
  return `/*! ${pkg.name} ${pkg.version} (${pkg.license})\n${text.replace(/\*\//g, '* /')}\n*/`;
}

const fail = (module, message) => {
  throw new Error(`bundle-cli: ${module.file}: ${message}`);
};

const isRelative = (spec) => spec.startsWith('./') || spec.startsWith('../');
const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec);

/** The module's imports, exports and the places to rewrite, found with TypeScript's parser. */
function analyse(module) {
  const sf = ts.createSourceFile(module.file, module.source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const relativeSpecs = [];
  const imports = []; // { node, spec, clause }
  const exports = []; // { node?, names: [exported, local][], from?: spec }
  const dynamic = []; // { node, spec }
  const metas = []; // PropertyAccess nodes of import.meta.url
  const useRelative = (spec) => {
    if (isRelative(spec) && !relativeSpecs.includes(spec)) relativeSpecs.push(spec);
  };
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement)) {
      const spec = statement.moduleSpecifier.text;
      useRelative(spec);
      imports.push({ node: statement, spec, clause: statement.importClause });
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) fail(module, 'export * is not supported');
      const spec = statement.moduleSpecifier?.text;
      if (spec !== undefined && !isRelative(spec)) fail(module, `re-export from the package '${spec}' is not supported`);
      if (spec !== undefined) useRelative(spec);
      const names = statement.exportClause.elements.map((e) => [e.name.text, (e.propertyName ?? e.name).text]);
      exports.push({ node: statement, names, from: spec });
    } else if (ts.isExportAssignment(statement)) {
      fail(module, 'export default is not supported');
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.getModifiers(statement).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) fail(module, 'export default is not supported');
      const modifier = ts.getModifiers(statement).find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      exports.push({ modifier, names: declaredNames(module, statement).map((n) => [n, n]) });
    }
  }
  const walk = (node, inFunction) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (!arg) fail(module, 'import() needs an argument');
      // A computed specifier is left to Node (see the header): spec undefined.
      const spec = ts.isStringLiteral(arg) ? arg.text : undefined;
      if (spec !== undefined) useRelative(spec);
      dynamic.push({ node, spec });
    } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      if (!ts.isPropertyAccessExpression(node.parent) || node.parent.name.text !== 'url') fail(module, 'only import.meta.url is supported');
      metas.push(node.parent);
    } else if (ts.isAwaitExpression(node) && !inFunction) {
      fail(module, 'top-level await is not supported');
    } else if (ts.isForOfStatement(node) && node.awaitModifier && !inFunction) {
      fail(module, 'top-level for await is not supported');
    }
    const fn = inFunction || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
    ts.forEachChild(node, (child) => walk(child, fn));
  };
  walk(sf, false);
  return { sf, relative: relativeSpecs, imports, exports, dynamic, metas };
}

/** The names a declaration (`export function f`, `export const { a, b } = ...`) binds. */
function declaredNames(module, statement) {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return [statement.name.text];
  if (ts.isVariableStatement(statement)) {
    if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) fail(module, 'export let/var is not supported (a live binding would be lost)');
    const names = [];
    const bind = (name) => {
      if (ts.isIdentifier(name)) names.push(name.text);
      else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
    };
    for (const d of statement.declarationList.declarations) bind(d.name);
    return names;
  }
  return fail(module, `unsupported export: ${ts.SyntaxKind[statement.kind]}`);
}

/** Every name a module exports (its own and re-exported ones). */
function exportNames(module) {
  return module.exports.flatMap((e) => e.names.map(([exported]) => exported));
}

/** Marks each module with its strongly connected component of static imports (Tarjan). */
function markCycles(modules) {
  // Only static imports run a module's dependencies first; import() runs later, so it cannot cycle.
  const staticDeps = (m) => [...m.imports.map((i) => i.spec), ...m.exports.filter((e) => e.from).map((e) => e.from)].filter(isRelative).map((spec) => m.deps[m.relative.indexOf(spec)]);
  let counter = 0;
  const low = new Map();
  const order = new Map();
  const stack = [];
  const connect = (id) => {
    order.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    for (const dep of staticDeps(modules[id])) {
      if (!order.has(dep)) {
        connect(dep);
        low.set(id, Math.min(low.get(id), low.get(dep)));
      } else if (stack.includes(dep)) low.set(id, Math.min(low.get(id), order.get(dep)));
    }
    if (low.get(id) === order.get(id)) {
      let member;
      do {
        member = stack.pop();
        modules[member].component = id;
      } while (member !== id);
    }
  };
  for (const m of modules) if (!order.has(m.id)) connect(m.id);
}

/** A static import as a declaration (destructuring the module's exports). */
function importStatement(module, entry, modules, vendor) {
  const { spec, clause } = entry;
  let source;
  if (isRelative(spec)) source = `${HELPERS}load(${module.deps[module.relative.indexOf(spec)]})`;
  else if (isBuiltin(spec)) source = `process.getBuiltinModule(${JSON.stringify(spec.startsWith('node:') ? spec : `node:${spec}`)})`;
  else {
    checkCommonJs(module, spec);
    vendor.add(spec, module.file);
    // Loaded on first use: each use of an imported name reads it from the package's exports.
    const exportsOf = `${HELPERS}vendor(${JSON.stringify(spec)})`;
    if (clause?.isTypeOnly) return '';
    // Parenthesised: `new Command()` must stay `new (__kft_vendor("commander").Command)()`.
    if (clause?.name) module.live.set(clause.name.text, `(${exportsOf})`);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) module.live.set(bindings.name.text, `(${exportsOf})`);
    else if (bindings) for (const e of bindings.elements) if (!e.isTypeOnly) module.live.set(e.name.text, `(${exportsOf}.${(e.propertyName ?? e.name).text})`);
    return clause ? '' : `${exportsOf};`;
  }
  if (!clause) return `${source};`;
  if (clause.isTypeOnly) return '';
  const lazyTarget = isRelative(spec) ? modules[module.deps[module.relative.indexOf(spec)]] : undefined;
  if (lazyTarget?.lazy) {
    // Read from the module at each use, so that it loads (once) when first used.
    if (clause.name) fail(module, 'default imports of our own modules are not supported');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) module.live.set(bindings.name.text, `${source}`);
    else if (bindings) {
      const exported = exportNames(lazyTarget);
      for (const e of bindings.elements) {
        if (e.isTypeOnly) continue;
        if (!exported.includes((e.propertyName ?? e.name).text)) fail(module, `'${(e.propertyName ?? e.name).text}' is not exported by ${spec}`);
        module.live.set(e.name.text, `${source}.${(e.propertyName ?? e.name).text}`);
      }
    }
    return '';
  }
  const parts = [];
  if (clause.name) {
    // A default import of CommonJS (and of a builtin) is module.exports itself, as in Node's ESM.
    if (isRelative(spec)) fail(module, 'default imports of our own modules are not supported');
    parts.push(`const ${clause.name.text} = ${source};`);
    source = clause.name.text;
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) parts.push(`const ${bindings.name.text} = ${source};`);
  else if (bindings) {
    const names = bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ? `${e.propertyName.text}: ${e.name.text}` : e.name.text));
    if (isRelative(spec)) {
      const target = modules[module.deps[module.relative.indexOf(spec)]];
      const exported = exportNames(target);
      for (const e of bindings.elements) if (!exported.includes((e.propertyName ?? e.name).text)) fail(module, `'${(e.propertyName ?? e.name).text}' is not exported by ${spec}`);
      if (target.component === module.component) {
        const namespace = `${HELPERS}m${target.id}`;
        for (const e of bindings.elements) module.live.set(e.name.text, `${namespace}.${(e.propertyName ?? e.name).text}`);
        parts.push(`const ${namespace} = ${source};`);
        return parts.join(' ');
      }
    }
    parts.push(names.length > 0 ? `const { ${names.join(', ')} } = ${source};` : `${source};`);
  } else if (!clause.name) parts.push(`${source};`);
  return parts.join(' ');
}

/**
 * Rewrites each use of a name imported inside an import cycle into a property access on its
 * module's exports (`c` → `__kft_m7.b`). A local declaration of the same name anywhere in the
 * module would make "use" ambiguous without scope analysis, so it fails the build instead.
 */
function liveEdits(module) {
  if (module.live.size === 0) return [];
  const edits = [];
  const sf = module.sf;
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && module.live.has(node.text)) {
      const parent = node.parent;
      const replacement = module.live.get(node.text);
      if (isDeclarationName(node)) fail(module, `'${node.text}' is imported (and read from its module at each use: an import cycle or a package) and also declared locally; rename one of them`);
      if (ts.isShorthandPropertyAssignment(parent)) edits.push({ start: node.getStart(sf), end: node.end, text: `${node.text}: ${replacement}` });
      else if (!isPropertyName(node) && !ts.isExportSpecifier(parent)) edits.push({ start: node.getStart(sf), end: node.end, text: replacement });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edits;
}

/** Whether an identifier is the name of a declaration (variable, parameter, function, class, ...). */
function isDeclarationName(node) {
  const parent = node.parent;
  return (
    ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) && parent.name === node) ||
    (ts.isBindingElement(parent) && parent.name === node)
  );
}

/** Whether an identifier names a property (`x.name`, `{ name: 1 }`, a method) rather than a binding. */
function isPropertyName(node) {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) && parent.name === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)
  );
}

/** Static imports may only name CommonJS packages: require() returns what `import` would give. */
function checkCommonJs(module, spec) {
  const path = createRequire(module.file).resolve(spec);
  if (path.endsWith('.mjs')) fail(module, `'${spec}' is an ES module package; import it with import() or leave it out of the bundle`);
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    if (pkg.type === 'module' && !path.endsWith('.cjs')) fail(module, `'${spec}' is an ES module package; import it with import() or leave it out of the bundle`);
    return;
  }
}

function factory(module, modules, index, outDir, vendor) {
  const edits = [];
  const sf = module.sf;
  module.live = new Map();
  for (const entry of module.imports) edits.push({ start: entry.node.getStart(sf), end: entry.node.end, text: importStatement(module, entry, modules, vendor) });
  edits.push(...liveEdits(module));
  for (const entry of module.exports) {
    if (entry.modifier) edits.push({ start: entry.modifier.getStart(sf), end: entry.modifier.end, text: '' });
    else edits.push({ start: entry.node.getStart(sf), end: entry.node.end, text: entry.from ? `${HELPERS}load(${module.deps[module.relative.indexOf(entry.from)]});` : '' });
  }
  for (const entry of module.dynamic) {
    if (entry.spec !== undefined && isRelative(entry.spec)) edits.push({ start: entry.node.getStart(sf), end: entry.node.end, text: `Promise.resolve().then(() => ${HELPERS}load(${module.deps[module.relative.indexOf(entry.spec)]}))` });
    // A package or a computed specifier stays outside: bin/kft.cjs's import() loads it (a vm.Script
    // has no import() of its own).
    else edits.push({ start: entry.node.expression.getStart(sf), end: entry.node.expression.end, text: `${HELPERS}import` });
  }
  const url = JSON.stringify(relative(outDir, module.file).split(sep).join('/'));
  for (const meta of module.metas) edits.push({ start: meta.getStart(sf), end: meta.end, text: `new URL(${url}, ${HELPERS}url).href` });
  edits.sort((a, b) => b.start - a.start);
  let body = module.source;
  for (const e of edits) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  const getters = module.exports.flatMap((e) =>
    e.names.map(([exported, local]) => (e.from ? `get ${exported}() { return ${HELPERS}load(${module.deps[module.relative.indexOf(e.from)]}).${local}; }` : `get ${exported}() { return ${module.live.get(local) ?? local}; }`)),
  );
  const name = relative(outDir, module.file).split(sep).join('/');
  const exportsObject = `const ${HELPERS}exports = ${HELPERS}cache[${module.id}] = { __proto__: null, ${getters.join(', ')} };`;
  return `// ${name}\nfunction () {\n${exportsObject}\n${body.replace(/^#!.*\n/, '').replace(/\n*$/, '')}\nreturn ${HELPERS}exports;\n}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const [entry = join(root, 'dist', 'cli', 'main.js'), out = join(root, 'dist', 'cli-bundle.js')] = process.argv.slice(2);
  const { script } = bundle(entry, out);
  writeFileSync(out, script);
  // The code cache of the previous bundle (scripts/code-cache.mjs writes the new one) and the package
  // files of earlier bundles, which kept the packages beside the bundle.
  const outDir = dirname(resolve(out));
  const stale = outFile => outFile === `${basename(out, '.js')}.cache` || (outFile.startsWith(`${basename(out, '.js')}.vendor.`) && outFile.endsWith('.cjs'));
  for (const file of readdirSync(outDir).filter(stale)) rmSync(join(outDir, file));
}
