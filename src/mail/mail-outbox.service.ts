import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { requireOrganiserOf, Viewer } from '../auth/viewer';
import { Page, paginate } from '../common/connection';
import { parseId } from '../common/entities';
import { conflict, notFound, UserError } from '../common/errors';
import { Transactions } from '../database/transactions';
import { MailStatus, OutboxMail } from './mail.entity';
import { OutboxArgs } from './mail.inputs';
import { MailWorker } from './mail-worker';

/** The outbox as organisers read it: admins every mail, an organiser their conferences' mails. */
@Injectable()
export class MailOutboxService {
  constructor(
    @InjectRepository(OutboxMail) private readonly mails: Repository<OutboxMail>,
    private readonly transactions: Transactions,
    private readonly worker: MailWorker,
  ) {}

  /** Newest first. */
  list(args: OutboxArgs, viewer: Viewer): Promise<Page<OutboxMail>> {
    requireSignedIn(viewer);
    const query = this.mails.createQueryBuilder('mail');
    if (args.conferenceId != null) {
      const conferenceId = parseId(args.conferenceId, 'conference', 'conferenceId');
      requireOrganiserOf(viewer, conferenceId, 'conferenceId');
      query.andWhere('mail.conferenceId = :conferenceId', { conferenceId });
    } else if (!viewer.admin) {
      // A mail of no conference (or one since deleted) is an admin's to read.
      if (viewer.conferenceIds.length === 0) query.andWhere('1 = 0');
      else query.andWhere('mail.conferenceId IN (:...scope)', { scope: viewer.conferenceIds });
    }
    if (args.status) query.andWhere('mail.status = :status', { status: args.status });
    return paginate(query.orderBy('mail.id', 'DESC'), args);
  }

  /** The mail, if the viewer may read it (for `node`): null alike when missing or not theirs. */
  async visibleById(id: number, viewer: Viewer): Promise<OutboxMail | null> {
    if (!viewer.organiser) return null;
    const mail = await this.mails.findOneBy({ id });
    return mail && (viewer.admin || (mail.conferenceId !== null && viewer.conferenceIds.includes(mail.conferenceId))) ? mail : null;
  }

  /** A FAILED mail goes back to PENDING with a fresh set of attempts. */
  async retry(id: string, actor: Viewer): Promise<OutboxMail> {
    const mail = await this.transactions.runBookkeeping(async (manager) => {
      const found = await manager.findOneBy(OutboxMail, { id: parseId(id, 'outbox mail', 'id') });
      if (!found) throw notFound('mail', 'id', id);
      requireOrganiserOf(actor, found.conferenceId, 'id');
      if (found.status !== MailStatus.FAILED) throw conflict('id', `only a FAILED mail can be sent again; this one is ${found.status}`);
      const now = new Date();
      const changed = await manager
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ status: MailStatus.PENDING, attempts: 0, nextAttemptAt: now, claimedAt: null, updatedAt: now })
        .where('"id" = :id AND "status" = :failed', { id: found.id, failed: MailStatus.FAILED })
        .execute();
      if (changed.affected !== 1) throw conflict('id', 'the mail changed meanwhile; read it again');
      return manager.findOneByOrFail(OutboxMail, { id: found.id });
    });
    this.worker.wake();
    return mail;
  }
}

function requireSignedIn(viewer: Viewer): void {
  if (viewer.speakerId !== null) throw new UserError('FORBIDDEN', 'The outbox is for organisers.');
  if (!viewer.organiser) throw new UserError('UNAUTHENTICATED', 'The outbox is for organisers: send "Authorization: Bearer <token>".');
}
