/**
 * The kft command line. The only place that prints, reads the terminal's colour support and
 * chooses exit codes (exitCodes.ts); everything else is the library.
 *
 * Each command's module is imported only when that command runs: kft runs in pre-commit hooks on
 * every commit, where start-up is most of the wall time, and every ES module costs a file read,
 * a parse and a link step (docs/performance.md). `kft build` must not pay for graph, init or schema.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode } from './exitCodes.js';
import { DIAGNOSTIC_FORMATS } from './format/index.js';
import { kftVersion, say, StdoutFailed, writeStdout } from './io.js';

const SPECS_HELP = 'spec files, directories (searched for kft specs) or globs such as "pipelines/**/*.yaml"';

const formatOption = () =>
  new Option('-f, --format <format>', 'diagnostics format: text (human), json, sarif (code scanning), github (workflow annotations)').choices(DIAGNOSTIC_FORMATS).default('text');

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command()
    .name('kft')
    .description('Compile KFP-style pipeline specs (YAML) into Tekton manifests.')
    .version(kftVersion, '-V, --version')
    .option('--no-color', 'disable colour output (also NO_COLOR=1)')
    .exitOverride()
    .configureOutput({ writeOut: writeStdout, outputError: (text, write) => write(text) })
    .showHelpAfterError('(run kft --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 spec errors or stale output (--check), 2 usage or I/O error.\nDocs: docs/cli.md');
  const color = () => program.opts().color as boolean | undefined;

  program
    .command('build')
    .description('compile specs into Tekton manifests (stdout, or one file per spec under -o DIR)')
    .argument('<spec...>', SPECS_HELP)
    .option('-o, --output <dir>', 'write one multi-document file per spec into DIR (layout: docs/cli.md)')
    .option('--check', 'write nothing; exit 1 if any file under DIR is missing, stale or extra')
    .option('--prune', 'delete files under DIR that kft generated but no spec generates any more')
    .addOption(new Option('--api-version <version>', 'Tekton API version').choices(['v1', 'v1beta1']).default('v1'))
    .addOption(new Option('--layout <layout>', 'one PipelineRun embedding the pipeline, or a Pipeline plus a PipelineRun referencing it').choices(['pipelinerun', 'pipeline']).default('pipelinerun'))
    .addOption(new Option('--loops <form>', 'PipelineLoops inlined as taskSpec, or separate resources referenced by taskRef').choices(['inline', 'separate']).default('inline'))
    .addOption(new Option('--conditions <form>', "conditions as kfp-tekton's condition task, or direct Tekton when expressions where possible").choices(['task', 'when']).default('task'))
    .option('--no-kfp-metadata', 'leave out the KFP-Tekton backend annotations and labels (plain Tekton)')
    .addOption(new Option('--output-format <format>', 'manifest format').choices(['yaml', 'json']).default('yaml'))
    .addOption(formatOption())
    .option('--allow-outside-root', "let component files lie outside the spec's directory")
    .option('--requirements', 'print what the cluster needs to run the output (Tekton version, feature flags, controllers, RBAC) instead of the manifests')
    .action(async (specs: string[], opts) => {
      const { runBuild } = await import('./commands/build.js');
      exitCode = await runBuild(specs, { ...opts, color: color() });
    });

  program
    .command('validate')
    .description('check specs and report problems; writes nothing')
    .argument('<spec...>', SPECS_HELP)
    .addOption(formatOption())
    .option('--allow-outside-root', "let component files lie outside the spec's directory")
    .action(async (specs: string[], opts) => {
      const { runValidate } = await import('./commands/validate.js');
      exitCode = await runValidate(specs, { ...opts, color: color() });
    });

  program
    .command('graph')
    .description('print the task graph of a spec (groups as subgraphs, finally tasks marked)')
    .argument('<spec>', 'spec file')
    .addOption(new Option('-f, --format <format>', 'graph language').choices(['mermaid', 'dot']).default('mermaid'))
    .option('--allow-outside-root', "let component files lie outside the spec's directory")
    .action(async (spec: string, opts) => {
      const { runGraph } = await import('./commands/graph.js');
      exitCode = await runGraph(spec, { graphFormat: opts.format, allowOutsideRoot: opts.allowOutsideRoot, color: color() });
    });

  program
    .command('explain')
    .description('explain a diagnostic code (the [code] after each message); without CODE, list them all')
    .argument('[code]', 'a diagnostic code, e.g. unknown-task')
    .action(async (code: string | undefined) => {
      const { runExplain } = await import('./commands/explain.js');
      exitCode = await runExplain(code);
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft-07) of specs, for editors (yaml-language-server)')
    .option('--component', 'the schema of a component file instead of a pipeline spec')
    .option('-o, --output <file>', 'write it to FILE instead of stdout')
    .action(async (opts) => {
      const { runSchema } = await import('./commands/schema.js');
      exitCode = await runSchema(opts);
    });

  const component = program.command('component').description('make component files');
  component
    .command('python')
    .description("write the component.yaml kfp 1.8's create_component_from_func makes of a Python function (no Python needed)")
    .argument('<file:function>', 'the module and the name of a function defined at its top level, e.g. steps/train.py:train')
    .option('--base-image <image>', 'image the function runs in (default: python:3.7, as kfp)')
    .option('--packages <list>', 'comma-separated pip packages to install before the function runs')
    .option('--index-urls <list>', 'comma-separated pip index URLs for the packages (the first replaces PyPI)')
    .option('--annotation <key=value>', 'an annotation of the component (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('-o, --output <file>', 'write the component.yaml to FILE instead of stdout')
    .addOption(formatOption())
    .action(async (target: string, opts) => {
      const { runComponentPython } = await import('./commands/component.js');
      exitCode = await runComponentPython(target, { ...opts, color: color() });
    });

  program
    .command('lsp')
    .description('run the language server for editors (LSP on stdin/stdout; setup: docs/editors.md)')
    .option('--stdio', 'talk LSP over stdin and stdout (the default, and how editors start it)')
    .action(async () => {
      const { runLsp } = await import('./commands/lsp.js');
      exitCode = await runLsp();
    });

  program
    .command('init')
    .description('scaffold a pipeline spec, a component (or, with --python, Python-function components) and the editor schema in DIR')
    .argument('[dir]', 'directory to create the files in', '.')
    .option('--name <name>', 'pipeline name (default: the directory name)')
    .option('--python', 'components made from Python functions (components/steps.py) instead of a component.yaml')
    .option('--force', 'overwrite existing files')
    .action(async (dir: string, opts) => {
      const { runInit } = await import('./commands/init.js');
      exitCode = await runInit(dir, opts);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof StdoutFailed) {
      say(error.message);
      return ExitCode.usage;
    }
    throw error;
  }
}
