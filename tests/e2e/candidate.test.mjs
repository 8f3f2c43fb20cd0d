// SPDX-License-Identifier: MIT
// Issue 16 in real Chromium against the real collector: retry after a failed server action with a
// translated message, leftovers of a tab closed offline delivered from the start page, time away
// across a reload and a tab close, full screen asked back after a reload, a keyboard-only run of a
// whole test, accessible names and states (axe-core: no serious or critical violation), mark for
// review, multi-answer self-checks, the watermark, the printable result, the 390x844 layout, and
// screenshots of every page in Russian and English at 1280x800 and 390x844 (and the layout checked at
// 360x740 and 1920x1080).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openBrowser } from './lib/browser.mjs';
import { recordApi } from './lib/contract.mjs';
import { WEB_CLIENT_DIR } from './lib/deps.mjs';
import { assertCleanRun, assertSeqContiguous, candidate, eventually, fillStartPage, openStudy, shot } from './lib/flow.mjs';
import { SEEDS, answerKey, psqlJson, startStack } from './lib/stack.mjs';

const { test: SEED, correct: KEY } = answerKey(SEEDS[0]);
const AXE = readFileSync(createRequire(join(WEB_CLIENT_DIR, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

// A short timed variant: the 5-minute announcement comes 2 s after the start.
const ANNOUNCED = { ...JSON.parse(readFileSync(SEEDS[0], 'utf8')), id: 'infosec-announce', title: 'Объявление времени', questionsPerAttempt: 3, timeLimitSeconds: 302 };
delete ANNOUNCED.study;
// And the last minute: 64 s, so the 1-minute announcement comes 4 s after the start (none at 5 minutes).
const LAST_MINUTE = { ...ANNOUNCED, id: 'infosec-last-minute', title: 'Последняя минута', timeLimitSeconds: 64 };

let stack;
let tmp;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'proctor-e2e-candidate-'));
  const files = [ANNOUNCED, LAST_MINUTE].map((def) => {
    const file = join(tmp, `${def.id}.json`);
    writeFileSync(file, JSON.stringify(def, null, 2));
    return file;
  });
  stack = await startStack({ extraTests: files, logName: 'collector-candidate.log' });
}, { timeout: 120000 });
after(async () => {
  await stack?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ---------- helpers ----------

const storedEvents = (sessionId) => psqlJson(stack.dbUrl,
  `select event_id::text as "eventId", seq, type, details from events where session_id = '${sessionId}' order by seq`);
const activeTest = (page, testId = SEED.id) => page.evaluate((id) => sessionStorage.getItem(`proctor.active.test.${id}`), testId);

async function toIntro(page, who, testId = SEED.id) {
  await fillStartPage(page, stack.baseUrl, testId, who);
  await page.click('#btn-take');
  await page.waitForSelector('#btn-begin:not([disabled])');
}

async function beginTest(page, testId = SEED.id) {
  await page.click('#btn-begin');
  await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
  return activeTest(page, testId);
}

// Every event still waiting in this browser's outbox (IndexedDB `proctor`, store `events`).
const outboxRows = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('proctor');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction('events').objectStore('events').getAll();
    request.onsuccess = () => resolve(request.result.map((e) => ({ eventId: e.eventId, sessionId: e.sessionId, type: e.type })));
    request.onerror = () => reject(request.error);
  };
}));

async function setHidden(page, hidden) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

async function axeCheck(page, where) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `axe: no serious or critical violation on ${where}`);
  return violations.length;
}

async function noHorizontalScroll(page, where) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${where}: no horizontal scroll (${scroll} > ${client})`);
}

async function inViewport(page, selector, where) {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  assert.ok(box, `${where}: ${selector} is shown`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5,
    `${where}: ${selector} is inside the ${size.width}x${size.height} viewport (${JSON.stringify(box)})`);
}

// ---------- 1. retry and resume ----------

test('a failed start can be retried; every error code reads in the page language; titles say where', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await toIntro(page, candidate('Орлов'));
    assert.match(await page.title(), new RegExp(`^Начало теста: ${SEED.title} — Proctor$`));
    let failures = 0;
    await page.route('**/api/v1/sessions', async (route) => {
      if (failures === 0) {
        failures += 1;
        await route.abort('failed');
      } else {
        await route.continue();
      }
    });
    await page.click('#btn-begin');
    await page.waitForSelector('#error:not([hidden]) button.retry');
    const message = await page.textContent('#error');
    assert.ok(message.startsWith('Не удалось начать тест.'), `names what failed: ${message}`);
    assert.match(message, /Проверьте подключение к сети и нажмите «Повторить»/, 'says what to do');
    assert.doesNotMatch(message, /Failed to fetch|network error|TypeError/i, 'no raw browser message');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('retry')), true, 'the retry button has the focus');
    assert.equal(await page.isEnabled('#btn-begin'), true, 'the start button works again');
    await page.click('[data-locale="en"]');
    assert.match(await page.textContent('#error'), /^Could not start the test\. The server cannot be reached/);
    await page.click('[data-locale="ru"]');
    await shot(page, 'candidate-retry');
    await page.click('#error button.retry');
    await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
    assert.equal(failures, 1);
    assert.match(await page.title(), new RegExp(`^Вопрос 1 из ${SEED.questionsPerAttempt}: ${SEED.title} — Proctor$`));
    await page.click('#btn-next');
    assert.match(await page.title(), /^Вопрос 2 из/);

    // Every code of docs/api.md (and the attempt policy's) has its own sentence in both languages.
    const codes = [...readFileSync(join(WEB_CLIENT_DIR, '..', 'docs', 'api.md'), 'utf8').matchAll(/^\| \d{3} \| (.+?) \|/gm)]
      .flatMap((m) => [...m[1].matchAll(/`([a-z_]+)`/g)].map((x) => x[1]));
    codes.push('attempts_exhausted', 'attempt_cooldown', 'method_not_allowed', 'headers_too_large', 'request_timeout', 'internal');
    assert.ok(codes.length >= 20, `codes from docs/api.md: ${codes.join(', ')}`);
    const unmapped = await page.evaluate(async (list) => {
      const { explain } = await import('/js/errors.js');
      const { ApiError } = await import('/js/api.js');
      const { setLocale } = await import('/js/i18n.js');
      const out = [];
      for (const lang of ['ru', 'en']) {
        setLocale(lang);
        for (const code of list) {
          const text = explain(new ApiError(400, code, 'raw server text', '/x', 3));
          // Not the raw server text, not the code itself, not the fallback for unknown codes.
          if (text.includes('raw server text') || text.includes(code.includes('_') ? code : `"${code}"`) || /\(code|\(код/.test(text)) out.push(`${lang}:${code}`);
        }
      }
      setLocale('ru');
      return out;
    }, codes);
    assert.deepEqual(unmapped, [], 'every server error code has a translated message');

    // The verify page: a server error in Russian with a retry, in English after the switch.
    let verifyFailures = 0;
    await page.route('**/api/v1/certificates/**', async (route) => {
      if (verifyFailures++ === 0) {
        await route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Retry-After': '2' }, body: JSON.stringify({ error: { code: 'unavailable', message: 'database is down' } }) });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${stack.baseUrl}/verify.html?number=26/01-0001&code=AAAA`);
    await page.waitForSelector('#error:not([hidden]) button.retry');
    assert.equal(await page.title(), 'Проверка заключения — Proctor');
    const verifyText = await page.textContent('#error');
    assert.match(verifyText, /^Не удалось проверить заключение\. Сервер временно недоступен/);
    assert.doesNotMatch(verifyText, /database is down/);
    await page.click('[data-locale="en"]');
    assert.match(await page.textContent('#error'), /^Could not verify the certificate\. The server is temporarily unavailable/);
    assert.equal(await page.title(), 'Certificate verification — Proctor');
    await page.click('#error button.retry');
    await page.waitForSelector('#verify-result:not([hidden])');
    assert.equal(await page.getAttribute('#verify-result', 'data-status'), 'unknown');
    await page.click('[data-locale="ru"]');
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('a tab closed offline: the start page opened later delivers every queued event exactly once', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { context } = b;
    let page = b.page;
    await toIntro(page, candidate('Белов'));
    const sessionId = await beginTest(page);
    await eventually(async () => (await storedEvents(sessionId)).some((e) => e.type === 'test_started'), { message: 'test_started stored' });

    await context.setOffline(true);
    await page.click('#q-options .option >> nth=1');
    await page.keyboard.down('PrintScreen');
    await page.keyboard.up('PrintScreen');
    await setHidden(page, true);
    await setHidden(page, false);
    const queued = await eventually(async () => {
      const rows = (await outboxRows(page)).filter((r) => r.sessionId === sessionId);
      return rows.some((r) => r.type === 'visibility_visible') ? rows : null;
    }, { message: 'events queued offline' });
    assert.ok(queued.some((r) => r.type === 'screenshot_attempt') && queued.some((r) => r.type === 'network_offline'), JSON.stringify(queued));
    await page.close({ runBeforeUnload: false });

    // Later, online again, the candidate opens the start page only.
    await context.setOffline(false);
    page = await context.newPage();
    await page.goto(`${stack.baseUrl}/index.html`);
    const rows = await eventually(async () => {
      const stored = await storedEvents(sessionId);
      return queued.every((q) => stored.some((s) => s.eventId === q.eventId)) && stored.some((s) => s.type === 'network_online') ? stored : null;
    }, { timeout: 20000, message: 'the queued events stored from the start page' });
    const [{ n, distinct }] = await psqlJson(stack.dbUrl, `select count(*)::int as n, count(distinct event_id)::int as distinct from events where session_id = '${sessionId}'`);
    assert.equal(n, distinct, 'stored exactly once');
    assertSeqContiguous(rows);
    const online = rows.filter((r) => r.type === 'network_online');
    assert.equal(online.length, 1, 'the offline period is closed once');
    assert.ok(online[0].details.durationMs > 0);
    assert.ok(rows.findIndex((r) => r.type === 'network_offline') < rows.findIndex((r) => r.type === 'network_online'));
    assert.deepEqual((await eventually(async () => {
      const left = (await outboxRows(page)).filter((r) => r.sessionId === sessionId);
      return left.length === 0 ? left : null;
    }, { message: 'outbox emptied' })), []);
    console.log(`# tab closed offline: ${queued.length} queued events stored once from the start page`);
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('time away across a reload and a tab close is measured; full screen is asked back after a reload', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { context } = b;
    let page = b.page;
    const who = candidate('Зайцев');
    await toIntro(page, who);
    const sessionId = await beginTest(page);
    await setHidden(page, true);
    await page.waitForTimeout(700);
    await page.reload();
    await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
    assert.ok(await page.isVisible('#fullscreen-ask'), 'the page asks to return to full screen');
    await shot(page, 'candidate-fullscreen-ask');
    await page.click('#fs-no');
    assert.ok(await page.isVisible('#fullscreen-notice'));
    let rows = await eventually(async () => {
      const r = await storedEvents(sessionId);
      return r.some((e) => e.type === 'visibility_visible') && r.some((e) => e.type === 'fullscreen_exit') ? r : null;
    }, { message: 'visibility_visible and fullscreen_exit after the reload' });
    const back = rows.find((e) => e.type === 'visibility_visible');
    assert.ok(back.details.durationMs >= 700, `away across the reload: ${back.details.durationMs} ms`);
    assert.deepEqual(rows.find((e) => e.type === 'fullscreen_exit').details, { reason: 'reload' });

    // The window loses focus and the page is hidden, then the tab is closed; a new tab resumes the same
    // attempt and closes both periods with the time since the stored blur/hidden marks: between what
    // the test measured from its side (the marks were set inside [awayFrom, awaySince], the new page
    // read them inside [backFrom, backBy]), so neither from the new page's load nor from an older mark.
    await eventually(async () => (await outboxRows(page)).every((r) => r.sessionId !== sessionId), { message: 'everything so far sent' });
    const before = (await storedEvents(sessionId)).length;
    const awayFrom = Date.now();
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await setHidden(page, true);
    const awaySince = Date.now();
    // Both got out while the page was away (closing the tab at once could lose them before they reach
    // IndexedDB; the marks in localStorage cannot be lost).
    await eventually(async () => {
      const types = (await storedEvents(sessionId)).slice(before).map((e) => e.type);
      return types.includes('focus_loss') && types.includes('visibility_hidden');
    }, { message: 'focus_loss and visibility_hidden before the close' });
    await page.close({ runBeforeUnload: false });
    await new Promise((r) => setTimeout(r, 1200));
    page = await context.newPage();
    await toIntro(page, who);
    const backFrom = Date.now();
    assert.equal(await beginTest(page), sessionId, 'the same attempt is resumed');
    const backBy = Date.now();
    let seen = [];
    rows = await eventually(async () => {
      const r = await storedEvents(sessionId);
      seen = r.slice(before).map((e) => e.type);
      return seen.includes('focus_gain') && seen.includes('visibility_visible') ? r : null;
    }, { message: 'focus_gain and visibility_visible after the tab came back' }).catch(async (err) => {
      const outbox = (await outboxRows(page)).filter((r) => r.sessionId === sessionId).map((r) => r.type);
      throw new Error(`${err.message}: stored since the close ${JSON.stringify(seen)}, waiting in the outbox ${JSON.stringify(outbox)}, hasFocus ${await page.evaluate(() => document.hasFocus())}`);
    });
    const away = { min: backFrom - awaySince, max: backBy - awayFrom };
    assert.ok(away.min >= 1200, JSON.stringify(away));
    for (const type of ['focus_gain', 'visibility_visible']) {
      const closing = rows.slice(before).filter((e) => e.type === type);
      assert.equal(closing.length, 1, `one ${type} closes the period across the tab close`);
      const { durationMs } = closing[0].details;
      assert.ok(durationMs >= away.min && durationMs <= away.max + 2,
        `${type}: away across the tab close ${durationMs} ms, really ${away.min}..${away.max} ms`);
    }
    console.log(`# tab closed while away: ${rows.slice(before).filter((e) => e.type === 'visibility_visible')[0].details.durationMs} ms stored, really ${away.min}..${away.max} ms`);
    assertSeqContiguous(rows);
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

// ---------- 2. keyboard and screen readers ----------

test('a keyboard-only run of a whole test: right answers, focus kept, no focus loss, axe clean', { timeout: 180000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForSelector(`input[name="testId"][value="${SEED.id}"]`);
    await page.check(`input[name="testId"][value="${SEED.id}"]`);
    await axeCheck(page, 'start (ru)');
    // An empty form: the message names the field and the field takes the focus.
    await page.click('#btn-take');
    assert.match(await page.textContent('#form-error'), /Фамилия/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'last-name');
    assert.equal(await page.getAttribute('#last-name', 'aria-invalid'), 'true');
    await page.keyboard.type('Клавишин');
    await page.click('#btn-take');
    assert.match(await page.textContent('#form-error'), /Имя/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'first-name');
    await shot(page, 'candidate-form-error');
    await page.keyboard.type('Иван');
    await page.selectOption('#position', 'Главный консультант');
    await page.check('#consent');
    await page.click('#btn-take');
    await page.waitForSelector('#btn-begin:not([disabled])');
    await axeCheck(page, 'test intro');

    let presses = 0;
    const press = async (key) => { presses += 1; await page.keyboard.press(key); };
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      return { id: a?.id || '', type: a?.type || '', value: a?.value || '', inOptions: !!a?.closest('#q-options'), tag: a?.tagName };
    });
    const tabTo = async (id) => {
      for (let i = 0; i < 12; i += 1) {
        if ((await focused()).id === id) return;
        await press('Tab');
      }
      assert.fail(`Tab never reached #${id}`);
    };
    await tabTo('btn-begin');
    await press('Enter');
    await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
    const sessionId = await activeTest(page);
    await axeCheck(page, 'test question');
    const total = await page.$$eval('.palette-item', (items) => items.length);
    let perQuestion = [];
    for (let i = 0; i < total; i += 1) {
      const before = presses;
      const id = await page.getAttribute('#q-text', 'data-question-id');
      const key = KEY.get(id);
      const inputs = await page.$$eval('#q-options input', (all) => all.map((x) => ({ value: x.value, type: x.type })));
      assert.ok((await focused()).inOptions, `question ${i + 1}: the answers have the focus`);
      if (inputs[0].type === 'radio') {
        const target = inputs.findIndex((x) => x.value === key[0]);
        if (target === 0) await press('Space');
        for (let k = 0; k < target; k += 1) await press('ArrowDown');
        const f = await focused();
        assert.ok(f.inOptions && f.value === key[0], `question ${i + 1}: arrows select and keep the focus (${JSON.stringify(f)})`);
      } else {
        for (let k = 0; k < inputs.length; k += 1) {
          if (k > 0) await press('Tab');
          if (key.includes(inputs[k].value)) await press('Space');
          assert.ok((await focused()).inOptions, `question ${i + 1}: focus stays on the checkbox`);
        }
      }
      if (i === 1) {
        // Mark for review with the keyboard: the button sits just before the answers.
        for (let k = 0; k < 6 && (await focused()).id !== 'btn-mark'; k += 1) await press('Shift+Tab');
        assert.equal((await focused()).id, 'btn-mark');
        await press('Space');
        assert.equal(await page.getAttribute('#btn-mark', 'aria-pressed'), 'true');
        assert.match(await page.getAttribute('.palette-item >> nth=1', 'aria-label'), /отвечен, отмечен для проверки/);
        await press('Tab');
        assert.ok((await focused()).inOptions, 'Tab goes back to the answers');
      }
      const checked = await page.$$eval('#q-options input:checked', (all) => all.map((x) => x.value).sort());
      assert.deepEqual(checked, key, `question ${i + 1} answered right`);
      if (i < total - 1) {
        await tabTo('btn-next');
        await press('Enter');
      }
      perQuestion.push(presses - before);
    }
    assert.equal(await page.getAttribute('#progress-track', 'role'), 'progressbar');
    assert.equal(await page.getAttribute('#progress-track', 'aria-valuenow'), String(total));
    assert.match(await page.getAttribute('.palette-item >> nth=0', 'aria-label'), /^Вопрос 1: отвечен$/);
    // Tabbing round the whole page stays in the page (no trip through the browser's toolbar).
    for (let k = 0; k < total + 25; k += 1) await press('Tab');
    await tabTo('btn-finish');
    await press('Enter');
    await page.waitForSelector('#confirm-dialog[open]');
    assert.match(await page.textContent('#confirm-text'), /Отмечены для проверки: 2\./);
    await axeCheck(page, 'finish confirmation');
    await shot(page, 'candidate-confirm');
    await tabTo('confirm-yes');
    await press('Enter');
    await page.waitForSelector('#screen-result:not([hidden])', { timeout: 30000 });
    assert.match(await page.title(), /^Результат: /);
    await axeCheck(page, 'result');
    const [row] = await psqlJson(stack.dbUrl, `select score, passed from sessions where id = '${sessionId}'`);
    assert.equal(Number(row.score), 100, 'the keyboard-only run scored 100 %');
    const events = await eventually(async () => {
      const r = await storedEvents(sessionId);
      return r.some((e) => e.type === 'test_finished') ? r : null;
    }, { message: 'test_finished stored' });
    assert.deepEqual(events.filter((e) => e.type === 'focus_loss'), [], 'a keyboard-only run records no focus loss');
    console.log(`# keyboard-only run: ${presses} key presses for ${total} questions (per question ${Math.min(...perQuestion)}..${Math.max(...perQuestion)})`);

    // The printed result: the notice is gone, the result sheet with who and when is printed.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#print-block'), false, 'no print blocking after the attempt');
    assert.ok(await page.isVisible('#result-verdict'));
    assert.match(await page.textContent('#print-details'), /Клавишин Иван/);
    await shot(page, 'candidate-result-print', { fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('the timer is announced at 5 minutes left; the watermark names the candidate and lets clicks through', { timeout: 60000 }, async () => {
  const b = await openBrowser();
  try {
    const { page } = b;
    await toIntro(page, candidate('Часов'), ANNOUNCED.id);
    const sessionId = await beginTest(page, ANNOUNCED.id);
    await page.waitForFunction(() => document.getElementById('timer-announce').textContent.length > 0, null, { timeout: 10000 });
    assert.equal(await page.textContent('#timer-announce'), 'Осталось 5 мин.');
    assert.equal(await page.getAttribute('#timer-announce', 'aria-live'), 'assertive');
    assert.ok(await page.isVisible('#watermark'));
    const wm = await page.getAttribute('#watermark', 'data-text');
    assert.ok(wm.includes('Часов Иван Петрович') && wm.includes(sessionId.slice(0, 8)), wm);
    // What is drawn on screen (CSS generated content of each tile) is that text, and none of it is
    // page text a copy or a contrast check would pick up.
    const drawn = await page.$eval('.watermark-tile', (t) => getComputedStyle(t, '::before').content);
    assert.equal(drawn, JSON.stringify(wm), 'each tile draws the watermark text');
    assert.equal(await page.$eval('#watermark', (w) => w.textContent), '', 'the watermark adds no page text');
    assert.equal(await page.$eval('#watermark', (w) => getComputedStyle(w).pointerEvents), 'none');
    await page.click('#q-options .option >> nth=0');
    assert.equal(await page.$$eval('#q-options input:checked', (x) => x.length), 1, 'a click through the watermark answers');
  } finally {
    await b.close();
  }
});

test('the timer is announced at 1 minute left, in Russian and in English', { timeout: 60000 }, async () => {
  const expected = {
    ru: { announce: 'Осталось 1 мин.', timer: /^Осталось (1:00|0:[0-5]\d)$/ },
    en: { announce: '1 min left.', timer: /^(1:00|0:[0-5]\d) left$/ },
  };
  for (const lang of ['ru', 'en']) {
    const b = await openBrowser();
    try {
      const { page } = b;
      await page.goto(`${stack.baseUrl}/`);
      await page.evaluate((l) => localStorage.setItem('proctor.locale', l), lang);
      await toIntro(page, candidate(lang === 'ru' ? 'Минутин' : 'Минутина'), LAST_MINUTE.id);
      await beginTest(page, LAST_MINUTE.id);
      const region = await page.$eval('#timer-announce', (r) => ({ live: r.getAttribute('aria-live'), role: r.getAttribute('role'), text: r.textContent }));
      assert.deepEqual(region, { live: 'assertive', role: 'status', text: '' }, `${lang}: a live region, silent with more than a minute left`);
      // Every write to the region is something a screen reader may say again: count them.
      await page.evaluate(() => {
        window.announcements = 0;
        new MutationObserver((m) => { window.announcements += m.length; })
          .observe(document.getElementById('timer-announce'), { childList: true, characterData: true, subtree: true });
      });
      await page.waitForFunction(() => document.getElementById('timer-announce').textContent.length > 0, null, { timeout: 15000 });
      // Read in one go: what was announced and what the timer showed at that moment.
      const heard = await page.evaluate(() => ({ announce: document.getElementById('timer-announce').textContent, timer: document.getElementById('timer').textContent }));
      assert.equal(heard.announce, expected[lang].announce, `${lang}: the 1-minute announcement`);
      assert.match(heard.timer, expected[lang].timer, `${lang}: announced when a minute is left`);
      await page.waitForTimeout(1500);
      assert.equal(await page.textContent('#timer-announce'), expected[lang].announce);
      assert.equal(await page.evaluate(() => window.announcements), 1, `${lang}: announced once, not at every tick`);
    } finally {
      await b.close();
    }
  }
});

// ---------- 3. study self-checks with several answers ----------

test('a self-check with two right answers is answered by choosing both, then Check', { timeout: 60000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Учебнов'));
    await openStudy(page);
    const sessionId = await page.evaluate((id) => sessionStorage.getItem(`proctor.active.study.${id}`), SEED.id);
    assert.match(await page.title(), new RegExp(`^Учебный материал: ${SEED.title} — Proctor$`));
    assert.ok(await page.isVisible('#watermark'), 'the study page has the watermark');
    await axeCheck(page, 'study');
    const multi = page.locator('.self-check[data-question-id="m2-q3"]');
    await multi.scrollIntoViewIfNeeded();
    assert.equal(await multi.getAttribute('data-multiple'), 'true');
    await multi.locator('.option[data-option-id="a"] input').check();
    await multi.locator('.option[data-option-id="c"] input').check();
    await multi.locator('button.check').click();
    assert.equal((await multi.locator('.feedback').textContent()).trim(), 'Верно.');
    await shot(page, 'candidate-study-multi');
    const rows = await eventually(async () => {
      const r = await storedEvents(sessionId);
      return r.some((e) => e.type === 'self_check_answered') ? r : null;
    }, { message: 'self_check_answered stored' });
    assert.deepEqual(rows.find((e) => e.type === 'self_check_answered').details, { moduleId: 'm2', questionId: 'm2-q3', correct: true });
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

// ---------- 3. layout and screenshots of every page ----------

test('every page in Russian and English from 360 to 1920 px wide: no horizontal scroll, title, timer and navigation in view', { timeout: 480000 }, async () => {
  const names = ['Экранов', 'Экранова', 'Экрановский', 'Экранович', 'Узкий', 'Узкая', 'Широкий', 'Широкая'];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }, { width: 360, height: 740 }, { width: 1920, height: 1080 }]) {
    for (const lang of ['ru', 'en']) {
      const b = await openBrowser({ viewport });
      try {
        const { page } = b;
        const tag = `${lang}-${viewport.width}x${viewport.height}`;
        await page.goto(`${stack.baseUrl}/`);
        await page.evaluate((l) => localStorage.setItem('proctor.locale', l), lang);
        await fillStartPage(page, stack.baseUrl, SEED.id, candidate(names.shift()));
        await noHorizontalScroll(page, `start ${tag}`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, `page-start-${tag}`, { fullPage: true });
        if (viewport.width === 390 && lang === 'en') await axeCheck(page, `start ${tag}`);

        await page.click('#btn-study');
        await page.waitForSelector('#info:not([hidden]) .info-fact img');
        await noHorizontalScroll(page, `info ${tag}`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, `page-info-${tag}`, { fullPage: true });
        if (viewport.width === 390 && lang === 'en') await axeCheck(page, `info ${tag}`);
        await page.click('#to-study');
        await page.waitForSelector('#study:not([hidden]) .module');
        await noHorizontalScroll(page, `study ${tag}`);
        await shot(page, `page-study-${tag}`);

        await page.goto(`${stack.baseUrl}/test.html?test=${SEED.id}`);
        await page.waitForSelector('#btn-begin:not([disabled])');
        await noHorizontalScroll(page, `intro ${tag}`);
        await shot(page, `page-intro-${tag}`);
        await page.click('#btn-begin');
        await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
        if (await page.evaluate(() => !!document.fullscreenElement)) await page.evaluate(() => document.exitFullscreen());
        await page.waitForTimeout(200);
        await page.evaluate(() => window.scrollTo(0, 0));
        await noHorizontalScroll(page, `question ${tag}`);
        for (const selector of ['#test-title', '#timer', '#btn-next', '#btn-finish']) await inViewport(page, selector, `question ${tag}`);
        const title = await page.$eval('#test-title', (t) => ({ scroll: t.scrollWidth, client: t.clientWidth, text: t.textContent }));
        assert.ok(title.scroll <= title.client + 1, `the test title is not cut (${JSON.stringify(title)})`);
        await page.click('#q-options .option >> nth=0');
        await page.click('#btn-mark');
        await shot(page, `page-question-${tag}`);
        if (viewport.width === 390 && lang === 'en') await axeCheck(page, `question ${tag}`);
        await page.click('#btn-finish');
        await page.waitForSelector('#confirm-dialog[open]');
        await shot(page, `page-confirm-${tag}`);
        await page.click('#confirm-yes');
        await page.waitForSelector('#screen-result:not([hidden])', { timeout: 30000 });
        await noHorizontalScroll(page, `result ${tag}`);
        await shot(page, `page-result-${tag}`, { fullPage: true });

        await page.goto(`${stack.baseUrl}/verify.html?number=26/01-0001&code=AAAA`);
        await page.waitForSelector('#verify-result:not([hidden])');
        await noHorizontalScroll(page, `verify ${tag}`);
        await shot(page, `page-verify-${tag}`);
        if (viewport.width === 390 && lang === 'en') await axeCheck(page, `verify ${tag}`);
      } finally {
        await b.close();
      }
    }
  }
});

// ---------- 4. original content as data ----------

test('each sample test has an information page (key facts with images, ru and en) before the study material', { timeout: 60000 }, async () => {
  const b = await openBrowser();
  try {
    const { page } = b;
    for (const seed of SEEDS) {
      const { test: def } = answerKey(seed);
      await fillStartPage(page, stack.baseUrl, def.id, candidate('Инфов'));
      await page.click('#btn-study');
      await page.waitForSelector('#info:not([hidden]) .info-fact img');
      assert.match(page.url(), new RegExp(`info\\.html\\?test=${def.id}$`));
      const facts = await page.$$eval('.info-fact', (items) => items.map((i) => ({
        title: i.querySelector('h3').textContent, text: i.querySelector('p').textContent, image: i.querySelector('img').naturalWidth,
      })));
      assert.ok(facts.length >= 5, `${def.id}: key facts (${facts.length})`);
      assert.ok(facts.every((f) => f.title && f.text.length > 40 && f.image > 0), `${def.id}: each fact has a title, a text and a loaded image`);
      assert.match(await page.title(), /^Информация: .+ — Proctor$/);
      await axeCheck(page, `info ${def.id}`);
      await page.click('[data-locale="en"]');
      const en = await page.$$eval('.info-fact h3', (items) => items.map((i) => i.textContent));
      assert.ok(en.every((x) => /^[A-Za-z’“”'., -]+$/.test(x)), `${def.id}: English facts (${en.join(' | ')})`);
      await page.click('[data-locale="ru"]');
      await page.click('#to-study');
      await page.waitForSelector('#study:not([hidden]) .module');
    }
  } finally {
    await b.close();
  }
});

// ---------- 4. the registration positions ----------

test('the registration form offers the administrator\'s positions (seeded with the original 17); "other" when allowed', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  try {
    const { page } = b;
    await page.goto(`${stack.baseUrl}/`);
    await page.waitForSelector('#position option:nth-child(2)', { state: 'attached' });
    const seeded = await page.$$eval('#position option', (options) => options.map((o) => o.value).filter(Boolean));
    assert.equal(seeded.length, 17, 'the original 17 positions');
    assert.equal(seeded[0], 'Министр природных ресурсов');
    assert.ok(!seeded.includes('__other__'), 'no free text unless the deployment allows it');

    const key = stack.apiKey;
    const read = await fetch(`${stack.baseUrl}/api/v1/positions`, { headers: { 'X-API-Key': key } });
    assert.equal(read.status, 200);
    assert.deepEqual((await read.json()).allowOther, false);
    assert.equal((await fetch(`${stack.baseUrl}/api/v1/positions`)).status, 401, 'the page key is needed');

    await stack.createAdmin('e2e-positions@example.org', 'e2e-positions-password-1', 'admin');
    const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'e2e-positions@example.org', password: 'e2e-positions-password-1' }),
    });
    const { token } = await login.json();
    const put = (body, auth = true) => fetch(`${stack.baseUrl}/api/v1/positions`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    assert.equal((await put({ positions: ['A'] }, false)).status, 401);
    const duplicate = await put({ positions: ['Инженер', ' инженер '], allowOther: true });
    assert.equal(duplicate.status, 400);
    assert.equal((await duplicate.json()).error.field, '/positions/1');
    const none = await put({ positions: [], allowOther: false });
    assert.equal((await none.json()).error.field, '/allowOther');
    const stored = await put({ positions: ['  Инженер   по защите информации ', 'Бухгалтер'], allowOther: true });
    assert.equal(stored.status, 200);
    assert.deepEqual(await stored.json(), { positions: ['Инженер по защите информации', 'Бухгалтер'], allowOther: true });
    const [audit] = await psqlJson(stack.dbUrl, `select actor, target, details from audit_log where action = 'settings.positions' order by id desc limit 1`);
    assert.deepEqual(audit, { actor: 'e2e-positions@example.org', target: 'settings:positions', details: { positions: ['Инженер по защите информации', 'Бухгалтер'], allowOther: true } });

    // The form now lists the two and "another position" with free text, which the session stores.
    await page.reload();
    await page.waitForSelector('#position option[value="__other__"]', { state: 'attached' });
    assert.deepEqual(await page.$$eval('#position option', (o) => o.map((x) => x.value).filter(Boolean)),
      ['Инженер по защите информации', 'Бухгалтер', '__other__']);
    await page.check(`input[name="testId"][value="${SEED.id}"]`);
    await page.fill('#last-name', 'Свободнов');
    await page.fill('#first-name', 'Пётр');
    await page.selectOption('#position', '__other__');
    await page.check('#consent');
    await page.click('#btn-take');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'position-other', 'the empty free-text field takes the focus');
    assert.match(await page.textContent('#form-error'), /Ваша должность/);
    await page.fill('#position-other', 'Архивариус');
    await shot(page, 'candidate-position-other');
    await page.click('#btn-take');
    await page.waitForSelector('#btn-begin:not([disabled])');
    const sessionId = await beginTest(page);
    const [who] = await psqlJson(stack.dbUrl, `select c.position from sessions s join candidates c on c.id = s.candidate_id where s.id = '${sessionId}'`);
    assert.equal(who.position, 'Архивариус');

    // The server checks the position too: the administrator takes "Бухгалтер" off the list while a
    // candidate who chose it is on the intro; Begin brings them back to the form, which names the
    // position and focuses it; a listed one then starts the test. (A new tab: this one would resume its
    // own attempt from sessionStorage.)
    const tab = await b.context.newPage();
    await fillStartPage(tab, stack.baseUrl, SEED.id, { ...candidate('Списков'), position: 'Бухгалтер' });
    await tab.click('#btn-take');
    await tab.waitForSelector('#btn-begin:not([disabled])');
    assert.equal((await put({ positions: ['Инженер по защите информации'], allowOther: false })).status, 200);
    const refused = tab.waitForResponse((r) => r.url().endsWith('/api/v1/sessions'));
    await tab.click('#btn-begin');
    assert.equal((await refused).status(), 400); // validation_failed naming /candidate/position (tst_positions)
    await tab.waitForURL(/index\.html\?test=.+&positionError=1$/);
    await tab.waitForFunction(() => document.activeElement?.id === 'position');
    // Said right under the field that has the focus, in view (not by the buttons further down).
    assert.match(await tab.textContent('#position-error'), /^Должность не принята/);
    assert.equal(await tab.getAttribute('#position', 'aria-invalid'), 'true');
    assert.equal(await tab.getAttribute('#position', 'aria-describedby'), 'position-error');
    await inViewport(tab, '#position-error', 'the refused position message');
    await shot(tab, 'candidate-position-refused');
    await tab.selectOption('#position', 'Инженер по защите информации');
    if (!(await tab.isChecked('#consent'))) await tab.check('#consent');
    await tab.click('#btn-take');
    await tab.waitForSelector('#btn-begin:not([disabled])');
    const listedId = await beginTest(tab);
    const [listed] = await psqlJson(stack.dbUrl, `select c.position from sessions s join candidates c on c.id = s.candidate_id where s.id = '${listedId}'`);
    assert.equal(listed.position, 'Инженер по защите информации');
  } finally {
    await b.close();
  }
});
