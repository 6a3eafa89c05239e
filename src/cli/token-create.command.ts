import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { OrganiserRole } from '../auth/organiser.entity';
import { SYSTEM_ACTOR } from '../auth/viewer';
import { OrganiserService } from '../organisers/organiser.service';
import { examples, UsageError } from './usage';

interface TokenOptions {
  admin?: boolean;
  name: string;
  organiser?: string;
  expiresInDays?: number;
}

/** The way in: the first admin token comes from here, never from a default password. */
@Command({
  name: 'token:create',
  description: 'Create a personal access token, for a new admin or an existing organiser',
})
export class TokenCreateCommand extends CommandRunner {
  constructor(private readonly organisers: OrganiserService) {
    super();
  }

  async run(_: string[], options: TokenOptions): Promise<void> {
    if (!options.name) throw new UsageError("Give --name: the new admin's name, or what the token is for.");
    if (Boolean(options.admin) === Boolean(options.organiser)) throw new UsageError('Give either --admin or --organiser <id>.');
    const organiserId = options.admin
      ? (await this.organisers.create({ name: options.name, role: OrganiserRole.ADMIN }, SYSTEM_ACTOR)).id
      : options.organiser!;
    const expiresAt = options.expiresInDays ? new Date(Date.now() + options.expiresInDays * 86_400_000) : null;
    const { secret, token } = await this.organisers.issueToken(
      { name: options.admin ? 'command line' : options.name, expiresAt, organiserId: String(organiserId) },
      SYSTEM_ACTOR,
    );
    console.log(`Token ${token.prefix}… for organiser ${organiserId}${expiresAt ? `, valid until ${expiresAt.toISOString()}` : ''}.`);
    console.log('It is shown this once; send it as "Authorization: Bearer <token>":');
    console.log(secret);
  }

  @Option({ flags: '--admin', description: 'Create a new admin organiser with this token' })
  parseAdmin(): boolean {
    return true;
  }

  @Option({ flags: '--name <name>', description: "The new admin's name, or what the token is for", required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--organiser <id>', description: "An existing organiser's id" })
  parseOrganiser(value: string): string {
    return value;
  }

  @Option({ flags: '--expires-in-days <days>', description: 'Let the token expire after this many days' })
  parseExpiry(value: string): number {
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1) throw new Error('--expires-in-days takes a whole number of days');
    return days;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- token:create --admin --name "Ada Admin"',
      'npm run cli -- token:create --organiser 2 --name laptop --expires-in-days 90',
    );
  }
}
