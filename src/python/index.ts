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

/** The component of function `name` in the module `text`. */
export function componentFromPython(text: string, name: string, options: PythonComponentOptions = {}): PythonComponentResult & { readonly module: PyModule } {
  const module = pythonModule(text);
  return { ...pythonComponent(module, name, options), module };
}

/** The component.yaml text kfp writes for a component (output_component_file). */
export const componentYaml = (component: object): string => kfpDumpYaml(component as YamlValue);
