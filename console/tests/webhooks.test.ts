import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../../tests/support/browser';
import { builtConsole, expectOnlyCommittedOperations, openConsole, signInWithToken } from '../../tests/support/console';
import { Lectern, startLectern } from '../../tests/support/lectern';
import { ConferenceRef, programmeBuilder } from '../../tests/support/programme';
import { eventually, Receiver } from '../../tests/support/webhook-receiver';

/**
 * Webhooks kept from the console: registered with the secret shown once, the secret rotated,
 * the delivery log read, and a failed delivery sent again. The receiver is on loopback.
 */

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'console');

let lectern: Lectern;
let browser: Browser;
let conference: ConferenceRef;
let sessionId: string;
const receiver = new Receiver();

beforeAll(async () => {
  await receiver.start();
  lectern = await startLectern({
    CONSOLE_DIR: builtConsole(),
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'on',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_MAX_ATTEMPTS: '2',
  });
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const build = programmeBuilder(lectern);
  conference = await build.conference({ name: 'Teknologi og politikk 2027', timeZone: 'Europe/Oslo', defaultLocale: 'nb' });
  sessionId = (await build.session(conference, { title: 'Åpning', published: true })).id;
  await build.publish(conference);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lectern?.close();
  await receiver.stop();
});

const retitle = (text: string) =>
  lectern.ok(
    'mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }',
    { input: { id: sessionId, title: [{ locale: 'nb', text }] } },
    { as: 'organiser' },
  );

it('registers a webhook showing its secret once, sends a failed delivery again, and rotates the secret', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/${conference.slug}/webhooks`);
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog');
  const url = `${receiver.url}/programme`;
  await dialog.getByLabel('Address').fill(url);
  await dialog.getByLabel('A session is retitled').check();
  await dialog.getByLabel('A session moves').uncheck();
  await dialog.getByLabel('A session is cancelled').uncheck();
  await dialog.getByLabel('What it is for').fill('nettstedet');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const secret = (await dialog.locator('[data-secret]').textContent())!.trim();
  expect(secret.length).toBeGreaterThan(20);
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  // Gone once the dialog is closed, and never in a page the console loads again.
  await page.reload();
  await page.getByRole('cell', { name: url, exact: true }).waitFor();
  expect(await page.content()).not.toContain(secret);

  // The receiver refuses: the delivery fails, and is sent again from the log once it would take it.
  receiver.plan('/programme', [], 410);
  await retitle('Åpning av konferansen');
  await page.getByRole('button', { name: `Deliveries to ${url}` }).click();
  const log = page.getByRole('region', { name: /^Deliveries to/ });
  await eventually(async () => {
    await log.getByRole('button', { name: 'Refresh' }).click();
    return (await log.getByRole('cell', { name: 'Failed' }).count()) > 0;
  }, 'the failed delivery in the log');
  expect(await log.textContent()).toContain('410');
  await page.screenshot({ path: join(SCREENSHOTS, 'webhooks.png') });

  receiver.plan('/programme', [], 200);
  await log.getByRole('button', { name: 'Send again' }).click();
  await eventually(async () => {
    await log.getByRole('button', { name: 'Refresh' }).click();
    return (await log.getByRole('cell', { name: 'Delivered' }).count()) > 0;
  }, 'the delivery sent again');
  const delivered = receiver.at('/programme').at(-1)!;
  const signature = `sha256=${createHmac('sha256', secret).update(delivered.body).digest('hex')}`;
  expect(delivered.headers['x-lectern-signature']).toBe(signature);
  expect(JSON.parse(delivered.body).session.title).toEqual({ nb: 'Åpning av konferansen' });

  // A new secret, shown once, signs from now on.
  await page.getByRole('button', { name: `New secret for ${url}` }).click();
  await dialog.getByRole('button', { name: 'Make a new secret' }).click();
  const rotated = (await dialog.locator('[data-secret]').textContent())!.trim();
  expect(rotated).not.toBe(secret);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await retitle('Åpning igjen');
  const next = await eventually(async () => {
    const sent = receiver.at('/programme').filter((each) => JSON.parse(each.body).session.title.nb === 'Åpning igjen');
    return sent[0];
  }, 'a delivery signed with the new secret');
  expect(next.headers['x-lectern-signature']).toBe(`sha256=${createHmac('sha256', rotated).update(next.body).digest('hex')}`);
  expectOnlyCommittedOperations(session);
  await session.context.close();
});

it('names the field the server refuses, and creates nothing', async () => {
  const session = await openConsole(browser, lectern);
  const { page } = session;
  await signInWithToken(page, lectern.adminToken);
  await page.goto(`${lectern.url}/console/conferences/${conference.slug}/webhooks`);
  await page.getByRole('button', { name: 'New webhook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Address').fill('ftp://example.org/hook');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const problem = dialog.locator('.field-invalid', { has: page.getByLabel('Address') }).locator('.problem');
  await problem.waitFor();
  expect(await problem.textContent()).toMatch(/http/);
  const { webhooks } = await lectern.ok(`{ webhooks(conferenceSlug: "${conference.slug}") { url } }`, {}, { as: 'organiser' });
  expect(webhooks.map((each: { url: string }) => each.url)).not.toContain('ftp://example.org/hook');
  expectOnlyCommittedOperations(session);
  await session.context.close();
});
