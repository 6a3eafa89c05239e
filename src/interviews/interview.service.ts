import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Not, Repository, SelectQueryBuilder } from 'typeorm';
import { requireOrganiserOf, Viewer, visibleTo } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { applyChanges, parseId, stamped } from '../common/entities';
import { conflict, notFound } from '../common/errors';
import { LocalisedText, mergeLocalisedText } from '../common/localisation';
import { canonicalLocale, hasText, Validation } from '../common/validation';
import { Conference } from '../conferences/conference.entity';
import { ConferenceService } from '../conferences/conference.service';
import { Transactions } from '../database/transactions';
import { SessionService } from '../sessions/session.service';
import { SpeakerDirectory } from '../sessions/speaker-directory.service';
import { Speaker } from '../speakers/speaker.entity';
import { InterviewItem } from './interview-item.entity';
import { InterviewSpeaker } from './interview-speaker.entity';
import { Interview } from './interview.entity';
import { CreateInterviewInput, InterviewItemInput, UpdateInterviewInput } from './interview.inputs';
import { publicInterview } from '../published/public-rule';
import { Changes } from '../common/mutation-input';

const TEXT_MAX = 20000;
const LINE_MAX = 300;
const SLUG_MAX = 120;

/** One item as `items` leaves it: a stored one kept (`kept`), or a new one. */
interface ItemChange {
  kept?: InterviewItem;
  question: LocalisedText;
  answer: LocalisedText;
  answeredById: number | null;
  askedBy: string | null;
}

@Injectable()
export class InterviewService {
  constructor(
    @InjectRepository(Interview) private readonly interviews: Repository<Interview>,
    @InjectRepository(InterviewItem) private readonly items: Repository<InterviewItem>,
    @InjectRepository(InterviewSpeaker) private readonly participants: Repository<InterviewSpeaker>,
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly directory: SpeakerDirectory,
  ) {}

  /**
   * Published interviews whose conference and session (if any) are public too, and every
   * interview of the conferences the viewer organises.
   */
  visible(viewer: Viewer): SelectQueryBuilder<Interview> {
    const query = this.interviews.createQueryBuilder('interview');
    const visible = visibleTo(viewer, 'interview.conferenceId', publicInterview('"interview"'));
    return visible ? query.where(visible) : query;
  }

  list(filter: { conference?: Conference; speaker?: Speaker }, page: PageArgs, viewer: Viewer): Promise<Page<Interview>> {
    const query = this.visible(viewer);
    if (filter.conference) query.andWhere('interview.conferenceId = :conferenceId', { conferenceId: filter.conference.id });
    if (filter.speaker) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM "interview_speakers" "iv" WHERE "iv"."interviewId" = interview.id AND "iv"."speakerId" = :speakerId)',
        {
          speakerId: filter.speaker.id,
        },
      );
    }
    return paginate(query.orderBy('interview.publishedOn', 'DESC', 'NULLS LAST').addOrderBy('interview.id', 'DESC'), page);
  }

  async bySlug(slug: string, viewer: Viewer): Promise<Interview> {
    const interview = await this.visible(viewer).andWhere('interview.slug = :slug', { slug }).getOne();
    if (!interview) throw notFound('interview', 'slug', slug);
    return interview;
  }

  byIds(ids: readonly number[]): Promise<Interview[]> {
    return this.interviews.findBy({ id: In([...ids]) });
  }

  /**
   * The items readers are shown, in order. Lectern once stored items without a question or an
   * answer (empty texts were dropped, the item kept); those are left out, as no reader could show
   * them and every reader requires both.
   */
  async itemsOf(interviewIds: readonly number[]): Promise<InterviewItem[]> {
    const items = await this.items.find({ where: { interviewId: In([...interviewIds]) }, order: { position: 'ASC' } });
    return items.filter((item) => hasText(item.question) && hasText(item.answer));
  }

  participantsOf(interviewIds: readonly number[]): Promise<InterviewSpeaker[]> {
    return this.participants.find({ where: { interviewId: In([...interviewIds]) }, order: { position: 'ASC' } });
  }

  /** The interviews the viewer may see, about each of these sessions. */
  aboutSessions(sessionIds: readonly number[], viewer: Viewer): Promise<Interview[]> {
    return this.visible(viewer)
      .andWhere('interview.sessionId IN (:...sessionIds)', { sessionIds })
      .orderBy('interview.publishedOn', 'ASC')
      .getMany();
  }

  /** The interviews the viewer may see with each of these speakers, keyed by speaker. */
  async withSpeakers(speakerIds: readonly number[], viewer: Viewer): Promise<{ speakerId: number; interview: Interview }[]> {
    const { entities, raw } = await this.visible(viewer)
      .innerJoin(InterviewSpeaker, 'participant', 'participant.interviewId = interview.id')
      .addSelect('participant.speakerId', 'participant_speaker')
      .andWhere('participant.speakerId IN (:...speakerIds)', { speakerIds })
      .orderBy('interview.publishedOn', 'ASC')
      .addOrderBy('interview.id', 'ASC')
      .getRawAndEntities();
    const byId = new Map(entities.map((interview) => [interview.id, interview]));
    return raw.map((row) => ({ speakerId: Number(row.participant_speaker), interview: byId.get(Number(row.interview_id))! }));
  }

  create(input: CreateInterviewInput, actor: Viewer, within?: EntityManager): Promise<Interview> {
    return this.transactions.run(async (manager) => {
      const interview = manager.create(Interview, {
        conferenceId: null,
        sessionId: null,
        lead: {},
        author: null,
        publishedOn: null,
        sourceUrl: null,
        published: false,
      });
      return this.write(manager, interview, input, actor, true);
    }, within);
  }

  update(id: string, input: Changes<UpdateInterviewInput>, actor: Viewer): Promise<Interview> {
    return this.transactions.run(async (manager) => {
      const interview = await manager.findOneBy(Interview, { id: parseId(id, 'interview') });
      if (!interview) throw notFound('interview', 'id', id);
      requireOrganiserOf(actor, interview.conferenceId);
      return this.write(manager, interview, input, actor, false);
    });
  }

  remove(id: string, actor: Viewer): Promise<Interview> {
    return this.transactions.run(async (manager) => {
      const interview = await manager.findOneBy(Interview, { id: parseId(id, 'interview') });
      if (!interview) throw notFound('interview', 'id', id);
      requireOrganiserOf(actor, interview.conferenceId);
      await manager.delete(Interview, { id: interview.id });
      return interview;
    });
  }

  /** Interviews belong to a conference's organisers; one about no conference, to admins. */
  private async write(
    manager: EntityManager,
    interview: Interview,
    input: Changes<UpdateInterviewInput>,
    actor: Viewer,
    creating: boolean,
  ): Promise<Interview> {
    const v = new Validation();
    const { title, lead, items, speakerIds, conferenceId, sessionId, language, ...plain } = input;
    if (creating) v.required(input.slug, 'slug').required(language, 'language');
    else for (const field of ['slug', 'language'] as const) v.check(input[field] !== null, field, 'cannot be cleared');
    if (input.slug != null)
      v.check(
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.slug) && input.slug.length <= SLUG_MAX,
        'slug',
        'must be lower-case letters, digits and single hyphens',
      );
    v.locale(language ?? undefined, 'language')
      .url(input.sourceUrl, 'sourceUrl')
      .maxLength(input.author, LINE_MAX, 'author');
    if (input.publishedOn != null) v.date(input.publishedOn, 'publishedOn');
    const titleText = mergeLocalisedText(interview.title, title, 'title', v, { maxLength: LINE_MAX, required: true });
    const leadText = mergeLocalisedText(interview.lead, lead, 'lead', v, { maxLength: TEXT_MAX });
    const itemChanges = items && (await this.itemChanges(manager, creating ? undefined : interview.id, items, v));
    v.throwIfFailed();

    applyChanges(interview, plain);
    if (language) interview.language = canonicalLocale(language)!;
    if (titleText) interview.title = titleText;
    if (leadText) interview.lead = leadText;
    await this.placeIn(manager, interview, conferenceId, sessionId);
    requireOrganiserOf(actor, interview.conferenceId, sessionId !== undefined ? 'sessionId' : 'conferenceId');

    const clash = await manager.findOneBy(Interview, { slug: interview.slug });
    if (clash && clash.id !== interview.id) throw conflict('slug', `another interview already has the slug "${interview.slug}"`);
    const saved = await manager.save(stamped(interview));

    const speakerRows = speakerIds
      ? await this.replaceSpeakers(manager, saved, speakerIds, actor)
      : await manager.findBy(InterviewSpeaker, { interviewId: saved.id });
    if (itemChanges) await this.replaceItems(manager, saved, itemChanges, new Set(speakerRows.map((row) => row.speakerId)));
    return saved;
  }

  /**
   * What `items` asks for, checked: each item is new, or one of the interview's own items
   * (`id`), whose texts are merged by locale and whose other fields left out keep their value.
   * Either way an item ends with a question and an answer in at least one language, so that
   * every reader can show it.
   */
  private async itemChanges(
    manager: EntityManager,
    interviewId: number | undefined,
    items: InterviewItemInput[],
    v: Validation,
  ): Promise<ItemChange[]> {
    const stored = new Map(
      (interviewId === undefined ? [] : await manager.findBy(InterviewItem, { interviewId })).map((item) => [item.id, item]),
    );
    const listed = new Set<number>();
    return items.map((item, i) => {
      const at = `items[${i}]`;
      let kept: InterviewItem | undefined;
      if (item.id != null) {
        const id = parseId(item.id, 'interview item', `${at}.id`);
        kept = stored.get(id);
        if (!kept) throw notFound('item of this interview', `${at}.id`, item.id);
        v.check(!listed.has(id), `${at}.id`, 'lists an item twice');
        listed.add(id);
      }
      const rule = { maxLength: TEXT_MAX, required: true };
      const question = mergeLocalisedText(kept?.question, item.question, `${at}.question`, v, rule) ?? kept?.question ?? {};
      const answer = mergeLocalisedText(kept?.answer, item.answer, `${at}.answer`, v, rule) ?? kept?.answer ?? {};
      v.maxLength(item.askedBy, LINE_MAX, `${at}.askedBy`);
      const answeredById =
        item.answeredById === undefined
          ? (kept?.answeredById ?? null)
          : item.answeredById === null
            ? null
            : parseId(item.answeredById, 'speaker', `${at}.answeredById`);
      const askedBy = item.askedBy === undefined ? (kept?.askedBy ?? null) : item.askedBy;
      return { kept, question, answer, answeredById, askedBy };
    });
  }

  /** Replaces the interview's items by these, in this order; kept items keep their ids. */
  private async replaceItems(manager: EntityManager, interview: Interview, changes: ItemChange[], speakers: Set<number>): Promise<void> {
    const check = new Validation();
    changes.forEach(({ answeredById }, i) =>
      check.check(
        answeredById === null || speakers.has(answeredById),
        `items[${i}].answeredById`,
        "must be one of the interview's speakers",
      ),
    );
    check.throwIfFailed();
    const keptIds = changes.flatMap(({ kept }) => (kept ? [kept.id] : []));
    await manager.delete(InterviewItem, { interviewId: interview.id, ...(keptIds.length ? { id: Not(In(keptIds)) } : {}) });
    // The kept items step aside (to negative positions) so that no two items share a position
    // on the way to the new order, which the unique index would refuse.
    if (keptIds.length) await manager.update(InterviewItem, { interviewId: interview.id }, { position: () => '-1 - "position"' });
    await manager.save(
      changes.map(({ kept, question, answer, answeredById, askedBy }, position) =>
        Object.assign(kept ?? manager.create(InterviewItem, { interviewId: interview.id }), {
          position,
          question,
          answer,
          answeredById,
          askedBy,
        }),
      ),
    );
  }

  /** The interview is about a session, a conference, or neither; a session settles the conference. */
  private async placeIn(manager: EntityManager, interview: Interview, conferenceId?: string | null, sessionId?: string | null) {
    if (sessionId !== undefined) {
      interview.sessionId = sessionId === null ? null : (await this.sessions.require(manager, sessionId, 'sessionId')).id;
    }
    if (conferenceId !== undefined) {
      interview.conferenceId =
        conferenceId === null
          ? null
          : (await this.conferences.require(manager, parseId(conferenceId, 'conference', 'conferenceId'), 'conferenceId')).id;
    }
    if (interview.sessionId !== null) {
      const session = await this.sessions.require(manager, interview.sessionId, 'sessionId');
      if (interview.conferenceId !== null && interview.conferenceId !== session.conferenceId) {
        new Validation().fail('sessionId', 'the session belongs to another conference than conferenceId').throwIfFailed();
      }
      interview.conferenceId = session.conferenceId;
    }
  }

  /**
   * Who is interviewed: people the actor may link (see `SpeakerDirectory.requireLinkable`), or
   * who were in this interview already.
   */
  private async replaceSpeakers(
    manager: EntityManager,
    interview: Interview,
    speakerIds: string[],
    actor: Viewer,
  ): Promise<InterviewSpeaker[]> {
    const ids = speakerIds.map((id, i) => parseId(id, 'speaker', `speakerIds[${i}]`));
    const v = new Validation().check(ids.length > 0, 'speakerIds', 'an interview needs at least one speaker');
    v.check(new Set(ids).size === ids.length, 'speakerIds', 'lists a speaker twice').throwIfFailed();
    const present = new Set((await manager.findBy(InterviewSpeaker, { interviewId: interview.id })).map((row) => row.speakerId));
    for (const [i, id] of ids.entries()) {
      if (!present.has(id)) await this.directory.requireLinkable(manager, speakerIds[i], actor, `speakerIds[${i}]`);
    }
    await manager.delete(InterviewSpeaker, { interviewId: interview.id });
    return manager.save(
      ids.map((speakerId, position) => manager.create(InterviewSpeaker, { interviewId: interview.id, speakerId, position })),
    );
  }
}
