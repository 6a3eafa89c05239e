import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessToken } from '../auth/access-token.entity';
import { OrganiserConference } from '../auth/organiser-conference.entity';
import { Organiser, OrganiserRole } from '../auth/organiser.entity';
import { IssuedToken, TokenService } from '../auth/token.service';
import { requireAdmin, Viewer } from '../auth/viewer';
import { isUniqueViolation, parseId, stamped } from '../common/entities';
import { conflict, notFound, UserError } from '../common/errors';
import { Validation } from '../common/validation';
import { Conference } from '../conferences/conference.entity';
import { Transactions } from '../database/transactions';
import { CreateAccessTokenInput, CreateOrganiserInput, UpdateOrganiserInput } from './organiser.inputs';
import { Changes } from '../common/mutation-input';

/** Organisers, their scopes and their tokens. Admins manage everyone; an organiser, their own tokens. */
@Injectable()
export class OrganiserService {
  constructor(
    @InjectRepository(Organiser) private readonly organisers: Repository<Organiser>,
    @InjectRepository(OrganiserConference) private readonly scopes: Repository<OrganiserConference>,
    private readonly tokens: TokenService,
    private readonly transactions: Transactions,
  ) {}

  list(actor: Viewer): Promise<Organiser[]> {
    requireAdmin(actor, 'list organisers');
    return this.organisers.find({ order: { name: 'ASC', id: 'ASC' } });
  }

  async me(actor: Viewer): Promise<Organiser | null> {
    return actor.organiserId === null ? null : this.organisers.findOneBy({ id: actor.organiserId });
  }

  async conferencesOf(organiser: Organiser): Promise<Conference[]> {
    if (organiser.role === OrganiserRole.ADMIN) return [];
    const scope = await this.scopes.findBy({ organiserId: organiser.id });
    return scope.length ? this.organisers.manager.findBy(Conference, { id: In(scope.map((row) => row.conferenceId)) }) : [];
  }

  create(input: CreateOrganiserInput, actor: Viewer, within?: EntityManager): Promise<Organiser> {
    requireAdmin(actor, 'add organisers');
    return this.transactions.run(async (manager) => {
      new Validation().required(input.name, 'name').maxLength(input.name, 200, 'name').email(input.email, 'email').throwIfFailed();
      const email = await this.freeEmail(manager, input.email, null);
      const organiser = await this.save(
        manager,
        manager.create(Organiser, { name: input.name.trim(), role: input.role ?? OrganiserRole.ORGANISER, email }),
      );
      await this.replaceScope(manager, organiser, input.conferenceIds ?? []);
      return organiser;
    }, within);
  }

  async update(id: string, input: Changes<UpdateOrganiserInput>, actor: Viewer): Promise<Organiser> {
    requireAdmin(actor, 'change organisers');
    const organiser = await this.transactions.run(async (manager) => {
      const organiser = await this.require(manager, id);
      const v = new Validation()
        .check(input.name !== null, 'name', 'cannot be cleared')
        .check(input.role !== null, 'role', 'cannot be cleared');
      if (input.name != null) v.required(input.name, 'name').maxLength(input.name, 200, 'name');
      v.email(input.email, 'email');
      v.throwIfFailed();
      if (input.name) organiser.name = input.name.trim();
      if (input.role) organiser.role = input.role;
      if (input.email !== undefined) organiser.email = await this.freeEmail(manager, input.email, organiser.id);
      await this.save(manager, organiser);
      if (input.conferenceIds) await this.replaceScope(manager, organiser, input.conferenceIds);
      return organiser;
    });
    // Once committed (before, a token verified meanwhile would keep the old rights): its role or scope.
    await this.tokens.rightsChanged();
    return organiser;
  }

  async remove(id: string, actor: Viewer): Promise<Organiser> {
    requireAdmin(actor, 'remove organisers');
    const organiser = await this.transactions.run(async (manager) => {
      const organiser = await this.require(manager, id);
      if (organiser.id === actor.organiserId) throw new UserError('BAD_USER_INPUT', 'id: you cannot remove yourself', 'id');
      await manager.delete(Organiser, { id: organiser.id });
      return organiser;
    });
    // Once committed: their tokens went with them.
    await this.tokens.rightsChanged();
    return organiser;
  }

  /** A token for yourself, or (as an admin) for someone else. The secret is in the answer only. */
  async issueToken(input: CreateAccessTokenInput, actor: Viewer): Promise<IssuedToken> {
    const organiserId = input.organiserId == null ? actor.organiserId : parseId(input.organiserId, 'organiser', 'organiserId');
    if (organiserId === null) throw new UserError('BAD_USER_INPUT', 'organiserId: say whose token this is', 'organiserId');
    if (organiserId !== actor.organiserId) requireAdmin(actor, "create other organisers' tokens");
    return this.tokens.issue(organiserId, input.name, input.expiresAt ?? null);
  }

  /** Private: the organiser's own, and admins'. */
  emailOf(organiser: Organiser, viewer: Viewer): string | null {
    return viewer.admin || (viewer.organiserId !== null && viewer.organiserId === organiser.id) ? organiser.email : null;
  }

  async tokensOf(organiser: Organiser, actor: Viewer): Promise<AccessToken[]> {
    if (organiser.id !== actor.organiserId) requireAdmin(actor, "see other organisers' tokens");
    return this.tokens.list(organiser.id);
  }

  async revokeToken(id: string, actor: Viewer): Promise<AccessToken> {
    const token = await this.tokens.byId(parseId(id, 'access token'));
    if (token.organiserId !== actor.organiserId) requireAdmin(actor, "revoke other organisers' tokens");
    return this.tokens.revoke(token.id);
  }

  /** The address as stored (trimmed; empty is none), refused when another organiser has it in any letter case. */
  private async freeEmail(manager: EntityManager, email: string | null | undefined, organiserId: number | null): Promise<string | null> {
    const address = email?.trim() || null;
    if (address === null) return null;
    const holder = await manager
      .createQueryBuilder(Organiser, 'organiser')
      .select(['organiser.id'])
      .where('LOWER(organiser.email) = :email', { email: address.toLowerCase() })
      .getOne();
    if (holder && holder.id !== organiserId) throw emailTaken();
    return address;
  }

  private async save(manager: EntityManager, organiser: Organiser): Promise<Organiser> {
    try {
      return await manager.save(stamped(organiser));
    } catch (error) {
      // Two organisers given one address at the same time: the unique index decides.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  private async require(manager: EntityManager, id: string): Promise<Organiser> {
    const organiser = await manager.findOneBy(Organiser, { id: parseId(id, 'organiser') });
    if (!organiser) throw notFound('organiser', 'id', id);
    return organiser;
  }

  private async replaceScope(manager: EntityManager, organiser: Organiser, conferenceIds: string[]): Promise<void> {
    const ids = [...new Set(conferenceIds.map((id, i) => parseId(id, 'conference', `conferenceIds[${i}]`)))];
    const found = ids.length ? await manager.findBy(Conference, { id: In(ids) }) : [];
    const missing = ids.find((id) => !found.some((conference) => conference.id === id));
    if (missing !== undefined) throw notFound('conference', `conferenceIds[${ids.indexOf(missing)}]`, missing);
    await manager.delete(OrganiserConference, { organiserId: organiser.id });
    if (ids.length)
      await manager.save(ids.map((conferenceId) => manager.create(OrganiserConference, { organiserId: organiser.id, conferenceId })));
  }
}

const emailTaken = () => conflict('email', 'another organiser has this e-mail address already');
