// SPDX-License-Identifier: MIT
// End-to-end: the candidate pages in real headless Chromium against the real collector, PostgreSQL
// and Redis. Every request body the page sends is validated against shared/contract; what the
// collector stored is read back with psql.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { openBrowser } from './lib/browser.mjs';
import { eventIdsOf, recordApi } from './lib/contract.mjs';
import { assertCleanRun, assertSeqContiguous, candidate, eventually, fillStartPage, leaveAndComeBack, openStudy, shot } from './lib/flow.mjs';
import { ARTIFACTS_DIR, SEEDS, answerKey, psql, psqlJson, startStack } from './lib/stack.mjs';

const run = promisify(execFile);
const { test: SEED, correct: KEY } = answerKey(SEEDS[0]);

let stack;
before(async () => { stack = await startStack(); }, { timeout: 120000 });
after(async () => { await stack?.stop(); });

// ---------- helpers ----------

async function storedEvents(sessionId) {
  return psqlJson(stack.dbUrl, `select event_id::text as "eventId", seq, type, details from events where session_id = '${sessionId}' order by seq`);
}

async function beginTest(page) {
  await page.click('#btn-take');
  await page.waitForSelector('#btn-begin:not([disabled])');
  await page.click('#btn-begin');
  await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
  return page.evaluate((id) => sessionStorage.getItem(`proctor.active.test.${id}`), SEED.id);
}

async function currentQuestionId(page) {
  return page.getAttribute('#q-text', 'data-question-id');
}

// Selects the key's options (or a wrong one) for the question on screen.
async function answerCurrent(page, { right = true } = {}) {
  const id = await currentQuestionId(page);
  const key = KEY.get(id);
  assert.ok(key, `question ${id} is not in the seed file`);
  const options = await page.$$eval('#q-options input', (inputs) => inputs.map((i) => ({ id: i.value, checked: i.checked })));
  const wanted = right ? key : [options.map((o) => o.id).find((o) => !key.includes(o))];
  for (const o of options) {
    if (o.checked !== wanted.includes(o.id)) await page.click(`#q-options .option[data-option-id="${o.id}"]`);
  }
  return id;
}

async function questionCount(page) {
  return page.$$eval('.palette-item', (items) => items.length);
}

async function answerAll(page, { from = 0, wrong = new Set() } = {}) {
  const total = await questionCount(page);
  for (let i = from; i < total; i += 1) {
    await page.click(`.palette-item >> nth=${i}`);
    await page.mouse.move(300 + i * 10, 400, { steps: 4 });
    await answerCurrent(page, { right: !wrong.has(i) });
  }
  return total;
}

async function finishTest(page) {
  await page.click('#btn-finish');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-yes');
}

// ---------- scenarios ----------

test('a candidate answers correctly, passes, downloads a verifiable PDF certificate', { timeout: 120000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    const who = candidate('Смирнов');
    await fillStartPage(page, stack.baseUrl, SEED.id, who);
    // Typing into a name field feeds keystroke timings (typed, then erased: the field stays as filled).
    await page.click('#middle-name');
    await page.keyboard.press('End');
    await page.keyboard.type('qwerty', { delay: 40 });
    for (let i = 0; i < 6; ++i) await page.keyboard.press('Backspace', { delay: 30 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'start', { fullPage: true });
    await page.click('[data-locale="en"]');
    assert.equal((await page.textContent('h1')).trim(), 'Training and testing');
    await page.click('[data-locale="ru"]');
    assert.equal((await page.textContent('h1')).trim(), 'Обучение и тестирование');
    const sessionId = await beginTest(page);
    assert.match(sessionId, /^[0-9a-f-]{36}$/);

    const total = await questionCount(page);
    assert.equal(total, SEED.questionsPerAttempt, 'the server drew questionsPerAttempt questions');
    // Keys pressed outside text fields (Tab/arrows) are not typing: no timings from them.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await answerAll(page);
    await page.click('.palette-item >> nth=0');
    await page.mouse.move(640, 300, { steps: 8 });
    await page.evaluate(() => document.getElementById('proctor-eye').classList.remove('blink'));
    await shot(page, 'test-question');
    await finishTest(page);
    await page.waitForSelector('#screen-result:not([hidden])', { timeout: 30000 });
    // The seed keeps the default policy (passFail): passed and the grade band, no percentage.
    assert.equal(await page.isVisible('#result-score'), false, 'no percentage under passFail');
    assert.equal((await page.textContent('#result-grade')).trim(), 'Оценка: отлично (5)');
    assert.ok(await page.isVisible('#btn-certificate'), 'download offered after a pass');
    await shot(page, 'result');

    const [row] = await psqlJson(stack.dbUrl, `select status, score, passed from sessions where id = '${sessionId}'`);
    assert.equal(Number(row.score), 100);
    assert.equal(row.passed, true);

    // The result the page sent: answers and telemetry, no score; keystrokes are timing lists per key
    // and per key pair (the start page's typing), never the order of keys nor characters.
    assert.equal(rec.results.length >= 1, true);
    const submitted = rec.results.at(-1).body;
    assert.equal(submitted.answers.length, total);
    const keys = submitted.telemetry.keystrokes;
    assert.deepEqual(Object.keys(keys).sort(), ['digraph', 'dwell', 'flight']);
    for (const code of ['Backspace', 'KeyE', 'KeyQ', 'KeyR', 'KeyT', 'KeyW', 'KeyY']) assert.ok(keys.dwell[code]?.length >= 1, `dwell of ${code}`);
    for (const code of Object.keys(keys.dwell)) assert.match(code, /^(Key[QWERTY]|Backspace|End)$/);
    assert.equal(keys.dwell.Backspace.length, 6);
    assert.ok(keys.digraph['KeyQ>KeyW'].length === 1 && keys.digraph['KeyQ>KeyW'][0] > 0, 'digraph timed');
    assert.ok(!('Tab' in keys.dwell) && !('ArrowDown' in keys.dwell), 'keys outside text fields are not typing');
    assert.doesNotMatch(JSON.stringify(keys), /qwerty|"key"|downMs/);
    assert.ok(submitted.telemetry.mouse.some((m) => m.points.length > 3), 'mouse points recorded');
    assert.equal(submitted.telemetry.questions.length, total);

    const events = await storedEvents(sessionId);
    assertSeqContiguous(events);
    const types = events.map((e) => e.type);
    assert.equal(types[0], 'test_started');
    assert.deepEqual(events[0].details, { questionCount: total });
    assert.ok(types.filter((t) => t === 'answer_changed').length >= total);
    assert.ok(types.filter((t) => t === 'question_shown').length >= total);
    assert.deepEqual(events.find((e) => e.type === 'test_finished').details, { answered: total, total, reason: 'submitted' });

    // Certificate: the PDF's real text against the public verification endpoint.
    const number = (await page.textContent('#certificate-number')).replace(/^[^0-9]*/, '').trim();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#btn-certificate')]);
    const pdf = join(ARTIFACTS_DIR, 'certificate.pdf');
    await download.saveAs(pdf);
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    const code = new URL(await page.getAttribute('#certificate-verify', 'href')).searchParams.get('code');
    const response = await fetch(`${stack.baseUrl}/api/v1/certificates/${encodeURIComponent(number)}?code=${code}`);
    assert.equal(response.status, 200);
    const cert = await response.json();
    assert.equal(cert.number, number);
    assert.equal(cert.valid, true);
    assert.ok(text.includes(cert.number), 'PDF text has the certificate number');
    assert.ok(text.includes(cert.testTitle), 'PDF text has the test title');
    assert.ok(text.includes(`${who.lastName} ${who.firstName} ${who.middleName}`), 'PDF text has the Cyrillic name');
    assert.ok(text.includes(`verify.html?number=${encodeURIComponent(number)}`), 'PDF text has the verify URL');
    await run('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf, join(ARTIFACTS_DIR, 'certificate')]);

    await page.goto(await page.getAttribute('#certificate-verify', 'href'));
    await page.waitForSelector('#verify-result:not([hidden])');
    assert.equal(await page.getAttribute('#verify-result', 'data-valid'), 'true');
    assert.equal((await page.textContent('#v-holder')).trim(), cert.holder);
    await shot(page, 'verify');

    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('every violation is blocked where possible and stored with its type', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Кузнецов'));
    const sessionId = await beginTest(page);
    const questionId = await currentQuestionId(page);

    await leaveAndComeBack(page);

    // A real selection and real shortcuts; the page must cancel them.
    await page.click('#q-text', { clickCount: 3 });
    await page.keyboard.press('Control+KeyC');
    await page.keyboard.press('Control+KeyX');
    await page.keyboard.press('Control+KeyV');
    const prevented = await page.evaluate(() => ['copy', 'cut', 'paste'].map((type) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      document.getElementById('q-text').dispatchEvent(e);
      return e.defaultPrevented;
    }));
    assert.deepEqual(prevented, [true, true, true], 'copy, cut and paste are cancelled');
    await page.click('#q-text', { button: 'right' });
    assert.ok(await page.evaluate(() => document.getElementById('proctor-eye').classList.contains('alert')), 'the eye turns red');

    await page.keyboard.press('Control+KeyP');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // What a printer would get: the notice and nothing else.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('#print-block'), 'print shows the notice');
    assert.equal(await page.isVisible('#q-text'), false, 'print hides the question');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('#print-block'), false);

    await page.keyboard.down('PrintScreen');
    assert.ok(await page.isVisible('#flash-overlay'), '#flash-overlay is shown on PrintScreen');
    await shot(page, 'flash-overlay');
    await page.keyboard.up('PrintScreen');

    const wasFullscreen = await page.evaluate(() => !!document.fullscreenElement);
    if (wasFullscreen) await page.evaluate(() => document.exitFullscreen());

    const expected = ['focus_loss', 'focus_gain', 'visibility_hidden', 'visibility_visible', 'copy_attempt', 'cut_attempt',
      'paste_attempt', 'context_menu', 'print_attempt', 'screenshot_attempt', ...(wasFullscreen ? ['fullscreen_exit'] : [])];
    const events = await eventually(async () => {
      const rows = await storedEvents(sessionId);
      return expected.every((t) => rows.some((r) => r.type === t)) ? rows : null;
    }, { message: `stored ${expected.join(', ')}` });
    assertSeqContiguous(events);
    const of = (type) => events.filter((e) => e.type === type).map((e) => e.details);
    assert.ok(of('focus_gain')[0].durationMs >= 100);
    assert.ok(of('visibility_visible')[0].durationMs >= 100);
    assert.deepEqual(of('context_menu')[0], { questionId });
    assert.ok(of('copy_attempt').every((d) => d.questionId === questionId));
    assert.deepEqual(of('print_attempt').map((d) => d.method).sort(), ['beforeprint', 'shortcut']);
    assert.deepEqual(of('screenshot_attempt').map((d) => `${d.key}/${d.method}`).sort(), ['PrintScreen/keydown', 'PrintScreen/keyup']);
    assert.ok(wasFullscreen, 'the test page entered full screen');
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('a network cut loses nothing and stores every event exactly once; the result waits for the network', { timeout: 120000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page, context } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Попов'));
    const sessionId = await beginTest(page);
    await answerCurrent(page);
    await eventually(async () => (await storedEvents(sessionId)).some((e) => e.type === 'answer_changed'), { message: 'first answer stored' });

    await context.setOffline(true);
    await answerAll(page, { from: 1 });
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForSelector('#offline-banner:not([hidden])');
    const waiting = Number(await page.getAttribute('#offline-banner', 'data-pending'));
    assert.ok(waiting > 0, `the banner counts waiting events (${waiting})`);
    await finishTest(page);
    await page.waitForSelector('#screen-sending:not([hidden])');
    await shot(page, 'offline-sending');
    assert.equal(await page.isVisible('#screen-result'), false, 'no result without the server');

    // First delivery after the cut: the collector commits the batch but the answer is lost, so the
    // page must resend it and the server must not store it twice.
    let lostAcks = 0;
    await page.route('**/api/v1/events', async (route) => {
      if (lostAcks === 0) {
        lostAcks += 1;
        await route.fetch();
        await route.abort('failed');
      } else {
        await route.continue();
      }
    });
    await context.setOffline(false);
    await page.waitForSelector('#screen-result:not([hidden])', { timeout: 60000 });
    assert.equal(lostAcks, 1);

    const sent = eventIdsOf(rec, sessionId);
    const rows = await storedEvents(sessionId);
    const [{ n, distinct }] = await psqlJson(stack.dbUrl, `select count(*)::int as n, count(distinct event_id)::int as distinct from events where session_id = '${sessionId}'`);
    assert.equal(n, distinct, 'no event stored twice');
    assert.equal(n, sent.length, `every event the page made was stored (${sent.length})`);
    assert.ok([...rec.sends.values()].some((count) => count > 1), 'some events were resent');
    assert.ok(rec.acknowledged.duplicates > 0, 'the collector counted the resent batch as duplicates');
    assert.ok(rec.acknowledged.accepted + rec.acknowledged.duplicates >= n, 'every stored event was acknowledged');
    assertSeqContiguous(rows);
    assert.ok(rows.some((r) => r.type === 'network_offline'));
    assert.ok(rows.find((r) => r.type === 'network_online')?.details.durationMs > 0);
    assert.equal(await page.isHidden('#offline-banner'), true, 'the banner goes away');
    assertCleanRun(rec, b.report);
    console.log(`# network cut: ${sent.length} events made, ${[...rec.sends.values()].reduce((a, c) => a + c, 0)} sent, ${n} stored, `
      + `answers seen by the page: ${rec.acknowledged.accepted} accepted / ${rec.acknowledged.duplicates} duplicates`);
  } finally {
    await b.close();
  }
});

test('a reload resumes the same session at the same question with the answers kept', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Волков'));
    const sessionId = await beginTest(page);
    const first = await answerCurrent(page);
    await page.click('#btn-next');
    await answerCurrent(page);
    await page.click('#btn-next');
    const third = await currentQuestionId(page);
    await page.waitForTimeout(300);

    await page.reload();
    await page.waitForSelector('#screen-question:not([hidden]) #q-options .option');
    assert.equal(await page.evaluate((id) => sessionStorage.getItem(`proctor.active.test.${id}`), SEED.id), sessionId);
    assert.equal(await currentQuestionId(page), third, 'same question after the reload');
    await page.click('.palette-item >> nth=0');
    assert.equal(await currentQuestionId(page), first);
    const checked = await page.$$eval('#q-options input:checked', (inputs) => inputs.map((i) => i.value).sort());
    assert.deepEqual(checked, KEY.get(first), 'the answer survived');
    assert.equal(rec.sessionStarts.length, 1, 'no second session was opened');

    const rows = await eventually(async () => {
      const r = await storedEvents(sessionId);
      return r.filter((e) => e.type === 'question_shown' && e.details.index === 2).length >= 2
        && r.some((e) => e.type === 'question_shown' && e.details.index === 0 && e.seq > 5) ? r : null;
    }, { message: 'events after the reload' });
    assertSeqContiguous(rows);
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('the study page records reading time, scroll depth and self-checks', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Соколов'));
    await openStudy(page);
    const sessionId = await page.evaluate((id) => sessionStorage.getItem(`proctor.active.study.${id}`), SEED.id);
    await page.mouse.move(700, 400);
    await page.waitForTimeout(2300);
    await shot(page, 'study');
    const firstModule = await page.getAttribute('.module >> nth=0', 'data-module-id');
    const selfCheck = page.locator('.self-check').first();
    const hasSelfCheck = (await selfCheck.count()) > 0;
    if (hasSelfCheck) {
      await selfCheck.scrollIntoViewIfNeeded();
      await selfCheck.locator('.option').first().click();
      await page.waitForSelector('.self-check .feedback:not([hidden])');
    }
    for (let y = 0; y <= 20; y += 1) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(1200);
    await page.click('#to-test');
    await page.waitForURL(/test\.html/);

    const rows = await eventually(async () => {
      const r = await storedEvents(sessionId);
      return r.some((e) => e.type === 'module_view_time') ? r : null;
    }, { message: 'study events' });
    assertSeqContiguous(rows);
    assert.equal(rows[0].type, 'study_started');
    const views = rows.filter((e) => e.type === 'module_view_time');
    assert.ok(views.some((e) => e.details.moduleId === firstModule && e.details.seconds >= 2), 'reading time of the first module');
    const depth = rows.filter((e) => e.type === 'scroll_depth_milestone' && e.details.moduleId === firstModule).map((e) => e.details.percent);
    assert.deepEqual(depth.sort((x, y) => x - y), [25, 50, 75, 100]);
    if (hasSelfCheck) {
      const answered = rows.filter((e) => e.type === 'self_check_answered');
      assert.equal(answered.length, 1, 'self-check answer stored (needs `correct` in the public study material)');
      assert.equal(typeof answered[0].details.correct, 'boolean');
    }
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('the study page records the same violations, stored under the study session', { timeout: 90000 }, async () => {
  const b = await openBrowser();
  const rec = recordApi(b.context);
  try {
    const { page } = b;
    await fillStartPage(page, stack.baseUrl, SEED.id, candidate('Новиков'));
    await openStudy(page);
    const sessionId = await page.evaluate((id) => sessionStorage.getItem(`proctor.active.study.${id}`), SEED.id);
    assert.match(sessionId, /^[0-9a-f-]{36}$/);
    assert.equal(rec.sessionStarts.length, 1);
    assert.equal(rec.sessionStarts[0].kind, 'study');

    await leaveAndComeBack(page);

    // A real selection (the contents heading; module text is not selectable) and the real shortcut.
    await page.evaluate(() => window.getSelection().selectAllChildren(document.querySelector('.toc h2')));
    await page.keyboard.press('Control+KeyC');
    const copied = await eventually(() => rec.batches.flatMap((x) => x.events).some((e) => e.type === 'copy_attempt'),
      { timeout: 3000, interval: 100, message: 'Ctrl+C to be reported' });
    assert.ok(copied);
    const prevented = await page.evaluate(() => ['copy', 'cut', 'paste'].map((type) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      document.querySelector('.module-text').dispatchEvent(e);
      return e.defaultPrevented;
    }));
    assert.deepEqual(prevented, [true, true, true], 'copy, cut and paste are cancelled on the study page');
    await page.click('.module >> nth=0', { button: 'right' });
    assert.ok(await page.evaluate(() => document.getElementById('proctor-eye').classList.contains('alert')), 'the eye turns red');

    await page.keyboard.press('Control+KeyP');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('#print-block'), 'print shows the notice');
    assert.equal(await page.isVisible('.module >> nth=0'), false, 'print hides the study material');
    await page.emulateMedia({ media: 'screen' });

    await page.keyboard.down('PrintScreen');
    assert.ok(await page.isVisible('#flash-overlay'), '#flash-overlay is shown on PrintScreen');
    await page.keyboard.up('PrintScreen');

    const expected = ['focus_loss', 'focus_gain', 'visibility_hidden', 'visibility_visible', 'copy_attempt', 'cut_attempt',
      'paste_attempt', 'context_menu', 'print_attempt', 'screenshot_attempt'];
    const events = await eventually(async () => {
      const rows = await storedEvents(sessionId);
      return expected.every((t) => rows.some((r) => r.type === t))
        && rows.filter((r) => r.type === 'screenshot_attempt').length === 2 ? rows : null;
    }, { message: `stored ${expected.join(', ')} under the study session` });
    assertSeqContiguous(events);
    assert.equal(events[0].type, 'study_started');
    const of = (type) => events.filter((e) => e.type === type).map((e) => e.details);
    assert.deepEqual(of('focus_loss'), [{}]);
    assert.equal(of('focus_gain').length, 1);
    assert.ok(of('focus_gain')[0].durationMs >= 100, `focus_gain ${of('focus_gain')[0].durationMs} ms`);
    assert.deepEqual(of('visibility_hidden'), [{}]);
    assert.equal(of('visibility_visible').length, 1);
    assert.ok(of('visibility_visible')[0].durationMs >= 100);
    // Study material has no test question: no questionId on the study page.
    assert.deepEqual(of('copy_attempt'), [{}, {}], 'Ctrl+C and the dispatched copy');
    assert.deepEqual(of('cut_attempt'), [{}]);
    assert.deepEqual(of('paste_attempt'), [{}]);
    assert.deepEqual(of('context_menu'), [{}]);
    assert.deepEqual(of('print_attempt').map((d) => d.method).sort(), ['beforeprint', 'shortcut']);
    assert.deepEqual(of('screenshot_attempt').map((d) => `${d.key}/${d.method}`).sort(), ['PrintScreen/keydown', 'PrintScreen/keyup']);

    // Everything this browser sent went to the study session and was stored there.
    const sent = eventIdsOf(rec, sessionId);
    assert.equal(sent.length, rec.events.size, 'no event was sent for another session');
    const [stored] = await psqlJson(stack.dbUrl, `select count(*)::int as n, count(*) filter (where s.kind = 'study')::int as study
      from events e join sessions s on s.id = e.session_id where e.event_id = any('{${sent.join(',')}}'::uuid[]) and e.session_id = '${sessionId}'`);
    assert.deepEqual(stored, { n: sent.length, study: sent.length });
    assertCleanRun(rec, b.report);
  } finally {
    await b.close();
  }
});

test('the analysis endpoints work on what the pages captured', { timeout: 60000 }, async () => {
  await stack.createAdmin('e2e-proctor@example.org', 'e2e-proctor-password-1');
  const login = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'e2e-proctor@example.org', password: 'e2e-proctor-password-1' }),
  });
  assert.equal(login.status, 200);
  const { token } = await login.json();
  const api = async (method, path, body) => {
    const response = await fetch(`${stack.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.equal(response.status, 200, `${method} ${path}: ${response.status}`);
    return response.json();
  };

  // A finished test whose page sent mouse trajectories and keystrokes.
  const [captured] = await psqlJson(stack.dbUrl, `select s.id::text as id from sessions s join session_telemetry t on t.session_id = s.id
     where jsonb_array_length(t.mouse) > 0 order by s.finished_at limit 1`);
  assert.ok(captured, 'a session with captured mouse telemetry');

  // The same trajectories against themselves: exact DTW distance 0, similarity 100 on every question.
  const self = await api('POST', '/analysis/mouse', { sessionA: captured.id, sessionB: captured.id });
  assert.ok(self.questions.length > 0, 'per-question comparison of captured trajectories');
  for (const q of self.questions) {
    assert.equal(q.distance, 0);
    assert.equal(q.similarity, 100);
    assert.deepEqual(q.path[0], [0, 0]);
    assert.deepEqual(q.path.at(-1), [q.a.length - 1, q.b.length - 1]);
  }
  const similar = await api('POST', '/analysis/mouse/similar', { sessionId: captured.id, k: 3 });
  assert.ok(Array.isArray(similar.matches));
  const keyboard = await api('POST', '/analysis/keyboard', { sessionA: captured.id, sessionB: captured.id });
  assert.equal(typeof keyboard.sameTypistScore, 'number');

  // The violations scenario: its risk score cites the print attempts the page stored, by id.
  const [violating] = await psqlJson(stack.dbUrl, `select e.session_id::text as id from events e join sessions s on s.id = e.session_id
     where e.type = 'print_attempt' and s.kind = 'test' limit 1`);
  const risk = await api('GET', `/sessions/${violating.id}/risk`);
  const stored = new Set((await storedEvents(violating.id)).map((e) => e.eventId));
  const print = risk.factors.find((f) => f.reason === 'risk.print_attempts');
  assert.ok(print, `print attempts explain the risk (${JSON.stringify(risk.factors.map((f) => f.reason))})`);
  assert.ok(print.eventIds.length >= 2 && print.eventIds.every((id) => stored.has(id)), 'evidence points at stored events');

  // Every scenario ran in the same browser build on this machine: one device, several candidates.
  const groups = await api('GET', '/fingerprints/groups?flagged=true');
  assert.ok(groups.groups.some((g) => g.flags.includes('several_candidates') && g.sessionCount >= 2), 'shared device flagged');
  console.log(`# analysis on captured data: ${self.questions.length} trajectories, risk ${risk.score} (${risk.level})`);
});

test('the pages keep their promises to the collector: counts', async () => {
  // Cheap sanity on what the scenarios above left in the database.
  const sessions = Number(await psql(stack.dbUrl, 'select count(*) from sessions'));
  const events = Number(await psql(stack.dbUrl, 'select count(*) from events'));
  assert.ok(sessions >= 5 && events > 50, `sessions ${sessions}, events ${events}`);
  console.log(`# stored: ${sessions} sessions, ${events} events`);
});
