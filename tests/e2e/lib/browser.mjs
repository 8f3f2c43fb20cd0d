// SPDX-License-Identifier: MIT
// Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core, one fresh profile
// per scenario. Collects what the page reports (console errors, CSP violations, page errors) so a
// scenario can assert that the page ran cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from './deps.mjs';

export const CHROMIUM = process.env.PROCTOR_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

export async function openBrowser({ viewport = { width: 1280, height: 860 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'proctor-e2e-chromium-'));
  // launchPersistentContext passes --user-data-dir=<profile>; headless adds --headless.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    acceptDownloads: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  const report = { consoleErrors: [], cspViolations: [], pageErrors: [] };
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') report.consoleErrors.push(msg.text());
      if (/Content Security Policy/i.test(msg.text())) report.cspViolations.push(msg.text());
    });
    page.on('pageerror', (err) => report.pageErrors.push(String(err)));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  const page = context.pages()[0] || await context.newPage();
  return {
    context,
    page,
    report,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
