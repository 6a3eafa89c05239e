import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { rowId } from '../../tests/support/ids';
import { Lectern, startLectern } from '../../tests/support/lectern';

/**
 * The admins' screens: every organiser with their e-mail, role and conferences; adding and
 * changing one; giving and taking away conferences; their access tokens, the secret shown once.
 * Anyone who is not an admin is refused, and sees nobody's e-mail.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let lectern: Lectern;
let browser: Browser;
let conferenceId: string;

beforeAll(async () => {
  lectern = await startLectern({ CONSOLE_DIR: builtConsole() });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const created = await lectern.ok(
    `mutation { createConference(input: { slug: "vasakonf-2027", name: "Vasakonf 2027", startDate: "2027-05-04",
      endDate: "2027-05-05", timeZone: "Europe/Stockholm", defaultLocale: "sv" }) { id } }`,
    {},
    { as: 'organiser' },
  );
  conferenceId = created.createConference.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
});

const organisers = async (): Promise<{ id: string; name: string; email: string | null; role: string; conferences: { id: string }[] }[]> =>
  (await lectern.ok(`{ organisers { id name email role conferences { id } } }`, {}, { as: 'organiser' })).organisers;

it('adds an organiser, gives them a conference, issues a token shown once that works, and revokes it', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lectern.url });
  await signInWithToken(page, lectern.adminToken);
  await page.getByRole('navigation', { name: 'Lectern console' }).getByRole('link', { name: 'Organisers' }).click();
  await page.getByRole('heading', { name: 'Organisers', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Test Admin' }).waitFor();

  await page.getByRole('button', { name: 'Add an organiser' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an organiser' });
  await dialog.getByLabel('Name', { exact: true }).fill('Ingrid Berg');
  await dialog.getByLabel('E-mail').fill('ingrid@example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();

  // Saved, the new organiser's own screen opens.
  await page.getByRole('heading', { name: 'Ingrid Berg', level: 1 }).waitFor();
  const ingrid = (await organisers()).find((each) => each.name === 'Ingrid Berg')!;
  expect(ingrid).toEqual(expect.objectContaining({ email: 'ingrid@example.org', role: 'ORGANISER', conferences: [] }));
  expect(new URL(page.url()).pathname).toBe(`/console/organisers/${encodeURIComponent(ingrid.id)}`);

  // A conference given.
  await page.getByLabel('Give a conference').selectOption({ label: 'Vasakonf 2027' });
  await page.getByRole('button', { name: 'Give the conference' }).click();
  await page.getByRole('status').filter({ hasText: 'Vasakonf 2027 given.' }).waitFor();
  await page.getByRole('button', { name: 'Take Vasakonf 2027 away' }).waitFor();
  expect((await organisers()).find((each) => each.id === ingrid.id)!.conferences).toEqual([{ id: conferenceId }]);

  // A token issued: its secret is shown once, and works.
  await page.getByLabel('What the token is for').fill('laptop');
  await page.getByRole('button', { name: 'Issue a token' }).click();
  const shown = page.getByRole('dialog', { name: 'New token “laptop”' });
  const secret = (await shown.locator('[data-secret]').textContent())!.trim();
  expect(secret).toMatch(/^lct_/);
  await shown.getByRole('button', { name: 'Copy the secret' }).click();
  await shown.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await axeViolations(page)).toEqual([]);
  expect((await lectern.ok(`{ me { name } }`, {}, { token: secret })).me).toEqual({ name: 'Ingrid Berg' });
  await shown.getByRole('button', { name: 'Done, I have copied it' }).click();
  await shown.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: 'laptop', exact: true }).waitFor();

  // Once reloaded, the page lists the token without its secret.
  await page.reload();
  const row = page.getByRole('row', { name: /laptop/ });
  await row.waitFor();
  expect(await row.textContent()).toContain('Works');
  expect(await row.textContent()).toContain(secret.slice(0, 8));
  expect(await page.content()).not.toContain(secret);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'organiser.png'), fullPage: true });

  // Revoked (after saying yes), the token is refused.
  page.on('dialog', (question) => question.accept());
  await page.getByRole('button', { name: 'Revoke laptop' }).click();
  await page.getByRole('status').filter({ hasText: 'Token “laptop” revoked.' }).waitFor();
  await row.getByText(/^Revoked /).waitFor();
  const refused = await lectern.graphql(`{ me { name } }`, {}, { token: secret });
  expect(refused.status).toBe(401);

  // The list shows them with their e-mail, role and conference.
  await page.getByRole('link', { name: 'All organisers' }).click();
  const listed = page.getByRole('row', { name: /Ingrid Berg/ });
  await listed.waitFor();
  expect((await listed.getByRole('cell').allTextContents()).map((text) => text.trim())).toEqual([
    'Ingrid Berg',
    'ingrid@example.org',
    'Organiser',
    'Vasakonf 2027',
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'organisers.png') });
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('shows the server’s message at the e-mail field and adds nobody; edits and takes a conference away', async () => {
  await lectern.ok(
    `mutation($input: CreateOrganiserInput!) { createOrganiser(input: $input) { id } }`,
    { input: { name: 'Per Holm', email: 'per@example.org', conferenceIds: [conferenceId] } },
    { as: 'organiser' },
  );
  const before = await organisers();
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/organisers`);
  await page.getByRole('button', { name: 'Add an organiser' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an organiser' });
  await dialog.getByLabel('Name', { exact: true }).fill('Sara Ek');
  await dialog.getByLabel('E-mail').fill('sara at example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const problem = dialog.locator('.field-invalid', { has: page.getByLabel('E-mail') }).locator('.problem');
  await problem.waitFor();
  expect(await problem.textContent()).toMatch(/e-mail|address/i);
  expect(await dialog.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
  expect(await axeViolations(page)).toEqual([]);
  expect(await organisers()).toEqual(before);

  // An address another organiser has is refused at the field too.
  await dialog.getByLabel('E-mail').fill('PER@example.org');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await problem.filter({ hasText: 'another organiser has this e-mail address already' }).waitFor();
  expect(await organisers()).toEqual(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Edited from their own screen: a new name and role, and the conference taken away.
  await page.getByRole('link', { name: 'Per Holm' }).click();
  await page.getByRole('heading', { name: 'Per Holm', level: 1 }).waitFor();

  // A wrong address in the details is refused at the field as well, and changes nothing.
  await page.getByLabel('E-mail').fill('per@');
  await page.getByRole('button', { name: 'Save' }).click();
  const detailProblem = page.locator('.field-invalid', { has: page.getByLabel('E-mail') }).locator('.problem');
  await detailProblem.waitFor();
  expect(await detailProblem.textContent()).toMatch(/e-mail|address/i);
  expect(await organisers()).toEqual(before);
  await page.getByLabel('E-mail').fill('per@example.org');
  await page.getByRole('button', { name: 'Take Vasakonf 2027 away' }).click();
  await page.getByRole('status').filter({ hasText: 'Vasakonf 2027 taken away.' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Per Holmberg');
  await page.getByLabel('Role').selectOption('ADMIN');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Per Holmberg', level: 1 }).waitFor();
  await page.getByText('An admin may change every conference; there is nothing to give.').waitFor();
  expect((await organisers()).find((each) => each.email === 'per@example.org')).toEqual(
    expect.objectContaining({ name: 'Per Holmberg', role: 'ADMIN', conferences: [] }),
  );
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('issues a token with an expiry date, and removes an organiser (asking first), whose tokens stop working', async () => {
  const added = await lectern.ok(
    `mutation($input: CreateOrganiserInput!) { createOrganiser(input: $input) { id } }`,
    { input: { name: 'Olav Dahl', email: 'olav@example.org' } },
    { as: 'organiser' },
  );
  const olav = added.createOrganiser.id;
  const { secret } = (
    await lectern.ok(
      `mutation($input: CreateAccessTokenInput!) { createAccessToken(input: $input) { secret } }`,
      { input: { name: 'script', organiserId: olav } },
      { as: 'organiser' },
    )
  ).createAccessToken;
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/organisers/${encodeURIComponent(olav)}`);
  await page.getByRole('heading', { name: 'Olav Dahl', level: 1 }).waitFor();
  expect(await page.getByRole('row', { name: /script/ }).textContent()).toContain('Never');

  await page.getByLabel('What the token is for').fill('tablet');
  await page.getByLabel('Expires on (optional)').fill('2031-06-30');
  await page.getByRole('button', { name: 'Issue a token' }).click();
  await page.getByRole('dialog', { name: 'New token “tablet”' }).getByRole('button', { name: 'Done, I have copied it' }).click();
  await page.getByRole('cell', { name: 'tablet', exact: true }).waitFor();
  const tokens = (
    await lectern.ok(
      `query($id: ID!) { node(id: $id) { ... on Organiser { accessTokens { name expiresAt } } } }`,
      { id: olav },
      { as: 'organiser' },
    )
  ).node.accessTokens;
  expect(tokens).toEqual(
    expect.arrayContaining([
      { name: 'script', expiresAt: null },
      { name: 'tablet', expiresAt: expect.stringMatching(/^2031-06-(30|29|01)/) },
    ]),
  );

  const questions: string[] = [];
  let answer = false;
  page.on('dialog', async (question) => {
    questions.push(question.message());
    await (answer ? question.accept() : question.dismiss());
  });
  await page.getByRole('button', { name: 'Remove Olav Dahl' }).click();
  expect(questions).toEqual([expect.stringContaining('Their tokens stop working at once')]);
  expect((await organisers()).some((each) => each.id === olav)).toBe(true);
  answer = true;
  await page.getByRole('button', { name: 'Remove Olav Dahl' }).click();
  await page.getByRole('heading', { name: 'Organisers', level: 1 }).waitFor();
  await page.getByRole('cell', { name: 'Test Admin' }).waitFor();
  expect(await page.getByRole('cell', { name: 'Olav Dahl' }).count()).toBe(0);
  expect((await organisers()).some((each) => each.id === olav)).toBe(false);
  expect((await lectern.graphql(`{ me { name } }`, {}, { token: secret })).status).toBe(401);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('refuses a plain organiser plainly, and shows them nobody’s e-mail', async () => {
  const everyone = await organisers();
  const token = await lectern.organiserToken([rowId(conferenceId)], 'Lena Plain');
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, token);
  expect(await page.getByRole('navigation', { name: 'Lectern console' }).getByRole('link', { name: 'Organisers' }).count()).toBe(0);

  await page.goto(`${lectern.url}/console/organisers`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('Only an admin may see and change organisers.');
  expect(await page.getByRole('button', { name: 'Add an organiser' }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  // In Swedish and Norwegian too.
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('alert').filter({ hasText: 'Bara en administratör får se och ändra arrangörer.' }).waitFor();
  await page.getByLabel('Språk').selectOption('nb');
  await page.getByRole('alert').filter({ hasText: 'Bare en administrator kan se og endre arrangører.' }).waitFor();
  await page.getByLabel('Språk').selectOption('en');

  const other = everyone.find((each) => each.email === 'ingrid@example.org')!;
  await page.goto(`${lectern.url}/console/organisers/${encodeURIComponent(other.id)}`);
  await page.getByRole('alert').waitFor();
  expect(await page.getByRole('alert').textContent()).toContain('Only an admin may see and change organisers.');
  const html = await page.content();
  for (const organiser of everyone) if (organiser.email) expect(html).not.toContain(organiser.email);
  expect(html).not.toContain('Ingrid Berg');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
