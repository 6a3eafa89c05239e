import { Injectable } from '@nestjs/common';

/**
 * The time as the webhooks see it: when a delivery is due, the timestamp it is signed with, and
 * when a rotated-out secret stops signing. One provider, so a test can move it (over `now`).
 */
@Injectable()
export class WebhookClock {
  now(): Date {
    return new Date();
  }
}
