import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { FailedAttempts } from './failed-attempts';
import { TokenService } from './token.service';
import { PUBLIC_VIEWER, Viewer } from './viewer';

export type Admission = { viewer: Viewer } | { refused: 'UNAUTHENTICATED' } | { refused: 'TOO_MANY_ATTEMPTS'; retryAfterSeconds: number };

/**
 * Decides who a request comes from: no Authorization header is the public; a bearer token must be
 * a valid one. Clients that keep sending wrong tokens are slowed down, per client (FailedAttempts:
 * shared by every instance when REDIS_URL is set).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly failures: FailedAttempts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Who the bearer of this Authorization header is, for a client at this address: the one call
   * every transport makes, once (HTTP requests in src/http/viewer.ts, WebSocket connections at
   * connection_init). No header is the public, with nothing looked up. A valid token always gets
   * in, so wrong tokens from the same address (a shared NAT) cannot lock an organiser out; wrong
   * ones count, and beyond the limit are answered 429.
   */
  async admit(authorization: string | undefined, client: string): Promise<Admission> {
    if (authorization === undefined || authorization === '') return { viewer: PUBLIC_VIEWER };
    const viewer = await this.viewerNow(authorization);
    if (viewer) return { viewer };
    const limit = this.config.failedTokenAttemptsPerMinute;
    if (limit === 0) return { refused: 'UNAUTHENTICATED' };
    const { attempts, retryAfterSeconds } = await this.failures.count(client);
    return attempts > limit ? { refused: 'TOO_MANY_ATTEMPTS', retryAfterSeconds } : { refused: 'UNAUTHENTICATED' };
  }

  /**
   * The rights an Authorization header admitted earlier carries now (an open WebSocket asks before
   * each event it would deliver): null once its token is revoked or expired, or its organiser is
   * gone. Not counted as a failed attempt; cheap while nobody's rights have changed.
   */
  async viewerNow(authorization: string): Promise<Viewer | null> {
    const secret = bearer(authorization);
    return secret ? this.tokens.verify(secret) : null;
  }
}

function bearer(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}
