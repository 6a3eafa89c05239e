import { Injectable } from '@nestjs/common';
import type { Command } from 'commander';
import { InjectCommander } from 'nest-commander';

/** The Commander program nest-commander builds the commands on, for main() to set it up further. */
@Injectable()
export class CliProgram {
  constructor(@InjectCommander() readonly program: Command) {}
}
