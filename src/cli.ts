import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommanderError } from 'commander';
import { CommandFactory } from 'nest-commander';
import { CliProgram } from './cli/cli-program';
import { CliModule } from './cli/cli.module';
import { examples, UsageError } from './cli/usage';
import { readConfiguration } from './config/configuration';

/**
 * Exit codes: 0 when done (and for --help and --version), 1 when the command failed (a draft
 * conference, a file that does not parse), 2 when it was asked wrongly (an unknown command or
 * option, a missing or bad value). Each error is written once, on standard error.
 */
const FAILED = 1;
const USAGE = 2;

const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

async function main(): Promise<void> {
  const app = await CommandFactory.createWithoutRunning(CliModule.with(readConfiguration(process.env)), {
    logger: ['error', 'warn'],
    version,
    // What run() throws: a usage error, or the command's own failure.
    serviceErrorHandler: (error) => fail(error),
  });
  const { program } = app.get(CliProgram);
  program
    .name('cli.js')
    .description('Lectern from the command line: the database, the demo programme, imports, static copies and tokens.')
    .addHelpText(
      'after',
      examples('npm run cli -- demo:load', 'npm run cli -- token:create --admin --name "Ada Admin"', 'npm run cli -- site:export --help') +
        '\nAfter a build (npm run build) the same commands run as node dist/src/cli.js <command>.\n' +
        'Exit status: 0 done, 1 the command failed, 2 an unknown command or bad arguments.\n',
    );
  for (const command of [program, ...program.commands]) {
    // Commander has written its message (or the help) already: only the exit code is left to choose.
    command.exitOverride((error: CommanderError) => process.exit(error.exitCode === 0 ? 0 : USAGE));
    command.showSuggestionAfterError(true);
    for (const option of command.options) {
      const parse = option.parseArg;
      if (!parse) continue;
      // An option's parser refuses a value with a plain Error; Commander reports it as a bad value then.
      option.argParser((value: string, previous: unknown) => {
        try {
          return parse.call(option, value, previous);
        } catch (error) {
          throw Object.assign(new Error(error instanceof Error ? error.message : String(error)), {
            code: 'commander.invalidArgument',
            exitCode: USAGE,
          });
        }
      });
    }
  }
  await CommandFactory.runApplication(app);
  await app.close();
}

function fail(error: unknown): never {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? USAGE : FAILED);
}

main().catch(fail);
