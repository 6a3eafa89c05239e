import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';

CommandFactory.run(CliModule, { logger: ['error', 'warn'], errorHandler: (error) => {
  console.error(error.message);
  process.exit(1);
} }).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
