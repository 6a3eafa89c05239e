import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
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
/** Both tokens: the edit token is random, the read token an HMAC-SHA256 (also 256 bits). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** What the read token is an HMAC of, keyed by the edit token. Changing it would orphan every read token handed out. */
const READ_TOKEN_LABEL = 'lectern agenda read token';
const MAX_SESSIONS = 500;

/** An agenda as its holder has it: the agenda, and the tokens the one that opened it gives. */
export interface OpenedAgenda {
  agenda: Agenda;
  /** The edit token, or null when the agenda was opened with its read token (and may only be read). */
  token: string | null;
  /** The read token: the one in the feed's address. */
  readToken: string;
}

/**
 * Attendees' personal agendas. Each has two tokens, both shown at creation and stored only as
 * SHA-256 hashes: the edit token, which the attendee keeps, reads and changes it; the read token,
 * which is in every feed address, only reads it. The read token is derived one way from the edit
 * token, so the edit token always gives the read token again, and the read token (in a feed URL a
 * calendar app, a proxy or a friend has) reveals nothing of the edit token. An agenda made before
 * read tokens has its only token as its edit token, and gets its read token the first time that
 * token is used.
 *
 * A wrong token gets the same NOT_FOUND as a token that never existed, and no error repeats a token.
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
    const readToken = readTokenOf(token);
    // A new agenda: nothing anyone keeps a copy of (a feed) can show it yet.
    return this.transactions.runChanging([], async (manager) => {
      const agenda = await manager.save(
        stamped(manager.create(Agenda, { tokenHash: hashToken(token), readTokenHash: hashToken(readToken) })),
      );
      return { agenda, token, readToken };
    });
  }

  /** Opens the agenda with either of its tokens. */
  async open(token: string): Promise<OpenedAgenda> {
    const hash = TOKEN_PATTERN.test(token) ? hashToken(token) : undefined;
    const agenda = hash ? await this.agendas.findOneBy([{ tokenHash: hash }, { readTokenHash: hash }]) : null;
    if (!agenda) throw new UserError('NOT_FOUND', 'token: no agenda opens with this token', 'token');
    if (agenda.tokenHash !== hash) return { agenda, token: null, readToken: token };
    const readToken = readTokenOf(token);
    if (agenda.readTokenHash === null) await this.giveReadToken(agenda, readToken);
    return { agenda, token, readToken };
  }

  /** Adds a published session; adding one that is already there changes nothing. */
  async add(token: string, sessionId: string): Promise<OpenedAgenda> {
    const opened = await this.openForEditing(token);
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
    const opened = await this.openForEditing(token);
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

  private async openForEditing(token: string): Promise<OpenedAgenda> {
    const opened = await this.open(token);
    if (opened.token === null) {
      throw new UserError('FORBIDDEN', "token: this is the agenda's read token; editing needs its edit token", 'token');
    }
    return opened;
  }

  /** An agenda made before read tokens gets its own, once: only its edit token can make it. */
  private async giveReadToken(agenda: Agenda, readToken: string): Promise<void> {
    const readTokenHash = hashToken(readToken);
    await this.transactions.runChanging([agendaScope(agenda.id)], (manager) =>
      manager.update(Agenda, { id: agenda.id, readTokenHash: IsNull() }, { readTokenHash }),
    );
    agenda.readTokenHash = readTokenHash;
  }
}

/** What a change of this agenda alone changes: its own feeds, and no programme feed. */
export function agendaScope(agendaId: number): ChangeScope {
  return `agenda:${agendaId}`;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The read token that belongs to an edit token: the same every time, and no way back. */
function readTokenOf(editToken: string): string {
  return createHmac('sha256', editToken).update(READ_TOKEN_LABEL).digest('base64url');
}
