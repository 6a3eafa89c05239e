import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { readConfiguration } from './config/configuration';

CommandFactory.run(CliModule.with(readConfiguration(process.env)), {
  logger: ['error', 'warn'],
  errorHandler: (error) => {
    console.error(error.message);
    process.exit(1);
  },
  serviceErrorHandler: (error) => {
    // A command that fails must say so to the shell and to scripts, not only on stderr.
    console.error(error.message);
    process.exit(1);
  },
}).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
