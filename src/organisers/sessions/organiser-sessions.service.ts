import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { AccessToken } from '../../auth/access-token.entity';
import { AuthService } from '../../auth/auth.service';
import { clearedSessionCookie, csrfTokenOf, newSessionSecret, secretDigest as digest, sessionCookie } from '../../auth/cookie-sessions';
import { Organiser } from '../../auth/organiser.entity';
import { organiserViewer, TokenService } from '../../auth/token.service';
import { Viewer } from '../../auth/viewer';
import { badInput, UserError } from '../../common/errors';
import { Validation } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { Transactions } from '../../database/transactions';
import { MailOutbox } from '../../mail/mail-outbox';
import { OrganiserSession, OrganiserSignInLink } from './organiser-session.entity';
import { organiserSignInMail, SIGN_IN_LOCALES, signInLocale } from './organiser-sign-in-mails';

/** The cookie that holds an organiser's console session secret. */
export const ORGANISER_COOKIE = 'lectern_organiser';
const HOUR_MS = 3600 * 1000;
const MINUTE_MS = 60 * 1000;
/** How often one organiser is mailed a sign-in link, however often it is asked for. */
const LINK_MAIL_INTERVAL_MS = 5 * MINUTE_MS;

/** What signs an organiser in to the console: exactly one of the two. */
export interface ConsoleCredentials {
  /** An access token (`lct_…`), pasted. */
  token?: string | null;
  /** The secret of a mailed sign-in link: what follows `#/sign-in/` in it. */
  link?: string | null;
}

export interface OpenedOrganiserSession {
  /** The cookie's value: shown to the browser once, stored only as a hash. */
  secret: string;
  /** What every non-GET request of this session sends back, as the `x-csrf-token` header. */
  csrf: string;
  expiresAt: Date;
  organiser: Organiser;
}

/** A console session as its holder reads it back (after a reload, the console knows only its cookie). */
export interface CurrentOrganiserSession {
  csrf: string;
  expiresAt: Date;
  organiser: Organiser;
}

/**
 * Organisers' sessions in the console (src/auth/cookie-sessions.ts: the secret, its hash and its
 * CSRF token). The cookie is SameSite=Strict: the console's page needs no cookie to load, and
 * every request that should carry it is the console's own, so no other site's link, form or
 * script ever has it sent. A session lasts ORGANISER_SESSION_HOURS from signing in, never longer
 * than the token it was opened with, and carries the organiser's rights as they are at each
 * request, as a token does.
 */
@Injectable()
export class OrganiserSessions {
  private readonly hours: number;
  private readonly linkMinutes: number;
  private readonly consoleAddress: string;

  constructor(
    @InjectRepository(OrganiserSession) private readonly sessions: Repository<OrganiserSession>,
    private readonly transactions: Transactions,
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.hours = config.organiserSessionHours;
    this.linkMinutes = config.organiserLinkMinutes;
    this.consoleAddress = `${config.publicBaseUrl}/console/`;
  }

  /**
   * Opens a session with a pasted token or a sign-in link's secret, for a client at this address.
   * A wrong token counts as a failed attempt, exactly as a wrong Bearer token does. A refusal
   * never tells which part was wrong: a wrong, expired, revoked or used one reads the same.
   */
  async open(credentials: ConsoleCredentials, client: string): Promise<OpenedOrganiserSession> {
    const token = credentials.token?.trim() || undefined;
    const link = credentials.link?.trim() || undefined;
    if ((token === undefined) === (link === undefined)) {
      const field = token === undefined ? 'input.token' : 'input.link';
      throw badInput(field, 'give exactly one of an access token (input.token) and a sign-in link (input.link)');
    }
    return token !== undefined ? this.openWithToken(token, client) : this.openWithLink(link!);
  }

  /** The organiser a cookie's secret signs in, or null when it is unknown, ended or expired, or its token no longer works. */
  async viewerFor(secret: string): Promise<Viewer | null> {
    const session = await this.working(secret);
    return session ? organiserViewer(this.sessions.manager, session.organiserId) : null;
  }

  /** The session a cookie's secret opened, as its holder may read it back; null when it no longer works. */
  async current(secret: string): Promise<CurrentOrganiserSession | null> {
    const session = await this.working(secret);
    if (!session) return null;
    const organiser = await this.sessions.manager.findOneBy(Organiser, { id: session.organiserId });
    return organiser ? { csrf: csrfTokenOf(secret), expiresAt: session.expiresAt, organiser } : null;
  }

  async end(secret: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(OrganiserSession, { hash: digest(secret), endedAt: IsNull() }, { endedAt: new Date() }),
    );
  }

  /**
   * Mails a one-time console sign-in link to the organiser with this address, in this language.
   * Whether the address is known is never told (the answer is the same), and an organiser is
   * mailed at most once every few minutes, so the form can neither find organisers out nor be
   * used to flood their mailbox.
   */
  async requestLink(email: string, locale: string | null | undefined): Promise<void> {
    const v = new Validation().required(email, 'input.email').email(email, 'input.email');
    if (locale != null) v.check(SIGN_IN_LOCALES.includes(locale as never), 'input.locale', 'must be sv, nb or en');
    v.throwIfFailed();
    const sent = await this.transactions.run(async (manager) => {
      const organiser = await manager
        .createQueryBuilder(Organiser, 'organiser')
        .where('LOWER(organiser.email) = :email', { email: email.trim().toLowerCase() })
        .getOne();
      if (!organiser?.email) return false;
      const now = new Date();
      const recently = await manager.existsBy(OrganiserSignInLink, {
        organiserId: organiser.id,
        createdAt: MoreThan(new Date(now.getTime() - LINK_MAIL_INTERVAL_MS)),
      });
      if (recently) return false;
      const secret = newSessionSecret();
      await manager.save(
        manager.create(OrganiserSignInLink, {
          organiserId: organiser.id,
          hash: digest(secret),
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.linkMinutes * MINUTE_MS),
          usedAt: null,
        }),
      );
      const language = signInLocale(locale);
      await this.mail.enqueue(manager, {
        kind: 'organiser-sign-in',
        to: organiser.email,
        locale: language,
        ...organiserSignInMail(language, organiser.name, `${this.consoleAddress}#/sign-in/${secret}`, this.linkMinutes),
      });
      return true;
    });
    if (sent) this.mail.wake();
  }

  cookie(secret: string, expiresAt: Date, secure: boolean): string {
    return sessionCookie(ORGANISER_COOKIE, secret, expiresAt, 'Strict', secure);
  }

  clearedCookie(secure: boolean): string {
    return clearedSessionCookie(ORGANISER_COOKIE, 'Strict', secure);
  }

  private async openWithToken(secret: string, client: string): Promise<OpenedOrganiserSession> {
    const admission = await this.auth.admit(`Bearer ${secret}`, client);
    if (!('viewer' in admission)) {
      if (admission.refused === 'TOO_MANY_ATTEMPTS') {
        throw new UserError('UNAUTHENTICATED', `Too many failed sign-in attempts: try again in ${admission.retryAfterSeconds} seconds.`);
      }
      throw refused();
    }
    const token = await this.tokens.workingToken(secret);
    if (!token) throw refused();
    return this.transactions.run((manager) => this.openFor(manager, token.organiserId, token.id));
  }

  private openWithLink(secret: string): Promise<OpenedOrganiserSession> {
    return this.transactions.run(async (manager) => {
      const link = await manager.findOneBy(OrganiserSignInLink, { hash: digest(secret) });
      if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) throw refused();
      // Conditional, so two requests racing with one link cannot both get in.
      const used = await manager.update(OrganiserSignInLink, { id: link.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (used.affected === 0) throw refused();
      return this.openFor(manager, link.organiserId, null);
    });
  }

  private async openFor(manager: EntityManager, organiserId: number, accessTokenId: number | null): Promise<OpenedOrganiserSession> {
    const organiser = await manager.findOneBy(Organiser, { id: organiserId });
    if (!organiser) throw refused();
    const secret = newSessionSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.hours * HOUR_MS);
    await manager.save(
      manager.create(OrganiserSession, { organiserId, accessTokenId, hash: digest(secret), createdAt: now, expiresAt, endedAt: null }),
    );
    return { secret, csrf: csrfTokenOf(secret), expiresAt, organiser };
  }

  private working(secret: string): Promise<Pick<OrganiserSession, 'organiserId' | 'expiresAt'> | null> {
    const now = new Date().toISOString();
    return this.sessions
      .createQueryBuilder('session')
      .leftJoin(AccessToken, 'token', 'token.id = session.accessTokenId')
      .select(['session.organiserId', 'session.expiresAt'])
      .where('session.hash = :hash', { hash: digest(secret) })
      .andWhere('session.endedAt IS NULL')
      .andWhere('session.expiresAt > :now', { now })
      .andWhere('(session.accessTokenId IS NULL OR (token.revokedAt IS NULL AND (token.expiresAt IS NULL OR token.expiresAt > :now)))')
      .getOne();
  }
}

const refused = () =>
  new UserError('UNAUTHENTICATED', 'That access token or sign-in link is wrong, expired or used up: nobody was signed in.');
