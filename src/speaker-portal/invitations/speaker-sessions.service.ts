import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { speakerViewer, Viewer } from '../../auth/viewer';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { SpeakerSession } from './speaker-session.entity';

/** The cookie that holds a signed-in speaker's session secret. */
export const SPEAKER_COOKIE = 'lectern_speaker';
const DAY_MS = 24 * 3600 * 1000;

export interface OpenedSession {
  /** The cookie's value: shown to the browser once, stored only as a hash. */
  secret: string;
  /** What every form and non-GET request of this session sends back (`_csrf` or `x-csrf-token`). */
  csrf: string;
  expiresAt: Date;
}

/**
 * Speakers' sessions on their own page. The secret is 256 random bits kept in an HttpOnly,
 * SameSite=Lax cookie; the CSRF token is a hash of it, which another site cannot compute without
 * the cookie it cannot read, so nothing more is stored for it.
 */
@Injectable()
export class SpeakerSessions {
  private readonly days: number;

  constructor(
    @InjectRepository(SpeakerSession) private readonly sessions: Repository<SpeakerSession>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.days = config.speakerSessionDays;
  }

  async open(manager: EntityManager, speakerId: number): Promise<OpenedSession> {
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.days * DAY_MS);
    await manager.save(manager.create(SpeakerSession, { speakerId, hash: digest(secret), createdAt: now, expiresAt, endedAt: null }));
    return { secret, csrf: csrfTokenOf(secret), expiresAt };
  }

  /** The speaker a cookie's secret signs in, or null when it is unknown, ended or expired. */
  async viewerFor(secret: string): Promise<Viewer | null> {
    const session = await this.sessions.findOne({
      select: { speakerId: true },
      where: { hash: digest(secret), endedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    return session ? speakerViewer(session.speakerId) : null;
  }

  async end(secret: string): Promise<void> {
    await this.sessions.update({ hash: digest(secret), endedAt: IsNull() }, { endedAt: new Date() });
  }

  /** Signs the speaker out everywhere (their last invitation was revoked). */
  async endAll(manager: EntityManager, speakerId: number): Promise<void> {
    await manager.update(SpeakerSession, { speakerId, endedAt: IsNull() }, { endedAt: new Date() });
  }

  cookie(secret: string, expiresAt: Date, secure: boolean): string {
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    return `${SPEAKER_COOKIE}=${secret}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }

  clearedCookie(secure: boolean): string {
    return `${SPEAKER_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  }
}

/** The CSRF token that goes with a session's secret. */
export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`lectern-csrf:${secret}`).digest('base64url');
}

/** Whether a CSRF token sent with a request is the one of its session (compared in constant time). */
export function csrfTokenMatches(secret: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenOf(secret));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
