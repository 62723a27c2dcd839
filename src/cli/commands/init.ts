/**
 * `kft init [DIR] [--python]`: scaffold a pipeline that builds at once: spec.yaml (with the schema
 * modeline for yaml-language-server), a component file (or, with --python, a Python module whose
 * functions are the components), and the bundled schema the modeline points at. Existing files are
 * never overwritten without --force.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ExitCode } from '../exitCodes.js';
import { say, writeAllAtomic } from '../io.js';
import { bundledPipelineSchema } from '../schema/bundle.js';

export interface InitOptions {
  readonly force?: boolean;
  readonly name?: string;
  /** Components made from Python functions (components/steps.py) instead of a component.yaml. */
  readonly python?: boolean;
}

export const SCHEMA_FILE = 'kft.schema.json';

export async function runInit(dir: string, options: InitOptions): Promise<number> {
  const name = pipelineName(options.name ?? basename(resolve(dir)));
  const files = [
    { path: join(dir, 'spec.yaml'), text: options.python ? pythonSpecText(name) : specText(name) },
    options.python ? { path: join(dir, 'components', 'steps.py'), text: PYTHON_MODULE } : { path: join(dir, 'components', 'say.yaml'), text: COMPONENT },
    { path: join(dir, SCHEMA_FILE), text: JSON.stringify(bundledPipelineSchema(), null, 2) + '\n' },
  ];
  const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
  if (existing.length && !options.force) {
    say(`not overwriting ${existing.join(', ')} (use --force)`);
    return ExitCode.usage;
  }
  try {
    writeAllAtomic(files);
  } catch (error) {
    say(`cannot write: ${(error as Error).message}`);
    return ExitCode.usage;
  }
  for (const f of files) say(`created ${f.path}`);
  say(`next: kft build ${join(dir, 'spec.yaml')}`);
  return ExitCode.ok;
}

/** A DNS-1123 label from the directory name, so the PipelineRun name is the one the user sees. */
function pipelineName(raw: string): string {
  const name = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return /^[a-z]/.test(name) ? name : `pipeline${name ? `-${name}` : ''}`.slice(0, 63);
}

const specText = (name: string): string => `# yaml-language-server: $schema=./${SCHEMA_FILE}
# A kft pipeline: build it with \`kft build spec.yaml\`; the language is described in docs/spec.md.
apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: ${name}
  description: Greets someone, then repeats the greeting.
spec:
  params:
    who:
      type: String
      default: world
      description: Who to greet.
  components:
    say: {file: components/say.yaml}
  tasks:
    greet:
      component: say
      arguments:
        message: "hello, {{params.who}}"
    repeat:
      component: say
      arguments:
        message: "{{tasks.greet.outputs.said}} (again)"
`;

const COMPONENT = `# A KFP component (component.yaml format); existing component files load unchanged.
name: say
description: Prints a message and returns it as an output.
inputs:
  - {name: message, type: String, description: What to print.}
outputs:
  - {name: said, type: String, description: The message that was printed.}
implementation:
  container:
    image: alpine:3.19
    command: [sh, -c, 'echo "$0" | tee "$1"']
    args:
      - {inputValue: message}
      - {outputPath: said}
`;

const pythonSpecText = (name: string): string => `# yaml-language-server: $schema=./${SCHEMA_FILE}
# A kft pipeline whose components are Python functions (components/steps.py): kft makes the
# components kfp's create_component_from_func would make, without Python. Build it with
# \`kft build spec.yaml\`; the language is described in docs/spec.md.
apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: ${name}
  description: Greets someone, then counts the words of the greeting.
spec:
  params:
    who:
      type: String
      default: world
      description: Who to greet.
  components:
    greet: {implementation: {python: {file: components/steps.py, function: greet}}}
    count-words: {implementation: {python: {file: components/steps.py, function: count_words}}}
  tasks:
    greet:
      component: greet
      arguments:
        name: "{{params.who}}"
    count:
      component: count-words
      arguments:
        text: "{{tasks.greet.outputs.Output}}"
`;

const PYTHON_MODULE = `"""Components of the pipeline: each function becomes a component, as with kfp's
create_component_from_func. Parameters are inputs (typed by their annotations, optional when they
have a default), the return value is the output \`Output\` (several outputs: a NamedTuple), and the
docstring describes them. Imports the steps need go inside the functions."""
from typing import NamedTuple


def greet(name: str, greeting: str = 'hello') -> str:
    """Builds a greeting.

    Args:
        name: Who to greet.
        greeting: The word to greet with.
    """
    text = f'{greeting}, {name}'
    print(text)
    return text


def count_words(text: str) -> NamedTuple('Counts', [('words', int), ('letters', int)]):
    """Counts the words and letters of a text."""
    words = text.split()
    print(len(words), 'words')
    return (len(words), sum(len(w) for w in words))
`;
