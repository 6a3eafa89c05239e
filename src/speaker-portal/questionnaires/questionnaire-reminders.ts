import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { QuestionnaireService } from './questionnaire.service';

/** How often due questionnaires are looked for: reminders are days ahead, so a minute late is on time. */
const POLL_MS = 60_000;

/**
 * Reminds speakers of questionnaires due soon (`QUESTIONNAIRE_REMINDER_DAYS`; 0: never), at start
 * and then every minute. Every instance polls; the claim in `remindDue` lets only one write each mail.
 */
@Injectable()
export class QuestionnaireReminders implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QuestionnaireReminders.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly questionnaires: QuestionnaireService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.questionnaireReminderDays <= 0) return;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref();
    void this.poll();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One look for due reminders; a look still running is not started twice. */
  poll(): Promise<unknown> {
    this.running ??= this.questionnaires
      .remindDue()
      .catch((error: unknown) => this.logger.error(`Questionnaire reminders could not be written: ${String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
