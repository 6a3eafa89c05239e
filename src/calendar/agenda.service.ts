import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { parseId, stamped } from '../common/entities';
import { notFound, UserError } from '../common/errors';
import { Validation } from '../common/validation';
import { ChangeScope, Transactions } from '../database/transactions';
import { Session } from '../sessions/session.entity';
import { SessionService } from '../sessions/session.service';
import { Agenda, AgendaSession } from './agenda.entity';

/** 256 random bits, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const MAX_SESSIONS = 500;

/** An agenda as its holder has it: the agenda and the token that opened it. */
export interface OpenedAgenda {
  token: string;
  agenda: Agenda;
}

/**
 * Attendees' personal agendas. The token is the only key: it is shown once, at creation, and only
 * its SHA-256 hash is stored. A wrong token gets the same NOT_FOUND as a token that never existed,
 * and no error repeats the token.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectRepository(Agenda) private readonly agendas: Repository<Agenda>,
    private readonly transactions: Transactions,
    private readonly sessions: SessionService,
  ) {}

  create(): Promise<OpenedAgenda> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    // A new agenda: nothing anyone keeps a copy of (a feed) can show it yet.
    return this.transactions.runChanging([], async (manager) => {
      const agenda = await manager.save(stamped(manager.create(Agenda, { tokenHash: hashToken(token) })));
      return { token, agenda };
    });
  }

  async open(token: string): Promise<OpenedAgenda> {
    const agenda = TOKEN_PATTERN.test(token) ? await this.agendas.findOneBy({ tokenHash: hashToken(token) }) : null;
    if (!agenda) throw new UserError('NOT_FOUND', 'token: no agenda opens with this token', 'token');
    return { token, agenda };
  }

  /** Adds a published session; adding one that is already there changes nothing. */
  async add(token: string, sessionId: string): Promise<OpenedAgenda> {
    const opened = await this.open(token);
    const id = parseId(sessionId, 'session', 'sessionId');
    const published = await this.sessions.visible(PUBLIC_VIEWER).andWhere('session.id = :id', { id }).getExists();
    if (!published) throw notFound('session', 'sessionId', sessionId);
    const agendaId = opened.agenda.id;
    return this.transactions.runChanging([agendaScope(agendaId)], async (manager) => {
      if (await manager.existsBy(AgendaSession, { agendaId, sessionId: id })) return opened;
      const size = await manager.countBy(AgendaSession, { agendaId });
      new Validation().check(size < MAX_SESSIONS, 'sessionId', `an agenda holds at most ${MAX_SESSIONS} sessions`).throwIfFailed();
      const now = new Date();
      await manager.insert(AgendaSession, { agendaId, sessionId: id, addedAt: now });
      await manager.update(Agenda, { id: agendaId }, { updatedAt: now });
      return opened;
    });
  }

  /** Takes a session out; taking out one that is not there changes nothing. */
  async remove(token: string, sessionId: string): Promise<OpenedAgenda> {
    const opened = await this.open(token);
    const id = parseId(sessionId, 'session', 'sessionId');
    const agendaId = opened.agenda.id;
    return this.transactions.runChanging([agendaScope(agendaId)], async (manager) => {
      const { affected } = await manager.delete(AgendaSession, { agendaId, sessionId: id });
      if (affected) await manager.update(Agenda, { id: agendaId }, { updatedAt: new Date() });
      return opened;
    });
  }

  /** The agenda's sessions the public may see, in time order; unscheduled ones last. */
  sessionsOf(agenda: Agenda): Promise<Session[]> {
    return this.sessions
      .visible(PUBLIC_VIEWER)
      .andWhere('session.id IN (SELECT "ags"."sessionId" FROM "agenda_sessions" "ags" WHERE "ags"."agendaId" = :agendaId)', {
        agendaId: agenda.id,
      })
      .orderBy('session.startsAt', 'ASC', 'NULLS LAST')
      .addOrderBy('session.id', 'ASC')
      .getMany();
  }
}

/** What a change of this agenda alone changes: its own feeds, and no programme feed. */
export function agendaScope(agendaId: number): ChangeScope {
  return `agenda:${agendaId}`;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
