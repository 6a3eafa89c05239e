import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { clearedSessionCookie, csrfTokenOf, newSessionSecret, secretDigest as digest, sessionCookie } from '../../auth/cookie-sessions';
import { speakerViewer, Viewer } from '../../auth/viewer';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { SpeakerSession } from './speaker-session.entity';

export { csrfTokenMatches, csrfTokenOf } from '../../auth/cookie-sessions';

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
 * Speakers' sessions on their own page (src/auth/cookie-sessions.ts: the secret, its hash and its
 * CSRF token). The cookie is SameSite=Lax: the page is reached from links in mails, and a page
 * opened from another site must still show the signed-in speaker.
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
    const secret = newSessionSecret();
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
    return sessionCookie(SPEAKER_COOKIE, secret, expiresAt, 'Lax', secure);
  }

  clearedCookie(secure: boolean): string {
    return clearedSessionCookie(SPEAKER_COOKIE, 'Lax', secure);
  }
}
