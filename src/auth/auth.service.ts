import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { appConfig, AppConfig } from '../config/configuration';
import { ORGANISER_VIEWER, PUBLIC_VIEWER, Viewer } from './viewer';

/**
 * Decides who a request comes from. For now organisers share one secret, ORGANISER_TOKEN, sent as
 * `Authorization: Bearer …`; while it is unset nobody is an organiser and every mutation is refused.
 */
@Injectable()
export class AuthService {
  private readonly expected?: Buffer;

  constructor(@Inject(appConfig.KEY) config: AppConfig) {
    if (config.organiserToken) this.expected = digest(config.organiserToken);
  }

  get configured(): boolean {
    return this.expected !== undefined;
  }

  viewerFor(authorization: string | undefined): Viewer {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token || !this.expected) return PUBLIC_VIEWER;
    // Compare digests, not the tokens, so the comparison takes the same time whatever was sent.
    return timingSafeEqual(digest(token), this.expected) ? ORGANISER_VIEWER : PUBLIC_VIEWER;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
