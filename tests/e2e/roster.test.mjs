// SPDX-License-Identifier: MIT
// End-to-end: a roster test in real Chromium. An admin imports the people (CSV through the admin API) and
// gets their personal codes; the start page asks for a code instead of a name, refuses a wrong one with a
// message right under the code field, on screen at 1280x800 (no session opened), and a right code opens the
// test as the roster's person.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openBrowser } from './lib/browser.mjs';
import { shot } from './lib/flow.mjs';
import { ARTIFACTS_DIR, SEEDS, psql, startStack } from './lib/stack.mjs';

const ROSTER_TEST = 'e2e-roster';
const rosterDefinition = join(ARTIFACTS_DIR, `${ROSTER_TEST}.json`);

let stack;
let token;
before(async () => {
  const seed = JSON.parse(readFileSync(SEEDS[0], 'utf8'));
  seed.id = ROSTER_TEST;
  seed.title = 'Охрана труда (по списку)';
  seed.access = 'roster';
  stack = await startStack({ logName: 'collector-roster.log', extraTests: [writeDefinition(seed)] });
  await stack.createAdmin('e2e-roster-admin@example.org', 'e2e-roster-admin-password-1', 'admin');
  const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'e2e-roster-admin@example.org', password: 'e2e-roster-admin-password-1' }),
  });
  assert.equal(login.status, 200);
  ({ token } = await login.json());
}, { timeout: 120000 });
after(async () => { await stack?.stop(); });

function writeDefinition(definition) {
  writeFileSync(rosterDefinition, JSON.stringify(definition));
  return rosterDefinition;
}

async function importRoster(csv) {
  const response = await fetch(`${stack.baseUrl}/api/v1/tests/${ROSTER_TEST}/roster`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

const sessionsOfTest = async () => Number(await psql(stack.dbUrl, `SELECT count(*) FROM sessions WHERE test_id = '${ROSTER_TEST}'`));

test('a roster test starts only with a valid personal code, as the roster person', { timeout: 120000 }, async () => {
  const imported = await importRoster('Фамилия;Имя;Отчество;Должность;E-mail\nСписочная;Мария;Ивановна;Инженер;maria@example.org\n');
  assert.equal(imported.created, 1);
  const code = imported.codes[0].code;
  assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  const b = await openBrowser({ viewport: { width: 1280, height: 800 } });
  const { page } = b;
  try {
    await page.goto(`${stack.baseUrl}/`);
    await page.check(`input[name="testId"][value="${ROSTER_TEST}"]`);
    // The roster test asks for the code, not for a name.
    assert.equal(await page.isVisible('#access-code'), true);
    assert.equal(await page.isVisible('#last-name'), false);
    await shot(page, 'roster-start-ru');

    // A wrong code (right shape): refused, said on the code field, no session opened.
    await page.fill('#access-code', code.startsWith('Z') ? 'Y' + code.slice(1) : 'Z' + code.slice(1));
    await page.check('#consent');
    await page.click('#btn-take');
    await page.waitForSelector('#btn-begin:not([disabled])', { timeout: 20000 });
    await page.click('#btn-begin');
    // The server's 403 invalid_access_code sends the candidate back to the start page, to the code field:
    // the message sits right under the field, describes it, and is on screen with it at 1280x800.
    await page.waitForSelector('#access-code[aria-invalid="true"]', { timeout: 20000 });
    const describedBy = await page.getAttribute('#access-code', 'aria-describedby');
    assert.ok(describedBy, 'the code field is described by its message');
    const message = await page.textContent(`#${describedBy}`);
    assert.match(message, /код/i, `message: ${message}`);
    assert.equal(await page.isVisible(`#${describedBy}`), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'access-code');
    const [field, shown] = await Promise.all([page.locator('#access-code').boundingBox(),
      page.locator(`#${describedBy}`).boundingBox()]);
    for (const [what, box] of [['field', field], ['message', shown]]) {
      assert.ok(box.y >= 0 && box.y + box.height <= 800 && box.x >= 0 && box.x + box.width <= 1280,
        `the ${what} is inside the 1280x800 viewport: ${JSON.stringify(box)}`);
    }
    // Right under the field: below it, with nothing else between them.
    assert.ok(shown.y >= field.y + field.height && shown.y - (field.y + field.height) < 48,
      `message under the field: field ${JSON.stringify(field)}, message ${JSON.stringify(shown)}`);
    assert.equal(await sessionsOfTest(), 0);
    await shot(page, 'roster-code-refused-ru');

    // The right code opens the test as the roster's person.
    await page.check(`input[name="testId"][value="${ROSTER_TEST}"]`);
    await page.fill('#access-code', code.toLowerCase());
    if (!(await page.isChecked('#consent'))) await page.check('#consent');
    await page.click('#btn-take');
    await page.waitForSelector('#btn-begin:not([disabled])', { timeout: 20000 });
    await page.click('#btn-begin');
    await page.waitForSelector('#screen-question:not([hidden]) #q-options .option', { timeout: 20000 });
    const who = await psql(stack.dbUrl, `SELECT c.last_name || ' ' || c.first_name || ' ' || c.middle_name || ' / ' || c.position
      FROM sessions s JOIN candidates c ON c.id = s.candidate_id WHERE s.test_id = '${ROSTER_TEST}'`);
    assert.equal(who.trim(), 'Списочная Мария Ивановна / Инженер');
    await shot(page, 'roster-test-started-ru');
  } finally {
    await b.close();
  }
});
