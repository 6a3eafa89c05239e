import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { slugOf } from '../../common/slugs';
import { EntityManager, In, Repository } from 'typeorm';
import { organises, requireOrganiserOf, requireSpeaker, Viewer } from '../../auth/viewer';
import { Page, PageArgs, paginate } from '../../common/connection';
import { parseId, stamped } from '../../common/entities';
import { conflict, notFound, UserError } from '../../common/errors';
import { globalIdOf } from '../../common/global-id';
import { LocalisedText, LocalisedTextInput, mergeLocalisedText } from '../../common/localisation';
import { Changes } from '../../common/mutation-input';
import { hasText, knownLocale, Validation } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/configuration';
import { Conference } from '../../conferences/conference.entity';
import { ConferenceService } from '../../conferences/conference.service';
import { Transactions } from '../../database/transactions';
import { Interview } from '../../interviews/interview.entity';
import { InterviewService } from '../../interviews/interview.service';
import { MailOutbox } from '../../mail/mail-outbox';
import { SessionService } from '../../sessions/session.service';
import { SpeakerDirectory } from '../../sessions/speaker-directory.service';
import { Speaker } from '../../speakers/speaker.entity';
import { AssignmentStatus, QuestionnaireAssignment, StoredAnswers } from './questionnaire-assignment.entity';
import { QuestionnaireMailKind, questionnaireMail } from './questionnaire-mails';
import { Questionnaire, QuestionnaireStatus, StoredQuestion } from './questionnaire.entity';
import {
  AnswerInput,
  AssignQuestionnaireInput,
  CreateQuestionnaireInput,
  PublishQuestionnaireInput,
  QuestionInput,
  UpdateQuestionnaireInput,
} from './questionnaire.inputs';

/** As long as an interview's answer may be (src/interviews/interview.service.ts). */
const ANSWER_MAX = 20000;
const QUESTION_MAX = 2000;
const TITLE_MAX = 300;
const LEAD_MAX = 20000;
const NOTE_MAX = 2000;
const QUESTIONS_MAX = 50;
const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_MAX = 40;

/** A speaker edits their answers while drafting, or after the organisers returned them. */
const SPEAKER_EDITABLE: readonly AssignmentStatus[] = [AssignmentStatus.DRAFT, AssignmentStatus.RETURNED];

/** An assignment with what it belongs to, as the speaker's page and the mails need it. */
/** An assignment as the speaker's pages show it: its title for them and the conference it is for. */
export interface ShownAssignment extends AssignmentView {
  title: LocalisedText;
  conference: { name: string; timeZone: string };
}

export interface AssignmentView {
  assignment: QuestionnaireAssignment;
  questionnaire: Questionnaire;
  /** The questions this speaker answers, in the questionnaire's order. */
  questions: StoredQuestion[];
}

/**
 * Questionnaires: organisers of a conference write them and assign them to speakers; a speaker
 * reaches only their own assignments, saves drafts (merged by question and language), submits,
 * and edits again only when the organisers return them; approved, the answers are published as
 * an interview through the interview service, each answer by its speaker.
 */
@Injectable()
export class QuestionnaireService {
  constructor(
    @InjectRepository(Questionnaire) private readonly questionnaires: Repository<Questionnaire>,
    @InjectRepository(QuestionnaireAssignment) private readonly assignments: Repository<QuestionnaireAssignment>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceService,
    private readonly sessions: SessionService,
    private readonly directory: SpeakerDirectory,
    private readonly interviews: InterviewService,
    private readonly mail: MailOutbox,
  ) {}

  // ---- reading

  /** A conference's questionnaires, newest first, for its organisers. */
  async list(conferenceId: string, page: PageArgs, viewer: Viewer): Promise<Page<Questionnaire>> {
    const id = parseId(conferenceId, 'conference', 'conferenceId');
    requireOrganiserOf(viewer, id, 'conferenceId');
    const query = this.questionnaires
      .createQueryBuilder('questionnaire')
      .where('questionnaire.conferenceId = :id', { id })
      .orderBy('questionnaire.id', 'DESC');
    return paginate(query, page);
  }

  byIds(ids: readonly number[]): Promise<Questionnaire[]> {
    return this.questionnaires.findBy({ id: In([...ids]) });
  }

  /** Every assignment of these questionnaires, in the order speakers were assigned. */
  assignmentsOf(questionnaireIds: readonly number[]): Promise<QuestionnaireAssignment[]> {
    return this.assignments.find({ where: { questionnaireId: In([...questionnaireIds]) }, order: { id: 'ASC' } });
  }

  /** The viewer's own assignments (none for anyone but a signed-in speaker), newest first. */
  async ownAssignments(viewer: Viewer): Promise<AssignmentView[]> {
    if (viewer.speakerId === null) return [];
    const assignments = await this.assignments.find({ where: { speakerId: viewer.speakerId }, order: { id: 'DESC' } });
    return this.withQuestionnaires(assignments);
  }

  /** One of the signed-in speaker's own assignments; anyone else's is not found, as if it did not exist. */
  async ownAssignment(id: string | number, viewer: Viewer, field = 'id'): Promise<AssignmentView> {
    const speakerId = requireSpeaker(viewer);
    const assignment = await this.assignments.findOneBy({ id: parseId(id, 'questionnaire assignment', field) });
    if (!assignment || assignment.speakerId !== speakerId) throw notFound('questionnaire', field, id);
    return (await this.withQuestionnaires([assignment]))[0];
  }

  /**
   * The signed-in speaker's assignments as their pages show them (all, or the one with this id:
   * anyone else's is not found), with their title for this speaker and the conference's name and zone.
   */
  async shownOwn(viewer: Viewer, id?: string): Promise<ShownAssignment[]> {
    const speakerId = requireSpeaker(viewer);
    const views = id === undefined ? await this.ownAssignments(viewer) : [await this.ownAssignment(id, viewer)];
    if (views.length === 0) return [];
    const speaker = await this.assignments.manager.findOneByOrFail(Speaker, { id: speakerId });
    const conferences = new Map(
      (await this.conferences.byIds([...new Set(views.map((view) => view.questionnaire.conferenceId))])).map((c) => [c.id, c]),
    );
    return views.map((view) => {
      const conference = conferences.get(view.questionnaire.conferenceId)!;
      return {
        ...view,
        title: titleFor(view.questionnaire, [speaker.name]),
        conference: { name: conference.name, timeZone: conference.timeZone },
      };
    });
  }

  /** For node(id): a questionnaire for its conference's organisers. */
  async visibleQuestionnaire(id: number, viewer: Viewer): Promise<Questionnaire | null> {
    const questionnaire = await this.questionnaires.findOneBy({ id });
    return questionnaire && organises(viewer, questionnaire.conferenceId) ? questionnaire : null;
  }

  /** For node(id): an assignment for its conference's organisers and for its own speaker. */
  async visibleAssignment(id: number, viewer: Viewer): Promise<QuestionnaireAssignment | null> {
    const assignment = await this.assignments.findOneBy({ id });
    if (!assignment) return null;
    if (viewer.speakerId !== null && assignment.speakerId === viewer.speakerId) return assignment;
    const questionnaire = await this.questionnaires.findOneBy({ id: assignment.questionnaireId });
    return questionnaire && organises(viewer, questionnaire.conferenceId) ? assignment : null;
  }

  // ---- organisers

  create(input: CreateQuestionnaireInput, actor: Viewer): Promise<Questionnaire> {
    return this.transactions.runBookkeeping(async (manager) => {
      const v = new Validation();
      const { conference, sessionId } = await this.placeIn(manager, input.conferenceId, input.sessionId);
      requireOrganiserOf(actor, conference.id, input.sessionId ? 'sessionId' : 'conferenceId');
      const titlePattern = mergeLocalisedText(undefined, input.titlePattern, 'titlePattern', v, { maxLength: TITLE_MAX, required: true });
      const lead = mergeLocalisedText(undefined, input.lead, 'lead', v, { maxLength: LEAD_MAX }) ?? {};
      const questions = this.questions(input.questions, v);
      const locales = this.locales(input.locales, titlePattern ?? {}, conference, v);
      v.throwIfFailed();
      const questionnaire = manager.create(Questionnaire, {
        conferenceId: conference.id,
        sessionId,
        titlePattern: titlePattern!,
        lead,
        locales,
        questions,
        dueAt: input.dueAt ?? null,
        status: QuestionnaireStatus.OPEN,
        interviewId: null,
      });
      return manager.save(stamped(questionnaire));
    });
  }

  update(id: string, input: Changes<UpdateQuestionnaireInput>, actor: Viewer): Promise<Questionnaire> {
    return this.transactions.runBookkeeping(async (manager) => {
      const questionnaire = await this.requireQuestionnaire(manager, id, actor);
      requireOpen(questionnaire);
      const v = new Validation();
      const conference = await this.conferences.require(manager, questionnaire.conferenceId, 'id');
      if (input.sessionId !== undefined) {
        questionnaire.sessionId =
          input.sessionId === null ? null : (await this.placeIn(manager, String(conference.id), input.sessionId, conference)).sessionId;
      }
      const titlePattern = mergeLocalisedText(questionnaire.titlePattern, input.titlePattern, 'titlePattern', v, {
        maxLength: TITLE_MAX,
        required: true,
      });
      const lead = mergeLocalisedText(questionnaire.lead, input.lead, 'lead', v, { maxLength: LEAD_MAX });
      const questions = input.questions == null ? undefined : this.questions(input.questions, v);
      v.check(input.questions !== null, 'questions', 'cannot be cleared');
      const locales =
        input.locales === undefined ? undefined : this.locales(input.locales, titlePattern ?? questionnaire.titlePattern, conference, v);
      v.throwIfFailed();
      if (titlePattern) questionnaire.titlePattern = titlePattern;
      if (lead) questionnaire.lead = lead;
      if (locales) questionnaire.locales = locales;
      if (questions) {
        questionnaire.questions = questions;
        await this.keepAssignedKeys(manager, questionnaire);
      }
      if (input.dueAt !== undefined && input.dueAt?.getTime() !== questionnaire.dueAt?.getTime()) {
        questionnaire.dueAt = input.dueAt;
        // A new due date is a new reason to remind those who have not answered.
        await manager.update(
          QuestionnaireAssignment,
          { questionnaireId: questionnaire.id, status: In([...SPEAKER_EDITABLE]) },
          { remindedAt: null },
        );
      }
      return manager.save(stamped(questionnaire));
    });
  }

  /** Asks a speaker to answer (a mail tells them), or changes which questions they answer. */
  async assign(input: AssignQuestionnaireInput, actor: Viewer): Promise<QuestionnaireAssignment> {
    const assigned = await this.transactions.runBookkeeping(async (manager) => {
      const questionnaire = await this.requireQuestionnaire(manager, input.questionnaireId, actor, 'questionnaireId');
      requireOpen(questionnaire, 'questionnaireId');
      const speaker = await this.directory.requireLinkable(manager, input.speakerId, actor, 'speakerId');
      const v = new Validation();
      const keys = input.questionKeys == null ? null : this.assignedKeys(input.questionKeys, questionnaire, v);
      v.throwIfFailed();
      const existing = await manager.findOneBy(QuestionnaireAssignment, { questionnaireId: questionnaire.id, speakerId: speaker.id });
      if (existing) {
        if (input.questionKeys !== undefined) existing.questionKeys = keys;
        return manager.save(stamped(existing));
      }
      const assignment = await manager.save(
        stamped(
          manager.create(QuestionnaireAssignment, {
            questionnaireId: questionnaire.id,
            speakerId: speaker.id,
            questionKeys: keys,
            answers: {},
            status: AssignmentStatus.DRAFT,
            note: null,
            submittedAt: null,
            remindedAt: null,
          }),
        ),
      );
      await this.tell(manager, 'questionnaire-assigned', assignment, questionnaire, speaker);
      return assignment;
    });
    this.mail.wake();
    return assigned;
  }

  /** The organisers' edits to a speaker's answers, merged as the speaker's own are; the state stays. */
  updateAnswers(id: string, answers: AnswerInput[], actor: Viewer): Promise<QuestionnaireAssignment> {
    return this.transactions.runBookkeeping(async (manager) => {
      const { assignment, questionnaire } = await this.organisersAssignment(manager, id, actor);
      requireOpen(questionnaire);
      const v = new Validation();
      assignment.answers = this.mergedAnswers(assignment, questionnaire, answers, v);
      v.throwIfFailed();
      return manager.save(stamped(assignment));
    });
  }

  /** Sends answers back to their speaker with a note: they may edit and submit again. */
  async returnAnswers(id: string, note: string, actor: Viewer): Promise<QuestionnaireAssignment> {
    const returned = await this.transactions.runBookkeeping(async (manager) => {
      const { assignment, questionnaire } = await this.organisersAssignment(manager, id, actor);
      requireOpen(questionnaire);
      const v = new Validation().required(note, 'note').maxLength(note, NOTE_MAX, 'note');
      v.throwIfFailed();
      if (assignment.status !== AssignmentStatus.SUBMITTED && assignment.status !== AssignmentStatus.APPROVED) {
        throw conflict('id', `only submitted or approved answers can be returned; these are ${assignment.status}`);
      }
      assignment.status = AssignmentStatus.RETURNED;
      assignment.note = note.trim();
      const saved = await manager.save(stamped(assignment));
      const speaker = await manager.findOneByOrFail(Speaker, { id: assignment.speakerId });
      await this.tell(manager, 'questionnaire-returned', saved, questionnaire, speaker);
      return saved;
    });
    this.mail.wake();
    return returned;
  }

  /** Approves answers for publishing; every question the speaker answers needs an answer. */
  approve(id: string, actor: Viewer): Promise<QuestionnaireAssignment> {
    return this.transactions.runBookkeeping(async (manager) => {
      const { assignment, questionnaire } = await this.organisersAssignment(manager, id, actor);
      requireOpen(questionnaire);
      requireComplete(assignment, questionnaire);
      assignment.status = AssignmentStatus.APPROVED;
      return manager.save(stamped(assignment));
    });
  }

  /**
   * Publishes the approved answers as an interview, in one transaction: the title from the
   * pattern with the speakers' names joined as each language joins names, the lead, the
   * conference (and session), and one item per question and speaker, in question order, each
   * answered by its speaker.
   */
  publish(input: PublishQuestionnaireInput, actor: Viewer): Promise<Questionnaire> {
    return this.transactions.run(async (manager) => {
      const questionnaire = await this.requireQuestionnaire(manager, input.id, actor);
      requireOpen(questionnaire);
      const assignments = await manager.find(QuestionnaireAssignment, {
        where: { questionnaireId: questionnaire.id },
        order: { id: 'ASC' },
      });
      const speakers = new Map((await manager.findBy(Speaker, { id: In(assignments.map((a) => a.speakerId)) })).map((s) => [s.id, s]));
      const v = new Validation().check(assignments.length > 0, 'id', 'no speaker is assigned to this questionnaire yet');
      for (const assignment of assignments) {
        v.check(
          assignment.status === AssignmentStatus.APPROVED,
          'id',
          `the answers of ${speakers.get(assignment.speakerId)?.name ?? 'a speaker'} are not approved (${assignment.status})`,
        );
      }
      v.throwIfFailed();
      const conference = await this.conferences.require(manager, questionnaire.conferenceId, 'id');
      const ordered = assignments.map((assignment) => speakers.get(assignment.speakerId)!);
      const title = titleFor(
        questionnaire,
        ordered.map((speaker) => speaker.name),
      );
      const items = questionnaire.questions.flatMap((question) =>
        assignments
          .filter((assignment) => answersQuestion(assignment, question.key) && hasText(assignment.answers[question.key]))
          .map((assignment) => ({
            question: inputsOf(question.text),
            answer: inputsOf(assignment.answers[question.key]),
            answeredById: globalIdOf('Speaker', assignment.speakerId),
          })),
      );
      const interview = await this.interviews.create(
        {
          slug: input.slug ?? (await this.freeSlug(manager, title[questionnaire.locales[0]] ?? Object.values(title)[0])),
          conferenceId: globalIdOf('Conference', conference.id),
          sessionId: questionnaire.sessionId === null ? null : globalIdOf('Session', questionnaire.sessionId),
          speakerIds: ordered.map((speaker) => globalIdOf('Speaker', speaker.id)),
          title: inputsOf(title),
          lead: inputsOf(questionnaire.lead),
          language: questionnaire.locales[0],
          publishedOn: DateTime.now().setZone(conference.timeZone).toISODate()!,
          published: input.published !== false,
          items,
        },
        actor,
        manager,
      );
      questionnaire.status = QuestionnaireStatus.PUBLISHED;
      questionnaire.interviewId = interview.id;
      return manager.save(stamped(questionnaire));
    });
  }

  // ---- speakers

  /** Saves the signed-in speaker's drafts: merged by question and language, any number of times. */
  saveOwnAnswers(id: string, answers: AnswerInput[], viewer: Viewer): Promise<QuestionnaireAssignment> {
    return this.transactions.runBookkeeping(async (manager) => {
      const { assignment, questionnaire } = await this.editableOwn(manager, id, viewer);
      const v = new Validation();
      assignment.answers = this.mergedAnswers(assignment, questionnaire, answers, v);
      v.throwIfFailed();
      return manager.save(stamped(assignment));
    });
  }

  /** Saves any last answers and submits: every question needs an answer in some language; then the speaker can no longer edit. */
  submitOwnAnswers(id: string, answers: AnswerInput[] | null | undefined, viewer: Viewer): Promise<QuestionnaireAssignment> {
    return this.transactions.runBookkeeping(async (manager) => {
      const { assignment, questionnaire } = await this.editableOwn(manager, id, viewer);
      const v = new Validation();
      if (answers) assignment.answers = this.mergedAnswers(assignment, questionnaire, answers, v);
      v.throwIfFailed();
      requireComplete(assignment, questionnaire, answers ?? []);
      const now = new Date();
      assignment.status = AssignmentStatus.SUBMITTED;
      assignment.submittedAt = now;
      return manager.save(stamped(assignment, now));
    });
  }

  // ---- reminders

  /**
   * Reminds, once, every speaker with an e-mail whose answers are not submitted and whose
   * questionnaire is due within `questionnaireReminderDays`. Each reminder is claimed by a
   * conditional UPDATE of `remindedAt` in the transaction that writes its mail, so of several
   * instances only one writes it. Answers how many were written.
   */
  async remindDue(now = new Date()): Promise<number> {
    const days = this.config.questionnaireReminderDays;
    if (days <= 0) return 0;
    const horizon = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    const due = await this.assignments
      .createQueryBuilder('assignment')
      .innerJoin(Questionnaire, 'questionnaire', 'questionnaire.id = assignment.questionnaireId')
      .innerJoin(Speaker, 'speaker', 'speaker.id = assignment.speakerId')
      .where('assignment.remindedAt IS NULL')
      .andWhere('assignment.status IN (:...editable)', { editable: SPEAKER_EDITABLE })
      .andWhere('questionnaire.status = :open', { open: QuestionnaireStatus.OPEN })
      .andWhere('questionnaire.dueAt IS NOT NULL AND questionnaire.dueAt > :now AND questionnaire.dueAt <= :horizon', {
        now: now.toISOString(),
        horizon: horizon.toISOString(),
      })
      .andWhere('speaker.email IS NOT NULL')
      .orderBy('assignment.id', 'ASC')
      .getMany();
    let reminded = 0;
    for (const candidate of due) {
      const written = await this.transactions.runBookkeeping(async (manager) => {
        const claim = await manager
          .createQueryBuilder()
          .update(QuestionnaireAssignment)
          .set({ remindedAt: now })
          .where('id = :id AND "remindedAt" IS NULL', { id: candidate.id })
          .execute();
        if (!claim.affected) return false;
        const assignment = await manager.findOneByOrFail(QuestionnaireAssignment, { id: candidate.id });
        const questionnaire = await manager.findOneByOrFail(Questionnaire, { id: assignment.questionnaireId });
        const speaker = await manager.findOneByOrFail(Speaker, { id: assignment.speakerId });
        await this.tell(manager, 'questionnaire-reminder', assignment, questionnaire, speaker);
        return true;
      });
      if (written) reminded++;
    }
    if (reminded > 0) this.mail.wake();
    return reminded;
  }

  // ---- rules

  /** The address where a speaker answers an assignment. */
  answerUrl(assignmentId: number): string {
    return `${this.config.publicBaseUrl}/me/questionnaires/${assignmentId}`;
  }

  /** Writes a mail to the speaker in the conference's language, when they have an e-mail address. */
  private async tell(
    manager: EntityManager,
    kind: QuestionnaireMailKind,
    assignment: QuestionnaireAssignment,
    questionnaire: Questionnaire,
    speaker: Speaker,
  ): Promise<void> {
    if (!speaker.email) return;
    const conference = await this.conferences.require(manager, questionnaire.conferenceId);
    const title = titleFor(questionnaire, [speaker.name]);
    const mail = questionnaireMail(kind, {
      locale: conference.defaultLocale,
      speakerName: speaker.name,
      conferenceName: conference.name,
      title: title[conference.defaultLocale] ?? title[questionnaire.locales[0]] ?? Object.values(title)[0],
      dueAt: questionnaire.dueAt,
      timeZone: conference.timeZone,
      url: this.answerUrl(assignment.id),
      note: assignment.note,
    });
    await this.mail.enqueue(manager, {
      kind,
      to: speaker.email,
      locale: mail.locale,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      conferenceId: conference.id,
      speakerId: speaker.id,
    });
  }

  private async withQuestionnaires(assignments: QuestionnaireAssignment[]): Promise<AssignmentView[]> {
    if (assignments.length === 0) return [];
    const questionnaires = new Map((await this.byIds([...new Set(assignments.map((a) => a.questionnaireId))])).map((q) => [q.id, q]));
    return assignments.map((assignment) => {
      const questionnaire = questionnaires.get(assignment.questionnaireId)!;
      return { assignment, questionnaire, questions: questionsOf(questionnaire, assignment) };
    });
  }

  private async requireQuestionnaire(manager: EntityManager, id: string, actor: Viewer, field = 'id'): Promise<Questionnaire> {
    const questionnaire = await manager.findOneBy(Questionnaire, { id: parseId(id, 'questionnaire', field) });
    if (!questionnaire) throw notFound('questionnaire', field, id);
    requireOrganiserOf(actor, questionnaire.conferenceId, field);
    return questionnaire;
  }

  private async organisersAssignment(
    manager: EntityManager,
    id: string,
    actor: Viewer,
  ): Promise<{ assignment: QuestionnaireAssignment; questionnaire: Questionnaire }> {
    const assignment = await manager.findOneBy(QuestionnaireAssignment, { id: parseId(id, 'questionnaire assignment') });
    if (!assignment) throw notFound('questionnaire assignment', 'id', id);
    const questionnaire = await manager.findOneByOrFail(Questionnaire, { id: assignment.questionnaireId });
    requireOrganiserOf(actor, questionnaire.conferenceId);
    return { assignment, questionnaire };
  }

  private async editableOwn(manager: EntityManager, id: string, viewer: Viewer) {
    const speakerId = requireSpeaker(viewer);
    const assignment = await manager.findOneBy(QuestionnaireAssignment, { id: parseId(id, 'questionnaire assignment') });
    if (!assignment || assignment.speakerId !== speakerId) throw notFound('questionnaire', 'id', id);
    const questionnaire = await manager.findOneByOrFail(Questionnaire, { id: assignment.questionnaireId });
    requireOpen(questionnaire);
    if (!SPEAKER_EDITABLE.includes(assignment.status)) {
      throw conflict('id', 'these answers are submitted: they can be changed again only if the organisers return them to you');
    }
    return { assignment, questionnaire };
  }

  /**
   * The answers after an input: each answer's languages set or removed, the other languages and
   * questions kept. Only the speaker's own questions, in the questionnaire's languages.
   */
  private mergedAnswers(
    assignment: QuestionnaireAssignment,
    questionnaire: Questionnaire,
    answers: AnswerInput[],
    v: Validation,
  ): StoredAnswers {
    const own = new Set(questionsOf(questionnaire, assignment).map((question) => question.key));
    const merged: StoredAnswers = { ...assignment.answers };
    const seen = new Set<string>();
    answers.forEach((answer, i) => {
      const at = `answers[${i}]`;
      if (!own.has(answer.questionKey)) {
        v.fail(`${at}.questionKey`, `"${answer.questionKey}" is not one of the questions this speaker answers`);
        return;
      }
      if (seen.has(answer.questionKey)) v.fail(`${at}.questionKey`, 'answers the same question twice');
      seen.add(answer.questionKey);
      answer.text.forEach(({ locale }, j) => {
        const canonical = knownLocale(locale);
        if (canonical && !questionnaire.locales.includes(canonical)) {
          v.fail(`${at}.text[${j}].locale`, `must be one of the questionnaire's languages: ${questionnaire.locales.join(', ')}`);
        }
      });
      const text = mergeLocalisedText(merged[answer.questionKey], answer.text, `${at}.text`, v, { maxLength: ANSWER_MAX });
      if (text && Object.keys(text).length > 0) merged[answer.questionKey] = text;
      else delete merged[answer.questionKey];
    });
    return merged;
  }

  /** Questions as given, keyed: a key given or "q<position>", unique. */
  private questions(given: QuestionInput[], v: Validation): StoredQuestion[] {
    v.check(given.length > 0, 'questions', 'a questionnaire needs at least one question');
    v.check(given.length <= QUESTIONS_MAX, 'questions', `at most ${QUESTIONS_MAX} questions`);
    const named = new Set(given.flatMap((question) => (question.key ? [question.key] : [])));
    const used = new Set<string>();
    return given.map((question, i) => {
      const at = `questions[${i}]`;
      let key = question.key ?? undefined;
      if (key !== undefined) {
        v.check(KEY_PATTERN.test(key) && key.length <= KEY_MAX, `${at}.key`, 'must be lower-case letters, digits and single hyphens');
        v.check(!used.has(key), `${at}.key`, `"${key}" is given twice`);
      } else {
        for (let n = i + 1; key === undefined || named.has(key) || used.has(key); n++) key = `q${n}`;
      }
      used.add(key);
      const text = mergeLocalisedText(undefined, question.text, `${at}.text`, v, { maxLength: QUESTION_MAX, required: true }) ?? {};
      return { key, text };
    });
  }

  /** The languages answered in: as given, else the title's, the conference's default first. */
  private locales(given: string[] | null | undefined, titlePattern: LocalisedText, conference: Conference, v: Validation): string[] {
    if (given == null) {
      const title = Object.keys(titlePattern);
      const first = title.find((locale) => locale === conference.defaultLocale);
      return first ? [first, ...title.filter((locale) => locale !== first)] : title.length ? title : [conference.defaultLocale];
    }
    v.check(given.length > 0, 'locales', 'needs at least one language');
    const locales: string[] = [];
    given.forEach((locale, i) => {
      const canonical = knownLocale(locale);
      if (!canonical) v.locale(locale, `locales[${i}]`);
      else if (locales.includes(canonical)) v.fail(`locales[${i}]`, `"${canonical}" is given twice`);
      else locales.push(canonical);
    });
    return locales;
  }

  private assignedKeys(keys: string[], questionnaire: Questionnaire, v: Validation): string[] {
    const known = new Set(questionnaire.questions.map((question) => question.key));
    v.check(keys.length > 0, 'questionKeys', 'give at least one question, or leave it out for all of them');
    keys.forEach((key, i) => {
      v.check(known.has(key), `questionKeys[${i}]`, `"${key}" is not a question of this questionnaire`);
      v.check(keys.indexOf(key) === i, `questionKeys[${i}]`, `"${key}" is given twice`);
    });
    return keys;
  }

  /** After the questions changed: assignments keep only keys that still exist. */
  private async keepAssignedKeys(manager: EntityManager, questionnaire: Questionnaire): Promise<void> {
    const known = new Set(questionnaire.questions.map((question) => question.key));
    const assignments = await manager.findBy(QuestionnaireAssignment, { questionnaireId: questionnaire.id });
    for (const assignment of assignments) {
      if (!assignment.questionKeys || assignment.questionKeys.every((key) => known.has(key))) continue;
      const kept = assignment.questionKeys.filter((key) => known.has(key));
      assignment.questionKeys = kept.length ? kept : null;
      await manager.save(stamped(assignment));
    }
  }

  /** The conference (and session) a questionnaire is about; a session settles the conference. */
  private async placeIn(
    manager: EntityManager,
    conferenceId: string | null | undefined,
    sessionId: string | null | undefined,
    of?: Conference,
  ): Promise<{ conference: Conference; sessionId: number | null }> {
    if (sessionId) {
      const session = await this.sessions.require(manager, sessionId, 'sessionId');
      const conference = await this.conferences.require(manager, session.conferenceId, 'sessionId');
      const given = of?.id ?? (conferenceId ? parseId(conferenceId, 'conference', 'conferenceId') : undefined);
      if (given !== undefined && given !== conference.id) {
        new Validation().fail('sessionId', 'the session belongs to another conference').throwIfFailed();
      }
      return { conference, sessionId: session.id };
    }
    if (!conferenceId) throw new UserError('BAD_USER_INPUT', 'conferenceId: give the conference or a session of it', 'conferenceId');
    return {
      conference: of ?? (await this.conferences.require(manager, parseId(conferenceId, 'conference', 'conferenceId'), 'conferenceId')),
      sessionId: null,
    };
  }

  /** An interview slug from the title that no interview has yet ("fem-fragor-till-anna-berg", then "-2"…). */
  private async freeSlug(manager: EntityManager, title: string): Promise<string> {
    const base = slugOf(title) || 'interview';
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await manager.existsBy(Interview, { slug }))) return slug;
    }
  }
}

function requireOpen(questionnaire: Questionnaire, field = 'id'): void {
  if (questionnaire.status !== QuestionnaireStatus.OPEN) {
    throw conflict(field, 'this questionnaire is published as an interview: change the interview instead');
  }
}

export function answersQuestion(assignment: QuestionnaireAssignment, key: string): boolean {
  return assignment.questionKeys === null || assignment.questionKeys.includes(key);
}

/** The questions this speaker answers, in the questionnaire's order. */
export function questionsOf(questionnaire: Questionnaire, assignment: QuestionnaireAssignment): StoredQuestion[] {
  return questionnaire.questions.filter((question) => answersQuestion(assignment, question.key));
}

/**
 * Every question the speaker answers has an answer in at least one language. A missing one is
 * named as `answers[i].text`: the answer given for it in this input, else the i-th of the
 * speaker's questions (the order their page shows them in).
 */
function requireComplete(assignment: QuestionnaireAssignment, questionnaire: Questionnaire, given: AnswerInput[] = []): void {
  const v = new Validation();
  questionsOf(questionnaire, assignment).forEach((question, i) => {
    const at = given.findIndex((answer) => answer.questionKey === question.key);
    v.check(hasText(assignment.answers[question.key]), `answers[${at >= 0 ? at : i}].text`, 'needs an answer in at least one language');
  });
  v.throwIfFailed();
}

/** The title in each language of the pattern, "{name}" being the names joined as that language joins them. */
export function titleFor(questionnaire: Questionnaire, names: string[]): LocalisedText {
  const title: LocalisedText = {};
  for (const [locale, pattern] of Object.entries(questionnaire.titlePattern)) {
    const joined = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
    title[locale] = pattern.replace(/\{name\}/g, joined);
  }
  return title;
}

function inputsOf(text: LocalisedText): LocalisedTextInput[] {
  return Object.entries(text).map(([locale, value]) => ({ locale, text: value }));
}
