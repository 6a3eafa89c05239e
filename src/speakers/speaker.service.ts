import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { organises, Viewer } from '../auth/viewer';
import { applyChanges, stamped } from '../common/entities';
import { conflict, notFound, UserError } from '../common/errors';
import { searchable, toLocalisedText } from '../common/localisation';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { Speaker } from './speaker.entity';
import { CreateSpeakerInput, UpdateSpeakerInput } from './speaker.inputs';

const NAME_MAX = 200;
const BIO_MAX = 20000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The person, independent of any programme; who may see a speaker is decided by the programme. */
@Injectable()
export class SpeakerService {
  constructor(
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly transactions: Transactions,
    private readonly events: ProgrammeEvents,
  ) {}

  repository(): Repository<Speaker> {
    return this.speakers;
  }

  byIds(ids: readonly number[]): Promise<Speaker[]> {
    return this.speakers.findBy({ id: In([...ids]) });
  }

  async require(manager: EntityManager, id: number, field = 'id'): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id });
    if (!speaker) throw notFound('speaker', field, id);
    return speaker;
  }

  /** Any organiser may add a person; until they appear somewhere, any organiser may edit them. */
  create(input: CreateSpeakerInput, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = manager.create(Speaker, { otherNames: [], bio: {}, links: [], photoUrl: null, email: null });
      this.apply(speaker, input);
      return this.save(manager, speaker);
    }, within);
  }

  /** The person is shared: an organiser of any conference they appear in may edit them. */
  update(id: number, input: UpdateSpeakerInput, actor: Viewer, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      const conferences = await this.conferencesOf(manager, speaker.id);
      if (conferences.length > 0 && !conferences.some((conferenceId) => organises(actor, conferenceId))) {
        throw new UserError('FORBIDDEN', 'This speaker appears only in conferences you do not organise.');
      }
      this.apply(speaker, input);
      const saved = await this.save(manager, speaker);
      for (const conferenceId of conferences) this.events.record(manager, { kind: 'SPEAKER_CHANGED', conferenceId, speakerId: saved.id });
      return saved;
    }, within);
  }

  /** Deleting a person takes them out of every programme, so it needs every one of those conferences. */
  remove(id: number, actor: Viewer): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      const conferences = await this.conferencesOf(manager, speaker.id);
      if (!conferences.every((conferenceId) => organises(actor, conferenceId))) {
        throw new UserError('FORBIDDEN', 'This speaker also appears in conferences you do not organise.');
      }
      await manager.delete(Speaker, { id });
      for (const conferenceId of conferences) this.events.record(manager, { kind: 'SPEAKER_CHANGED', conferenceId, speakerId: id, details: { deleted: true } });
      return Object.assign(speaker, { id });
    });
  }

  /**
   * The conferences a person takes part in, in a session or an interview. Who may change a
   * person depends on where they appear, so this one query reads the programme's tables by name.
   */
  async conferencesOf(manager: EntityManager, speakerId: number): Promise<number[]> {
    const rows: { conferenceId: number | string }[] = await manager.query(
      `SELECT DISTINCT "s"."conferenceId" AS "conferenceId" FROM "appearances" "a" INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId" WHERE "a"."speakerId" = $1
       UNION
       SELECT DISTINCT "i"."conferenceId" AS "conferenceId" FROM "interview_speakers" "iv" INNER JOIN "interviews" "i" ON "i"."id" = "iv"."interviewId" WHERE "iv"."speakerId" = $1 AND "i"."conferenceId" IS NOT NULL`,
      [speakerId],
    );
    return rows.map((row) => Number(row.conferenceId));
  }

  private apply(speaker: Speaker, input: UpdateSpeakerInput): void {
    const v = new Validation();
    const { bio, otherNames, links, ...plain } = input;
    if (speaker.id === undefined) v.required(input.slug, 'slug').required(input.name, 'name');
    else v.check(input.slug !== null, 'slug', 'cannot be cleared').check(input.name !== null, 'name', 'cannot be cleared');
    v.slug(input.slug ?? undefined).maxLength(input.name, NAME_MAX, 'name').url(input.photoUrl, 'photoUrl');
    otherNames?.forEach((name, i) => v.required(name, `otherNames[${i}]`).maxLength(name, NAME_MAX, `otherNames[${i}]`));
    links?.forEach((link, i) => v.required(link.label, `links[${i}].label`).url(link.url, `links[${i}].url`));
    if (input.email != null) v.check(EMAIL.test(input.email), 'email', 'is not an e-mail address');
    const text = toLocalisedText(bio, 'bio', v, BIO_MAX);
    v.throwIfFailed();

    applyChanges(speaker, plain);
    if (otherNames) speaker.otherNames = otherNames.map((name) => name.trim());
    if (links) speaker.links = links.map(({ label, url }) => ({ label, url }));
    if (text) speaker.bio = text;
    speaker.searchText = searchable(speaker.name, speaker.otherNames.join(' '));
  }

  private async save(manager: EntityManager, speaker: Speaker): Promise<Speaker> {
    const clash = await manager.findOneBy(Speaker, { slug: speaker.slug });
    if (clash && clash.id !== speaker.id) throw conflict('slug', `another speaker already has the slug "${speaker.slug}"`);
    return manager.save(stamped(speaker));
  }
}
