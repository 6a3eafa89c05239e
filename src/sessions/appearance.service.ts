import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Viewer, visibleTo } from '../auth/viewer';
import { applyChanges, parseId } from '../common/entities';
import { conflict, notFound } from '../common/errors';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { Appearance, AppearanceRole } from './appearance.entity';
import { AddAppearanceInput, UpdateAppearanceInput } from './session.inputs';
import { SessionService } from './session.service';
import { SpeakerDirectory } from './speaker-directory.service';
import { publicSession } from '../published/public-rule';
import { Changes } from '../common/mutation-input';
import { leanReader } from '../common/lean-rows';
import { Speaker } from '../speakers/speaker.entity';

const AFFILIATION_MAX = 200;

const APPEARANCE_COLUMNS = ['id', 'sessionId', 'speakerId', 'role', 'position', 'title', 'organisation'] as const;

/** A speaker's part in a session. Every change here is a change to the session's calendar entry. */
@Injectable()
export class AppearanceService {
  constructor(
    @InjectRepository(Appearance) private readonly appearances: Repository<Appearance>,
    private readonly transactions: Transactions,
    private readonly sessions: SessionService,
    private readonly directory: SpeakerDirectory,
  ) {}

  /**
   * The line-up of many sessions at once, in listing order, each with its speaker (one statement):
   * the whole speaker, or only `speakerColumns` of it.
   */
  async ofSessions(sessionIds: readonly number[], speakerColumns?: readonly (keyof Speaker & string)[]): Promise<Appearance[]> {
    if (!speakerColumns) {
      return this.appearances.find({
        where: { sessionId: In([...sessionIds]) },
        relations: { speaker: true },
        order: { position: 'ASC', id: 'ASC' },
      });
    }
    const { connection } = this.appearances.manager;
    const appearance = leanReader(connection, Appearance, 'appearance', APPEARANCE_COLUMNS);
    const speaker = leanReader(connection, Speaker, 'speaker', speakerColumns);
    const rows = await this.appearances
      .createQueryBuilder('appearance')
      .innerJoin('appearance.speaker', 'speaker')
      .select([...appearance.selects, ...speaker.selects])
      .where('appearance.sessionId IN (:...sessionIds)', { sessionIds: [...sessionIds] })
      .orderBy('appearance.position', 'ASC')
      .addOrderBy('appearance.id', 'ASC')
      .getRawMany();
    return rows.map((row) => Object.assign(appearance.read(row), { speaker: speaker.read(row) }));
  }

  /** Each speaker's appearances the viewer may see, oldest first (the career, in order). */
  ofSpeakers(speakerIds: readonly number[], viewer: Viewer): Promise<Appearance[]> {
    const query = this.appearances
      .createQueryBuilder('appearance')
      .innerJoin('appearance.session', 'session')
      .innerJoin('session.conference', 'conference')
      .where('appearance.speakerId IN (:...speakerIds)', { speakerIds })
      .orderBy('conference.startDate', 'ASC')
      .addOrderBy('session.startsAt', 'ASC', 'NULLS LAST')
      .addOrderBy('appearance.id', 'ASC');
    const visible = visibleTo(viewer, 'session.conferenceId', publicSession('"session"'));
    return (visible ? query.andWhere(visible) : query).getMany();
  }

  /** Puts a person the actor may link (see `SpeakerDirectory.requireLinkable`) in a session of theirs. */
  add(input: AddAppearanceInput, actor: Viewer, within?: EntityManager): Promise<Appearance> {
    return this.transactions.run(async (manager) => {
      const session = await this.sessions.requireFor(manager, input.sessionId, actor, 'sessionId');
      const speaker = await this.directory.requireLinkable(manager, input.speakerId, actor, 'speakerId');
      checkAffiliation(input);
      if (await manager.existsBy(Appearance, { sessionId: session.id, speakerId: speaker.id })) {
        throw conflict('speakerId', `${speaker.name} already appears in this session`);
      }
      const lineUp = await this.lineUp(manager, session.id);
      const appearance = manager.create(Appearance, {
        sessionId: session.id,
        speakerId: speaker.id,
        role: input.role ?? AppearanceRole.SPEAKER,
        title: input.title ?? null,
        organisation: input.organisation ?? null,
      });
      lineUp.splice(positionIn(lineUp.length, input.position), 0, appearance);
      await this.saveLineUp(manager, lineUp);
      await this.sessions.touch(manager, session.id, speaker.id);
      return appearance;
    }, within);
  }

  move(id: string, position: number, actor: Viewer): Promise<Appearance> {
    return this.transactions.run(async (manager) => {
      const appearance = await this.requireFor(manager, id, actor);
      const lineUp = (await this.lineUp(manager, appearance.sessionId)).filter((a) => a.id !== appearance.id);
      lineUp.splice(positionIn(lineUp.length, position), 0, appearance);
      await this.saveLineUp(manager, lineUp);
      await this.sessions.touch(manager, appearance.sessionId, appearance.speakerId);
      return appearance;
    });
  }

  update(id: string, input: Changes<UpdateAppearanceInput>, actor: Viewer, within?: EntityManager): Promise<Appearance> {
    return this.transactions.run(async (manager) => {
      const appearance = await this.requireFor(manager, id, actor);
      checkAffiliation(input);
      new Validation().check(input.role !== null, 'role', 'cannot be cleared').throwIfFailed();
      applyChanges(appearance, input);
      await manager.save(appearance);
      await this.sessions.touch(manager, appearance.sessionId, appearance.speakerId);
      return appearance;
    }, within);
  }

  remove(id: string, actor: Viewer, within?: EntityManager): Promise<Appearance> {
    return this.transactions.run(async (manager) => {
      const appearance = await this.requireFor(manager, id, actor);
      await manager.delete(Appearance, { id: appearance.id });
      await this.saveLineUp(manager, await this.lineUp(manager, appearance.sessionId));
      await this.sessions.touch(manager, appearance.sessionId, appearance.speakerId);
      return appearance;
    }, within);
  }

  /** The appearance, for a writer who must organise the conference of its session. */
  private async requireFor(manager: EntityManager, id: string, actor: Viewer): Promise<Appearance> {
    const appearance = await manager.findOneBy(Appearance, { id: parseId(id, 'appearance') });
    if (!appearance) throw notFound('appearance', 'id', id);
    await this.sessions.requireFor(manager, appearance.sessionId, actor);
    return appearance;
  }

  private lineUp(manager: EntityManager, sessionId: number): Promise<Appearance[]> {
    return manager.find(Appearance, { where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** Numbers the line-up 0, 1, 2… in its new order. */
  private async saveLineUp(manager: EntityManager, lineUp: Appearance[]): Promise<void> {
    const changed: Appearance[] = [];
    lineUp.forEach((appearance, index) => {
      if (appearance.position === index) return;
      appearance.position = index;
      changed.push(appearance);
    });
    if (changed.length) await manager.save(changed);
  }
}

function checkAffiliation(input: { title?: string | null; organisation?: string | null }): void {
  new Validation()
    .maxLength(input.title, AFFILIATION_MAX, 'title')
    .maxLength(input.organisation, AFFILIATION_MAX, 'organisation')
    .throwIfFailed();
}

function positionIn(length: number, position: number | undefined): number {
  if (position === undefined || position === null) return length;
  new Validation().check(Number.isInteger(position) && position >= 0, 'position', 'must be 0 or more').throwIfFailed();
  return Math.min(position, length);
}
