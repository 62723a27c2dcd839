/**
 * The kft command line. The only place that prints, reads the terminal's colour support and
 * chooses exit codes; everything else is the library.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { runBuild } from './commands/build.js';
import { runValidate } from './commands/validate.js';
import { ExitCode } from './exitCodes.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command()
    .name('kft')
    .description('Compile KFP-style pipeline specs (YAML) into Tekton manifests.')
    .version(version, '-V, --version')
    .option('--no-color', 'disable colour output (also NO_COLOR=1)')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError('(run kft --help for usage)');

  program
    .command('build')
    .description('compile specs into Tekton manifests (stdout, or files under -o DIR)')
    .argument('<spec...>', 'spec files (YAML or JSON)')
    .option('-o, --output <dir>', 'write one file per spec into DIR instead of stdout')
    .addOption(new Option('--api-version <version>', 'Tekton API version').choices(['v1', 'v1beta1']).default('v1'))
    .addOption(new Option('--layout <layout>', 'one PipelineRun embedding the pipeline, or a Pipeline plus a PipelineRun referencing it').choices(['pipelinerun', 'pipeline']).default('pipelinerun'))
    .addOption(new Option('--loops <form>', 'PipelineLoops inlined as taskSpec, or separate resources referenced by taskRef').choices(['inline', 'separate']).default('inline'))
    .addOption(new Option('--conditions <form>', "conditions as kfp-tekton's condition task, or direct Tekton when expressions where possible").choices(['task', 'when']).default('task'))
    .option('--no-kfp-metadata', 'leave out the KFP-Tekton backend annotations and labels (plain Tekton)')
    .addOption(new Option('--output-format <format>', 'manifest format').choices(['yaml', 'json']).default('yaml'))
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(['text', 'json']).default('text'))
    .option('--allow-outside-root', "let component files lie outside the spec's directory")
    .option('--requirements', 'print what the cluster needs to run the output (Tekton version, feature flags, controllers, RBAC) instead of the manifests')
    .action(async (specs: string[], opts) => {
      exitCode = await runBuild(specs, { ...opts, color: program.opts().color });
    });

  program
    .command('validate')
    .description('check specs and report problems; writes nothing')
    .argument('<spec...>', 'spec files (YAML or JSON)')
    .addOption(new Option('-f, --format <format>', 'diagnostics format').choices(['text', 'json']).default('text'))
    .option('--allow-outside-root', "let component files lie outside the spec's directory")
    .action(async (specs: string[], opts) => {
      exitCode = await runValidate(specs, { ...opts, color: program.opts().color });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    throw error;
  }
}
