/**
 * What the public may see, in one place: as SQL fragments for queries (every reader that lets the
 * public in, the domain's own `visible` queries included) and as predicates for what is already in
 * memory. Nothing else spells these out.
 *
 * - a conference is public once it is PUBLISHED;
 * - a session, when it is published and its conference is public;
 * - a room or track, when it is published (and so is its conference);
 * - an interview, when it is published, and its conference and session, if it has them, are public;
 * - a speaker, when they take part in a public session or in a public interview.
 *
 * The fragments take quoted column or alias names (`"session"`, `"s"."conferenceId"`) and bind no
 * parameters, so they combine with any query on either engine. They sit below the read model's
 * other parts on purpose: the domain's queries for organisers (drafts included) read their public
 * half from here too.
 */

const PUBLISHED_CONFERENCE = `'PUBLISHED'`;

/** The conference whose id is in `idColumn` is public. */
export function publicConference(idColumn: string): string {
  return `${idColumn} IN (SELECT "public_conference"."id" FROM "conferences" "public_conference" WHERE "public_conference"."status" = ${PUBLISHED_CONFERENCE})`;
}

/** The session row under `alias` is public. */
export function publicSession(alias: string): string {
  return `(${alias}."published" = TRUE AND ${publicConference(`${alias}."conferenceId"`)})`;
}

/** The session whose id is in `idColumn` is public. */
export function publicSessionId(idColumn: string): string {
  return `${idColumn} IN (SELECT "public_session"."id" FROM "sessions" "public_session" WHERE ${publicSession('"public_session"')})`;
}

/** The room or track row under `alias` is public (within a public session's conference). */
export function publicPart(alias: string): string {
  return `${alias}."published" = TRUE`;
}

/** The interview row under `alias` is public. */
export function publicInterview(alias: string): string {
  return (
    `(${alias}."published" = TRUE` +
    ` AND (${alias}."conferenceId" IS NULL OR ${publicConference(`${alias}."conferenceId"`)})` +
    ` AND (${alias}."sessionId" IS NULL OR ${publicSessionId(`${alias}."sessionId"`)}))`
  );
}

/** The speaker whose id is in `idColumn` is public: in a public session, or in a public interview. */
export function publicSpeaker(idColumn: string): string {
  return (
    `(EXISTS (SELECT 1 FROM "appearances" "public_appearance" INNER JOIN "sessions" "public_appearance_session" ON "public_appearance_session"."id" = "public_appearance"."sessionId"` +
    ` WHERE "public_appearance"."speakerId" = ${idColumn} AND ${publicSession('"public_appearance_session"')})` +
    ` OR EXISTS (SELECT 1 FROM "interview_speakers" "public_participant" INNER JOIN "interviews" "public_interview" ON "public_interview"."id" = "public_participant"."interviewId"` +
    ` WHERE "public_participant"."speakerId" = ${idColumn} AND ${publicInterview('"public_interview"')}))`
  );
}

/** A conference in memory is public. */
export function isPublicConference(conference: { status: string }): boolean {
  return conference.status === 'PUBLISHED';
}

/** A session in memory is public, in its conference. */
export function isPublicSession(session: { published: boolean }, conference: { status: string } | null | undefined): boolean {
  return session.published && !!conference && isPublicConference(conference);
}

/** A room or track in memory is public (its conference being public). */
export function isPublicPart(part: { published: boolean }): boolean {
  return part.published;
}
