// SPDX-License-Identifier: MIT
// End-to-end: the certificate an organisation issues. An admin sets the certificate settings (organisation,
// address, legal basis, signatories) and uploads an emblem through the API; a candidate passes in real
// Chromium and downloads the PDF, whose text (pdftotext) carries all of them and the number with its
// verification code; the verify page confirms it, and after an admin revokes it shows it revoked.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { openBrowser } from './lib/browser.mjs';
import { candidate, fillStartPage, shot } from './lib/flow.mjs';
import { ARTIFACTS_DIR, SEEDS, answerKey, startStack } from './lib/stack.mjs';

const run = promisify(execFile);
const { test: SEED, correct: KEY } = answerKey(SEEDS[0]);
// A real 4x4 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGNQcFgARwzEcQCYQxAB1MgmWgAAAABJRU5ErkJggg==', 'base64');
const SETTINGS = {
  organisationName: 'АНО ДПО «Учебный центр Безопасность»',
  addressLine: '620014, г. Екатеринбург, ул. Малышева, д. 5, оф. 12',
  contacts: '+7 343 000-00-00',
  legalBasis: 'Лицензия на образовательную деятельность № Л035-01277-66/00123456 от 15.03.2024',
  signatories: [
    { title: 'Директор', name: 'Соколова Анна Викторовна' },
    { title: 'Председатель комиссии', name: 'Кузнецов Олег Игоревич' },
  ],
};

let stack;
let token;
before(async () => {
  stack = await startStack({ logName: 'collector-certificate.log' });
  await stack.createAdmin('e2e-cert-admin@example.org', 'e2e-cert-admin-password-1', 'admin');
  const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'e2e-cert-admin@example.org', password: 'e2e-cert-admin-password-1' }),
  });
  assert.equal(login.status, 200);
  ({ token } = await login.json());
}, { timeout: 120000 });
after(async () => { await stack?.stop(); });

async function admin(method, path, body, type = 'application/json') {
  const response = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': type } : {}) },
    body: body === undefined ? undefined : (type === 'application/json' ? JSON.stringify(body) : body),
  });
  assert.equal(response.status, 200, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
  return response.json();
}

async function passTest(page) {
  await page.click('#btn-take');
  await page.waitForSelector('#btn-begin:not([disabled])');
  await page.click('#btn-begin');
  await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
  const total = await page.$$eval('.palette-item', (items) => items.length);
  for (let i = 0; i < total; i += 1) {
    await page.click(`.palette-item >> nth=${i}`);
    const id = await page.getAttribute('#q-text', 'data-question-id');
    const key = KEY.get(id);
    const options = await page.$$eval('#q-options input', (inputs) => inputs.map((x) => ({ id: x.value, checked: x.checked })));
    for (const o of options) {
      if (o.checked !== key.includes(o.id)) await page.click(`#q-options .option[data-option-id="${o.id}"]`);
    }
  }
  await page.click('#btn-finish');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-yes');
  await page.waitForSelector('#screen-result:not([hidden])', { timeout: 30000 });
}

test('the certificate PDF prints the organisation set through the API, and a revoked one verifies as revoked', { timeout: 150000 }, async () => {
  await admin('PUT', '/settings/certificate', SETTINGS);
  const emblem = await admin('PUT', '/certificate-settings/emblem', PNG, 'image/png');
  assert.equal(emblem.contentType, 'image/png');

  const b = await openBrowser();
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Сертификатов'));
    await passTest(page);
    assert.ok(await page.isVisible('#btn-certificate'), 'download offered after a pass');
    const href = await page.getAttribute('#certificate-verify', 'href');
    const link = new URL(href);
    const number = link.searchParams.get('number');
    const code = link.searchParams.get('code');
    assert.match(number, /^\d{2}\/\d{2}-\d{4}$/);
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{12}$/);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#btn-certificate')]);
    const pdf = join(ARTIFACTS_DIR, 'certificate-organisation.pdf');
    await download.saveAs(pdf);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    // pdftotext breaks long lines where the PDF does: compare with whitespace folded.
    const text = stdout.replace(/\s+/g, ' ');
    for (const expected of [SETTINGS.organisationName, SETTINGS.addressLine, SETTINGS.legalBasis,
      ...SETTINGS.signatories.flatMap((s) => [s.title, s.name]), number, code]) {
      assert.ok(text.includes(expected), `PDF text has «${expected}»:\n${stdout}`);
    }
    assert.ok(!text.includes(SETTINGS.contacts), 'the contacts are not public');
    assert.ok(!text.includes('Система обучения и тестирования Proctor'), 'the organisation, not the product, issues it');
    // Under the default pass/fail disclosure the result has no score: the certificate prints the grade band.
    assert.ok(!text.includes('undefined'), `no missing value printed:\n${stdout}`);
    assert.ok(text.includes('оценка «отлично»'), `the grade band is printed:\n${stdout}`);
    assert.ok(stdout.replace(/\s+/g, '').includes(`verify.html?number=${encodeURIComponent(number)}&code=${code}`), 'the printed link carries number and code');
    await run('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(ARTIFACTS_DIR, 'certificate-organisation')]);

    // Without the code the number tells nothing; with it the page says valid.
    assert.equal((await fetch(`${stack.baseUrl}/api/v1/certificates/${encodeURIComponent(number)}`)).status, 404);
    await page.goto(href);
    await page.waitForSelector('#verify-result:not([hidden])');
    assert.equal(await page.getAttribute('#verify-result', 'data-status'), 'valid');

    const revoked = await admin('POST', `/certificates/${encodeURIComponent(number)}/revoke`, { reason: 'Нарушение правил тестирования' });
    await page.goto(href);
    await page.waitForSelector('#verify-result:not([hidden])');
    assert.equal(await page.getAttribute('#verify-result', 'data-status'), 'revoked');
    assert.equal(await page.getAttribute('#verify-result', 'data-valid'), 'false');
    const status = await page.textContent('#v-revoked');
    assert.ok(status.startsWith('Отозвано'), status);
    assert.ok(/\d{4}/.test(status) && status.includes(String(new Date(revoked.revokedOn).getUTCFullYear())), status);
    await shot(page, 'verify-revoked');

    // The two-field form: a wrong code reads as unknown.
    await page.goto(`${stack.baseUrl}/verify.html`);
    await page.fill('#number', number);
    await page.fill('#code', 'WRONGC0DE123');
    await page.click('#verify-form button[type=submit]');
    await page.waitForSelector('#verify-result[data-status="unknown"]');
  } finally {
    await b.close();
  }
});
