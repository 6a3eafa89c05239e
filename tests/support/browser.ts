import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { Browser, chromium, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * @sparticuz/chromium's defaults (made for serverless functions) that a browser test must not
 * have: they turn off the same-origin policy (CORS would pass untested) and allow mixed content,
 * and with `--single-process` the browser goes down with the first page a test closes.
 */
const LEFT_OUT = ['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process'];

/**
 * Keeps Chromium off the network: without these it calls Google's hosts at every start, and this
 * project's machines have no network beyond loopback.
 */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/**
 * A headless Chromium that comes with `npm install`: the one inside the @sparticuz/chromium
 * package (unpacked to the temporary folder on first use), never one downloaded at install or
 * run time. Debian's /usr/bin/chromium is the fallback where that build cannot run.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    const executablePath = await sparticuz.executablePath();
    const args = sparticuz.args.filter((flag) => !LEFT_OUT.includes(flag) && !flag.startsWith('--disable-features='));
    return await chromium.launch({ executablePath, args: [...args, ...QUIET], headless: true });
  } catch (error) {
    if (!existsSync('/usr/bin/chromium')) throw error;
    return chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', ...QUIET],
    });
  }
}

/** axe-core run in the page (its source evaluated: the page's CSP rightly refuses a script tag), WCAG 2.0/2.1 A and AA. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })`)) as {
    violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
  };
  return result.violations.map(
    ({ id, help, nodes }) =>
      `${id} (${help}): ${nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('; ')}`,
  );
}
