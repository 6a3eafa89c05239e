import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { notFound } from '../common/errors';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { AccessToken } from './access-token.entity';
import { OrganiserConference } from './organiser-conference.entity';
import { Organiser, OrganiserRole } from './organiser.entity';
import { RightsGeneration } from './rights-generation';
import { Viewer } from './viewer';

const TOKEN_PREFIX = 'lct_';
/** How long a verified token's rights are reused before the database is asked again (while no rights change). */
const CACHE_MS = 10_000;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedToken {
  /** The secret: shown once, never stored. */
  secret: string;
  token: AccessToken;
}

/**
 * Personal access tokens: 256 random bits, stored only as a SHA-256 hash (a hash of a secret
 * that long needs no salt or slow hash), looked up by that hash.
 */
@Injectable()
export class TokenService {
  /** Rights verified lately, by hash, with the rights generation they were verified at. */
  private readonly verified = new Map<string, { viewer: Viewer; tokenId: number; until: number; generation: string }>();
  private readonly lastUsedWritten = new Map<number, number>();

  constructor(
    @InjectRepository(AccessToken) private readonly tokens: Repository<AccessToken>,
    private readonly transactions: Transactions,
    private readonly rights: RightsGeneration,
  ) {}

  issue(organiserId: number, name: string, expiresAt: Date | null, within?: EntityManager): Promise<IssuedToken> {
    return this.transactions.run(async (manager) => {
      const v = new Validation().required(name, 'name').maxLength(name, 200, 'name');
      if (expiresAt) v.check(expiresAt.getTime() > Date.now(), 'expiresAt', 'must be in the future');
      v.throwIfFailed();
      if (!(await manager.existsBy(Organiser, { id: organiserId }))) throw notFound('organiser', 'organiserId', organiserId);
      const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const token = manager.create(AccessToken, {
        organiserId,
        name: name.trim(),
        prefix: secret.slice(0, 12),
        hash: digest(secret),
        createdAt: new Date(),
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      });
      return { secret, token: await manager.save(token) };
    }, within);
  }

  /**
   * The rights a secret carries, or null for a wrong, expired or revoked one. What was verified in
   * the last few seconds is reused only while the rights generation is the one it was verified at.
   */
  async verify(secret: string): Promise<Viewer | null> {
    const hash = digest(secret);
    // Read before the database: a change of rights that commits after this read moves the
    // generation on after it, so what is read below can never outlive that change.
    const generation = await this.rights.current();
    const cached = this.verified.get(hash);
    if (cached && cached.until > Date.now() && cached.generation === generation) return cached.viewer;

    const token = await this.tokens.findOneBy({ hash, revokedAt: IsNull() });
    if (!token || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) {
      this.verified.delete(hash);
      return null;
    }
    const viewer = await organiserViewer(this.tokens.manager, token.organiserId);
    if (!viewer) return null;
    const until = Math.min(Date.now() + CACHE_MS, token.expiresAt?.getTime() ?? Infinity);
    if (generation === undefined) this.verified.delete(hash);
    else this.verified.set(hash, { viewer, tokenId: token.id, until, generation });
    await this.noteUse(token.id);
    return viewer;
  }

  /** The token a secret is, while it works: what a console session opened with it stays tied to. */
  async workingToken(secret: string): Promise<AccessToken | null> {
    const token = await this.tokens.findOneBy({ hash: digest(secret), revokedAt: IsNull() });
    return token && (!token.expiresAt || token.expiresAt.getTime() > Date.now()) ? token : null;
  }

  list(organiserId: number): Promise<AccessToken[]> {
    return this.tokens.find({ where: { organiserId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  async byId(id: number): Promise<AccessToken> {
    const token = await this.tokens.findOneBy({ id });
    if (!token) throw notFound('access token', 'id', id);
    return token;
  }

  async revoke(id: number): Promise<AccessToken> {
    const token = await this.byId(id);
    token.revokedAt ??= new Date();
    await this.tokens.save(token);
    await this.rightsChanged();
    return token;
  }

  /**
   * Rights changed (a revocation, a scope, a role, an organiser removed) and the change has
   * committed: from now on every instance verifies every token afresh, for requests and for the
   * events open sockets deliver. Call it before the mutation that made the change answers.
   */
  async rightsChanged(): Promise<void> {
    this.verified.clear();
    await this.rights.advance();
  }

  private async noteUse(tokenId: number): Promise<void> {
    const now = Date.now();
    if ((this.lastUsedWritten.get(tokenId) ?? 0) > now - LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(tokenId, now);
    // Through the transaction queue: on SQLite a stray write would join another request's transaction.
    await this.transactions.runBookkeeping((manager) => manager.update(AccessToken, { id: tokenId }, { lastUsedAt: new Date(now) }));
  }
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * An organiser's rights, however they signed in (a token, a console session): their role and the
 * conferences in their scope as they are now; null when the organiser is gone.
 */
export async function organiserViewer(manager: EntityManager, organiserId: number): Promise<Viewer | null> {
  const organiser = await manager.findOneBy(Organiser, { id: organiserId });
  if (!organiser) return null;
  const scope = await manager.findBy(OrganiserConference, { organiserId: organiser.id });
  return Object.freeze({
    organiser: true,
    admin: organiser.role === OrganiserRole.ADMIN,
    organiserId: organiser.id,
    conferenceIds: Object.freeze(scope.map((row) => row.conferenceId)),
    speakerId: null,
  });
}
