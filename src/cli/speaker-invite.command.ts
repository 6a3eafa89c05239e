import { Command, CommandRunner, Help, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/viewer';
import { Conference } from '../conferences/conference.entity';
import { MailStatus, OutboxMail } from '../mail/mail.entity';
import { InvitationService } from '../speaker-portal/invitations/invitation.service';
import { Speaker } from '../speakers/speaker.entity';
import { examples, UsageError } from './usage';

interface InviteOptions {
  conference: string;
  speaker?: string;
  name?: string;
  email: string;
  locale?: string;
}

/** An invitation to speak, as `inviteSpeaker` makes it; without SMTP_URL its mail is printed, to follow the link at once. */
@Command({ name: 'speaker:invite', description: 'Invite a speaker to a conference: a mail with a sign-in link to their own page' })
export class SpeakerInviteCommand extends CommandRunner {
  constructor(
    private readonly invitations: InvitationService,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async run(_: string[], options: InviteOptions): Promise<void> {
    if (Boolean(options.speaker) === Boolean(options.name)) throw new UsageError('Give either --speaker <slug> or --name <name>.');
    const conference = await this.dataSource.getRepository(Conference).findOneBy({ slug: options.conference });
    if (!conference) throw new Error(`--conference: no conference "${options.conference}"`);
    const speaker = options.speaker ? await this.dataSource.getRepository(Speaker).findOneBy({ slug: options.speaker }) : undefined;
    if (options.speaker && !speaker) throw new Error(`--speaker: no speaker "${options.speaker}"`);
    const invitation = await this.invitations.invite(
      {
        conferenceId: String(conference.id),
        speakerId: speaker ? String(speaker.id) : null,
        name: options.name,
        email: options.email,
        locale: options.locale,
      },
      SYSTEM_ACTOR,
    );
    console.log(
      `Invited ${options.name ?? speaker!.name} to ${conference.name} (invitation ${invitation.id}), mailing ${invitation.email}.`,
    );
    const mail = await this.dataSource
      .getRepository(OutboxMail)
      .findOne({ where: { speakerId: invitation.speakerId, kind: 'invitation' }, order: { id: 'DESC' } });
    if (mail?.status === MailStatus.KEPT)
      console.log(`No SMTP_URL is set, so the mail is kept, not sent. It reads:\n\n${mail.subject}\n\n${mail.text}`);
  }

  @Option({ flags: '--conference <slug>', description: "The conference's slug", required: true })
  parseConference(value: string): string {
    return value;
  }

  @Option({ flags: '--speaker <slug>', description: 'An existing speaker, by slug' })
  parseSpeaker(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'A new speaker, by name' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--email <address>', description: 'Where the invitation goes', required: true })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--locale <sv|nb|en>', description: "The mail's and the page's language (default: the conference's)" })
  parseLocale(value: string): string {
    return value;
  }

  @Help('after')
  examples(): string {
    return examples(
      'npm run cli -- speaker:invite --conference teknologi-og-politikk-2020 --name "Ingrid Solberg" --email ingrid@example.org',
      'npm run cli -- speaker:invite --conference umea-jobbhackathon-2016 --speaker olle-lundin --email olle@example.org --locale sv',
    );
  }
}
