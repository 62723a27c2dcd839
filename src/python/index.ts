/**
 * Python-function components without Python: the module reader and the component kfp 1.8's
 * `create_component_from_func` makes of a function, with its component.yaml text. Modules are read
 * once per text (a spec's components often share one module).
 */
import { pythonComponent, type PythonComponentOptions, type PythonComponentResult } from './component.js';
import { kfpDumpYaml, type YamlValue } from './kfpYaml.js';
import { readModule, type PyModule } from './module.js';

export { DEFAULT_BASE_IMAGE, componentNameOf, type GeneratedComponent, type PythonComponentOptions, type PythonComponentResult, type PythonProblem } from './component.js';
export { kfpDumpYaml } from './kfpYaml.js';
export type { PyModule } from './module.js';

/** Modules by their text: reading is pure, so equal texts share one reading. */
const modules = new Map<string, PyModule>();
const MAX_CACHED_MODULES = 256;

/** The module of `text` (CRLF and a BOM as Python reads them), from the cache when read before. */
export function pythonModule(text: string): PyModule {
  let module = modules.get(text);
  if (!module) {
    if (modules.size >= MAX_CACHED_MODULES) modules.delete(modules.keys().next().value!);
    module = readModule(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    modules.set(text, module);
  }
  return module;
}

/** Components made of a module's functions, by function and options (the result is immutable data). */
const components = new WeakMap<PyModule, Map<string, PythonComponentResult>>();

/** The component of function `name` in the module `text`. */
export function componentFromPython(text: string, name: string, options: PythonComponentOptions = {}): PythonComponentResult & { readonly module: PyModule } {
  const module = pythonModule(text);
  let made = components.get(module);
  if (!made) components.set(module, (made = new Map()));
  const key = JSON.stringify([name, options.baseImage, options.packages, options.packageIndexUrls, options.metadata]);
  let result = made.get(key);
  if (!result) made.set(key, (result = deepFreeze(pythonComponent(module, name, options))));
  return { ...result, module };
}

/** Shared results are frozen, so no caller can change what another one gets. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The component.yaml text kfp writes for a component (output_component_file). */
export const componentYaml = (component: object): string => kfpDumpYaml(component as YamlValue);
