import { GraphQLSchemaHost } from '@nestjs/graphql';
import { print, validate } from 'graphql';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { signInSpeaker } from '../support/speakers';
import { README, readmeExamples, operationsOf } from '../support/readme';

/**
 * The README's GraphQL examples, as a reader (or GraphQL Code Generator) takes them: every
 * operation is named, uniquely across the README, and valid against the served schema; every query
 * runs on a fresh demo without errors, with the variables of a ```json block right after it.
 */

/**
 * Queries that cannot run as written, with the reason. Every other query runs.
 */
const NOT_RUN: Record<string, string> = {
  Agenda: 'its token is the one a createAgenda mutation answers: "<edit or read token>" is a placeholder',
  WebhookDeliveries: 'its "<webhook id>" is the id CreateWebhook answers, and CreateWebhook is not run (MUTATIONS_NOT_RUN)',
};

/** Mutations that cannot run as written, with the reason. Every other mutation runs, in the README's order. */
const MUTATIONS_NOT_RUN: Record<string, string> = {
  ImportProgramme: 'its document is "<schedule>…", a placeholder for a whole schedule.xml',
  CreateWebhook: 'it registers https://example.org, and nothing Lectern runs may send traffic off this machine',
  RejectProfileChange: 'it rejects the change ApproveProfileChange has just approved: one or the other',
  ReturnQuestionnaireAnswers: 'it returns the answers ApproveQuestionnaireAnswers approves next: one or the other',
  RetryMail: 'its "<mail id>" is a FAILED mail, and on a fresh demo no mail has failed',
};

/**
 * What the README's later examples take from an earlier one's answer, as a reader would paste it:
 * a quoted placeholder ("<speaker id>") is replaced by the value once the mutation that answers it ran.
 */
const PASTED: Record<string, (data: any) => string | undefined> = {
  '<edit token>': (data) => data?.createAgenda?.token,
  '<speaker id>': (data) => data?.createSpeaker?.id,
  '<session id>': (data) => data?.createSession?.id,
  '<token id>': (data) => data?.createAccessToken?.accessToken?.id,
  '<organiser id>': (data) => data?.createOrganiser?.id,
  '<invitation id>': (data) => data?.inviteSpeaker?.id,
  '<invited speaker id>': (data) => data?.inviteSpeaker?.speaker?.id,
  '<questionnaire id>': (data) => data?.createQuestionnaire?.id,
  '<assignment id>': (data) => data?.assignQuestionnaire?.id,
  '<profile change id>': (data) => data?.proposeProfileChange?.id,
};

/** Queries that read what only organisers may (their own account, their webhooks): sent with the admin's token. */
const AS_ORGANISER = new Set(['Me', 'Webhooks', 'SpeakerInvitations', 'ProfileChanges', 'Questionnaires', 'Outbox']);

/**
 * Operations a speaker makes on their own page: sent with a speaker session. A query, as a speaker of
 * the demo; a mutation, as the speaker the README's InviteSpeaker invited (who would sign in with its link).
 */
const AS_SPEAKER = new Set([
  'MySpeakerPage',
  'AcceptInvitation',
  'ProposeProfileChange',
  'SaveQuestionnaireAnswers',
  'SubmitQuestionnaireAnswers',
  'AddUnavailability',
]);

describe("the README's GraphQL examples", () => {
  const examples = readmeExamples();
  const operations = examples.flatMap((example) => operationsOf(example.document).map((operation) => ({ example, operation })));
  let lectern: Lectern;

  beforeAll(async () => {
    lectern = await startLectern();
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());

  it('are found, and every operation has a name, unique across the README', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const unnamed = operations.filter(({ operation }) => !operation.name).map(({ example }) => `README.md:${example.line}`);
    expect(unnamed).toEqual([]);
    const names = operations.map(({ operation }) => operation.name!.value);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const name of [...Object.keys(NOT_RUN), ...AS_ORGANISER, ...AS_SPEAKER]) expect(names).toContain(name);
  });

  it('are valid against the served schema', () => {
    const { schema } = lectern.app.get(GraphQLSchemaHost);
    for (const example of examples) {
      const errors = validate(schema, example.document).map((error) => error.message);
      expect({ line: example.line, errors }).toEqual({ line: example.line, errors: [] });
    }
  });

  it('run, every query, on a fresh demo without errors', async () => {
    const queries = operations.filter(({ operation }) => operation.operation === 'query');
    expect(queries.length).toBeGreaterThan(Object.keys(NOT_RUN).length);
    for (const { example, operation } of queries) {
      const name = operation.name!.value;
      if (name in NOT_RUN) continue;
      const as = AS_ORGANISER.has(name) ? { as: 'organiser' as const } : AS_SPEAKER.has(name) ? await signInSpeaker(lectern, 1) : {};
      const result = await lectern.graphql(print(operation), example.variables, as);
      expect({ name, errors: result.errors ?? [] }).toEqual({ name, errors: [] });
      expect({ name, data: result.data != null }).toEqual({ name, data: true });
    }
  });

  it("run, every mutation, in the order the README gives them, as its admin (a speaker's as the invited speaker) on a fresh demo, without errors", async () => {
    const mutations = operations.filter(({ operation }) => operation.operation === 'mutation');
    for (const name of Object.keys(MUTATIONS_NOT_RUN)) expect(mutations.map(({ operation }) => operation.name!.value)).toContain(name);
    const pasted = new Map<string, string>();
    for (const { example, operation } of mutations) {
      const name = operation.name!.value;
      if (name in MUTATIONS_NOT_RUN) continue;
      let text = print(operation);
      for (const [placeholder, value] of pasted) text = text.split(`"${placeholder}"`).join(JSON.stringify(value));
      expect({ name, placeholders: text.match(/"<[^"]*>"/g) ?? [] }).toEqual({ name, placeholders: [] });
      const invited = pasted.get('<invited speaker id>');
      const as = AS_SPEAKER.has(name) && invited ? await signInSpeaker(lectern, rowId(invited)) : { as: 'organiser' as const };
      const result = await lectern.graphql(text, example.variables, as);
      expect({ name, errors: result.errors ?? [] }).toEqual({ name, errors: [] });
      for (const [placeholder, from] of Object.entries(PASTED)) {
        const value = from(result.data);
        if (value !== undefined) pasted.set(placeholder, value);
      }
    }
    expect([...pasted.keys()].sort()).toEqual(Object.keys(PASTED).sort());
  });

  it('search as the README says: "jobbhack" finds the Umeå hackathon', async () => {
    expect(README.replace(/\s+/g, ' ')).toContain('"jobbhack" finds "Jobbhackathon: bättre matchning och nya vägar till jobb"');
    const data = await lectern.ok(
      `query ($text: String) {
        sessions(conferenceSlug: "umea-jobbhackathon-2016", filter: { text: $text }) { edges { node { title(locale: "sv") } } }
      }`,
      { text: 'jobbhack' },
    );
    expect(data.sessions.edges.map((edge: { node: { title: string } }) => edge.node.title)).toContain(
      'Jobbhackathon: bättre matchning och nya vägar till jobb',
    );
  });
});
