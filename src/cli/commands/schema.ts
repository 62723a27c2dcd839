/** `kft schema [--component] [-o FILE]`: print the JSON Schema (draft-07) editors use to complete and check specs. */
import { ExitCode } from '../exitCodes.js';
import { say, writeAtomic, writeStdout } from '../io.js';
import { bundledPipelineSchema, componentSchema } from '../schema/bundle.js';

export interface SchemaOptions {
  readonly component?: boolean;
  readonly output?: string;
}

export async function runSchema(options: SchemaOptions): Promise<number> {
  const text = JSON.stringify(options.component ? componentSchema() : bundledPipelineSchema(), null, 2) + '\n';
  if (!options.output) {
    writeStdout(text);
    return ExitCode.ok;
  }
  try {
    writeAtomic(options.output, text);
  } catch (error) {
    say(`cannot write ${options.output}: ${(error as Error).message}`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
