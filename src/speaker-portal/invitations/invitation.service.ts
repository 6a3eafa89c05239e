import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { ownsSpeaker, requireOrganiserOf, requireSpeaker, Viewer } from '../../auth/viewer';
import { PageArgs, paginate } from '../../common/connection';
import { parseId, stamped } from '../../common/entities';
import { conflict, notFound, UserError } from '../../common/errors';
import { Validation } from '../../common/validation';
import { Conference } from '../../conferences/conference.entity';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { Transactions } from '../../database/transactions';
import { MailOutbox } from '../../mail/mail-outbox';
import { Speaker } from '../../speakers/speaker.entity';
import { SpeakerService } from '../../speakers/speaker.service';
import { Invitation, InvitationStatus, SignInLink } from './invitation.entity';
import { INVITATION_LOCALES, invitationLocale, invitationMail } from './invitation-mails';
import { OpenedSession, SpeakerSessions } from './speaker-sessions.service';

const DAY_MS = 24 * 3600 * 1000;
/** How often a speaker may ask for a new link to one invitation themselves. */
const SELF_SERVICE_INTERVAL_MS = 5 * 60 * 1000;

export interface InviteSpeaker {
  conferenceId: string;
  /** An existing person; without it, a new one is made from `name`. */
  speakerId?: string | null;
  name?: string | null;
  email: string;
  locale?: string | null;
}

/** Why a sign-in link does not open a session: each told to the speaker in their own words. */
export type SignInRefusal = 'UNKNOWN' | 'USED' | 'EXPIRED' | 'REVOKED';

export type SignInResult = { session: OpenedSession; invitation: Invitation } | { refused: SignInRefusal };

/**
 * Invitations to speak. A link is 256 random bits stored as a hash, works once, expires after
 * INVITATION_TTL_DAYS, and is replaced (the old one stops working) when sent again. The mail is
 * written in the same transaction as the link, so one never exists without the other.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly transactions: Transactions,
    private readonly speakers: SpeakerService,
    private readonly sessions: SpeakerSessions,
    private readonly mail: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(input: InviteSpeaker, actor: Viewer): Promise<Invitation> {
    const conferenceId = parseId(input.conferenceId, 'conference', 'input.conferenceId');
    const v = new Validation().required(input.email, 'input.email').email(input.email, 'input.email');
    if (input.locale != null) v.check(INVITATION_LOCALES.includes(input.locale as never), 'input.locale', 'must be sv, nb or en');
    if (input.speakerId == null) v.required(input.name, 'input.name').maxLength(input.name, 200, 'input.name');
    v.throwIfFailed();
    const invitation = await this.transactions.run(async (manager) => {
      const conference = await manager.findOneBy(Conference, { id: conferenceId });
      if (!conference) throw notFound('conference', 'input.conferenceId', input.conferenceId);
      requireOrganiserOf(actor, conferenceId, 'input.conferenceId');
      const email = input.email.trim();
      const speaker =
        input.speakerId != null
          ? await this.existingSpeaker(manager, parseId(input.speakerId, 'speaker', 'input.speakerId'), conferenceId, email, actor)
          : await this.speakers.create(
              {
                slug: await this.speakers.freeSlug(manager, input.name!),
                name: input.name!.trim(),
                email,
                conferenceId: String(conferenceId),
              },
              actor,
              manager,
            );
      const open = await manager.findOneBy(Invitation, {
        conferenceId,
        speakerId: speaker.id,
        status: In([InvitationStatus.PENDING, InvitationStatus.ACCEPTED]),
      });
      if (open)
        throw conflict('input.speakerId', `${speaker.name} is invited to this conference already: send that invitation again instead`);
      const created = await manager.save(
        stamped(
          manager.create(Invitation, {
            conferenceId,
            speakerId: speaker.id,
            email,
            locale: invitationLocale(input.locale ?? conference.defaultLocale),
            status: InvitationStatus.PENDING,
            invitedBy: actor.organiserId,
            respondedAt: null,
            lastSentAt: null,
          }),
        ),
      );
      await this.sendLink(manager, created, speaker, conference);
      return created;
    });
    this.mail.wake();
    return invitation;
  }

  /** A new sign-in link by mail; the ones sent before stop working. */
  async resend(id: number, actor: Viewer): Promise<Invitation> {
    const invitation = await this.transactions.run(async (manager) => {
      const invitation = await this.organisersInvitation(manager, id, actor);
      if (invitation.status === InvitationStatus.REVOKED)
        throw conflict('input.id', 'this invitation was revoked: invite the speaker again');
      const speaker = await manager.findOneByOrFail(Speaker, { id: invitation.speakerId });
      const conference = await manager.findOneByOrFail(Conference, { id: invitation.conferenceId });
      await this.sendLink(manager, invitation, speaker, conference);
      return invitation;
    });
    this.mail.wake();
    return invitation;
  }

  /**
   * A speaker who lost their link asks for a new one by their address: every open invitation sent
   * there gets a fresh link, at most one every few minutes. Whether the address is known is never
   * told, so the form cannot be used to find out who speaks where.
   */
  async sendAgainTo(email: string): Promise<void> {
    new Validation().required(email, 'email').email(email, 'email').throwIfFailed();
    const recently = new Date(Date.now() - SELF_SERVICE_INTERVAL_MS);
    const sent = await this.transactions.run(async (manager) => {
      const open = await manager
        .createQueryBuilder(Invitation, 'invitation')
        .where('LOWER(invitation.email) = :email', { email: email.trim().toLowerCase() })
        .andWhere('invitation.status IN (:...open)', { open: [InvitationStatus.PENDING, InvitationStatus.ACCEPTED] })
        .andWhere('(invitation.lastSentAt IS NULL OR invitation.lastSentAt < :recently)', { recently: recently.toISOString() })
        .getMany();
      for (const invitation of open) {
        const speaker = await manager.findOneByOrFail(Speaker, { id: invitation.speakerId });
        const conference = await manager.findOneByOrFail(Conference, { id: invitation.conferenceId });
        await this.sendLink(manager, invitation, speaker, conference);
      }
      return open.length;
    });
    if (sent > 0) this.mail.wake();
  }

  /** The invitation and its links stop working; the speaker's sessions end unless another invitation keeps them. */
  revoke(id: number, actor: Viewer): Promise<Invitation> {
    return this.transactions.run(async (manager) => {
      const invitation = await this.organisersInvitation(manager, id, actor);
      const now = new Date();
      await manager.update(SignInLink, { invitationId: invitation.id, revokedAt: IsNull() }, { revokedAt: now });
      Object.assign(invitation, { status: InvitationStatus.REVOKED, updatedAt: now });
      await manager.save(invitation);
      const others = await manager.countBy(Invitation, {
        speakerId: invitation.speakerId,
        status: In([InvitationStatus.PENDING, InvitationStatus.ACCEPTED]),
      });
      if (others === 0) await this.sessions.endAll(manager, invitation.speakerId);
      return invitation;
    });
  }

  /** Uses up a sign-in link and opens a session for its speaker. */
  signIn(secret: string): Promise<SignInResult> {
    return this.transactions.run(async (manager) => {
      const link = await manager.findOneBy(SignInLink, { hash: digest(secret) });
      if (!link) return { refused: 'UNKNOWN' };
      const invitation = await manager.findOneByOrFail(Invitation, { id: link.invitationId });
      const refusal = refusalOf(link, invitation);
      if (refusal) return { refused: refusal };
      // Conditional, so two requests racing with one link cannot both get in.
      const used = await manager.update(SignInLink, { id: link.id, usedAt: IsNull() }, { usedAt: new Date() });
      if (used.affected === 0) return { refused: 'USED' };
      return { session: await this.sessions.open(manager, invitation.speakerId), invitation };
    });
  }

  accept(id: number, actor: Viewer): Promise<Invitation> {
    return this.respond(id, actor, InvitationStatus.ACCEPTED);
  }

  decline(id: number, actor: Viewer): Promise<Invitation> {
    return this.respond(id, actor, InvitationStatus.DECLINED);
  }

  /** A speaker's own invitations, newest first. */
  ofSpeaker(speakerId: number): Promise<Invitation[]> {
    return this.invitations.find({ where: { speakerId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** A speaker's own invitations with the names of their conferences, for their page. */
  async listedForSpeaker(speakerId: number): Promise<{ invitation: Invitation; conference: string }[]> {
    const invitations = await this.ofSpeaker(speakerId);
    const conferences = await this.invitations.manager.findBy(Conference, {
      id: In(invitations.map((invitation) => invitation.conferenceId)),
    });
    const names = new Map(conferences.map((conference) => [conference.id, conference.name]));
    return invitations.map((invitation) => ({ invitation, conference: names.get(invitation.conferenceId) ?? '' }));
  }

  /** Who a sign-in link is for, to show before it is used (nothing is changed by looking). */
  async linkHolder(secret: string): Promise<{ speaker: string; conference: string } | { refused: SignInRefusal }> {
    const link = await this.invitations.manager.findOneBy(SignInLink, { hash: digest(secret) });
    if (!link) return { refused: 'UNKNOWN' };
    const invitation = await this.invitations.findOneByOrFail({ id: link.invitationId });
    const refusal = refusalOf(link, invitation);
    if (refusal) return { refused: refusal };
    const speaker = await this.invitations.manager.findOneByOrFail(Speaker, { id: invitation.speakerId });
    const conference = await this.invitations.manager.findOneByOrFail(Conference, { id: invitation.conferenceId });
    return { speaker: speaker.name, conference: conference.name };
  }

  /** A conference's invitations, for its organisers, newest first. */
  async ofConference(conferenceId: string, status: InvitationStatus | null | undefined, page: PageArgs, actor: Viewer) {
    const id = parseId(conferenceId, 'conference', 'conferenceId');
    requireOrganiserOf(actor, id, 'conferenceId');
    const query = this.invitations.createQueryBuilder('invitation').where('invitation.conferenceId = :id', { id });
    if (status) query.andWhere('invitation.status = :status', { status });
    return paginate(query.orderBy('invitation.createdAt', 'DESC').addOrderBy('invitation.id', 'DESC'), page);
  }

  /** The invitation, when the viewer may see it: its conference's organisers, and its speaker. */
  async visible(id: number, viewer: Viewer): Promise<Invitation | null> {
    const invitation = await this.invitations.findOneBy({ id });
    if (!invitation) return null;
    if (viewer.speakerId !== null) return invitation.speakerId === viewer.speakerId ? invitation : null;
    return viewer.admin || viewer.conferenceIds.includes(invitation.conferenceId) ? invitation : null;
  }

  private respond(id: number, actor: Viewer, status: InvitationStatus): Promise<Invitation> {
    const speakerId = requireSpeaker(actor);
    return this.transactions.run(async (manager) => {
      const invitation = await manager.findOneBy(Invitation, { id, speakerId });
      if (!invitation) throw notFound('invitation', 'input.id', id);
      if (invitation.status === InvitationStatus.REVOKED) throw conflict('input.id', 'the organisers have withdrawn this invitation');
      const now = new Date();
      Object.assign(invitation, { status, respondedAt: now, updatedAt: now });
      return manager.save(invitation);
    });
  }

  private async organisersInvitation(manager: EntityManager, id: number, actor: Viewer): Promise<Invitation> {
    const invitation = await manager.findOneBy(Invitation, { id });
    if (!invitation) throw notFound('invitation', 'input.id', id);
    requireOrganiserOf(actor, invitation.conferenceId, 'input.id');
    return invitation;
  }

  /**
   * An existing person to invite: one whose profile the organiser keeps, or who already takes part
   * in this conference. Their e-mail is filled in when they had none and the organiser keeps the profile.
   */
  private async existingSpeaker(
    manager: EntityManager,
    speakerId: number,
    conferenceId: number,
    email: string,
    actor: Viewer,
  ): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id: speakerId });
    if (!speaker) throw notFound('speaker', 'input.speakerId', speakerId);
    const owned = ownsSpeaker(actor, speaker);
    if (!owned && !(await this.speakers.conferencesOf(manager, speaker.id)).includes(conferenceId)) {
      throw new UserError(
        'FORBIDDEN',
        'input.speakerId: invite a person whose profile you keep, or who takes part in this conference',
        'input.speakerId',
      );
    }
    if (owned && !speaker.email) {
      speaker.email = email;
      await manager.save(speaker);
    }
    return speaker;
  }

  private async sendLink(manager: EntityManager, invitation: Invitation, speaker: Speaker, conference: Conference): Promise<void> {
    const now = new Date();
    await manager.update(SignInLink, { invitationId: invitation.id, revokedAt: IsNull(), usedAt: IsNull() }, { revokedAt: now });
    const secret = randomBytes(32).toString('base64url');
    const days = this.config.invitationTtlDays;
    await manager.save(
      manager.create(SignInLink, {
        invitationId: invitation.id,
        hash: digest(secret),
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        usedAt: null,
        revokedAt: null,
      }),
    );
    Object.assign(invitation, { lastSentAt: now, updatedAt: now });
    await manager.save(invitation);
    const link = `${this.config.publicBaseUrl}/me/sign-in/${secret}`;
    const locale = invitationLocale(invitation.locale);
    await this.mail.enqueue(manager, {
      kind: 'invitation',
      to: invitation.email,
      locale,
      conferenceId: conference.id,
      speakerId: speaker.id,
      ...invitationMail(locale, speaker.name, conference.name, link, days),
    });
  }
}

function refusalOf(link: SignInLink, invitation: Invitation): SignInRefusal | undefined {
  if (link.revokedAt || invitation.status === InvitationStatus.REVOKED) return 'REVOKED';
  if (link.usedAt) return 'USED';
  if (link.expiresAt.getTime() <= Date.now()) return 'EXPIRED';
  return undefined;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
