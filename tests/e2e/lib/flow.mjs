// SPDX-License-Identifier: MIT
// Helpers the scenario files share: polling with a deadline, screenshots, the checks every
// scenario ends with.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from './stack.mjs';

// The one CSP report allowed: html2canvas 1.4.1 injects a fixed <style> hiding ::before/::after in
// its cloned document (certificate rendering only); blocked, it changes nothing for our sheet.
export const HTML2CANVAS_STYLE_HASH = 'sha256-UP0QZg7irvSMvOBz9mH2PIIE28+57UiavRfeVea0l3g=';

export async function eventually(probe, { timeout = 15000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const shot = (page, name, options = {}) => page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), ...options });

// The start page filled in for `testId`, consent given; the caller picks Study or Take the test.
export async function fillStartPage(page, baseUrl, testId, who) {
  await page.goto(`${baseUrl}/`);
  await page.check(`input[name="testId"][value="${testId}"]`);
  await page.fill('#last-name', who.lastName);
  await page.fill('#first-name', who.firstName);
  if (who.middleName) await page.fill('#middle-name', who.middleName);
  // The position is chosen from the administrator's list (GET /positions); one not listed goes in
  // "another position" when the deployment allows it.
  if (await page.$eval('#position', (el) => el.tagName !== 'SELECT')) {
    await page.fill('#position', who.position); // a page without the positions list
    await page.check('#consent');
    return;
  }
  await page.waitForSelector('#position option:nth-child(2)', { state: 'attached' });
  const listed = await page.$$eval('#position option', (options, p) => options.some((o) => o.value === p), who.position);
  if (listed) {
    await page.selectOption('#position', who.position);
  } else {
    await page.selectOption('#position', '__other__');
    await page.fill('#position-other', who.position);
  }
  await page.check('#consent');
}

// The window loses focus for ~120 ms, then the page is hidden for ~120 ms (as a switch to another
// window, then to another tab, would do): focus_loss/focus_gain and visibility_hidden/visible.
export async function leaveAndComeBack(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await page.waitForTimeout(120);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(120);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

// Study from the start page: the test's information page first, then on to the study material.
export async function openStudy(page) {
  await page.click('#btn-study');
  await page.waitForURL(/(info|study)\.html/);
  if (/info\.html/.test(page.url())) {
    await page.waitForSelector('#info:not([hidden])');
    await page.click('#to-study');
  }
  await page.waitForSelector('#study:not([hidden]) .module');
}

export const candidate = (lastName) => ({ lastName, firstName: 'Иван', middleName: 'Петрович', position: 'Ведущий специалист 1 разряда' });

export function assertSeqContiguous(rows) {
  assert.deepEqual(rows.map((r) => r.seq), rows.map((_, i) => i), 'seq is contiguous from 0');
}

export function assertCleanRun(rec, report) {
  assert.deepEqual(rec.errors, [], 'every request body matches shared/contract');
  assert.ok(rec.validated > 0, 'requests were validated');
  assert.deepEqual(report.pageErrors, [], 'no uncaught page errors');
  const csp = report.cspViolations.filter((v) => !v.includes(HTML2CANVAS_STYLE_HASH));
  assert.deepEqual(csp, [], 'no CSP violations');
  console.log(`# ${rec.validated} request bodies valid; CSP reports: ${report.cspViolations.length} (html2canvas <style> only)`);
}
