// SPDX-License-Identifier: MIT
// Test page: the server draws the questions; one question at a time with a palette, a progress bar
// and an optional countdown; answers, events and telemetry survive reloads and network cuts; the
// server scores the result and issues the certificate number.
import { boot, fatal, queryParam, setPageTitle } from '../boot.js';
import { fullName, loadCandidate, setActiveSession } from '../candidate.js';
import { $, el } from '../dom.js';
import { clearProblem, showProblem } from '../errors.js';
import { formatDateTime, formatDuration, t } from '../i18n.js';
import { startProctoring } from '../proctoring.js';
import { positionRefused, resumeSession, startSession } from '../session.js';
import { kvGet, kvPut } from '../store.js';
import { Telemetry } from '../telemetry.js';
import { showWatermark } from '../watermark.js';

const TELEMETRY_SAVE_MS = 5000;

let api;
let session = null; // {sessionId, token, test, candidate, startedAtMs, ...}
let state = null; // {phase: 'questions'|'submitting'|'done', current, answers: {qid: [optionIds]}, stats, timeUp}
let proctoring = null;
let telemetry = null;
let timerHandle = null;
let result = null;
let beginning = false;
let announced = new Set(); // minutes-left marks already announced (5, 1)

const questions = () => session.test.questions;
const stateKey = () => `proctor.test.${session.sessionId}`;

// The test's own title in the top bar; no longer the translated placeholder a language switch rewrites.
function setTopTitle(text) {
  const node = $('#test-title');
  node.removeAttribute('data-i18n');
  node.textContent = text;
}

function showScreen(name) {
  for (const id of ['loading', 'intro', 'question', 'sending', 'result']) $(`#screen-${id}`).hidden = id !== name;
  const test = session?.test?.title || $('#intro-title').textContent || t('test.title');
  if (name === 'intro') setPageTitle('title.intro', { test });
  else if (name === 'sending') setPageTitle('title.sending', { test });
  else if (name === 'result') setPageTitle('title.result', { test });
  else if (name === 'question') updateQuestionTitle();
}

function updateQuestionTitle() {
  if (!session?.test || !state) return;
  setPageTitle('title.question', { n: state.current + 1, total: questions().length, test: session.test.title });
}

function saveState() {
  if (proctoring) state.stats = proctoring.capture.snapshot();
  sessionStorage.setItem(stateKey(), JSON.stringify(state));
}

function saveTelemetry() {
  if (telemetry) kvPut(`telemetry:${session.sessionId}`, telemetry.toJSON()).catch(console.error);
}

function loadState() {
  try {
    return JSON.parse(sessionStorage.getItem(stateKey()) || 'null');
  } catch {
    return null;
  }
}

// ---------- intro ----------

async function showIntro(testId) {
  let tests;
  try {
    tests = await api.listTests();
  } catch (err) {
    showScreen(null);
    showProblem($('#error'), err, 'action.loadTests', () => showIntro(testId));
    return;
  }
  const test = tests.find((x) => x.id === testId);
  if (!test) throw Object.assign(new Error(`unknown test ${testId}`), { code: 'not_found' });
  $('#intro-title').textContent = test.title;
  setTopTitle(test.title);
  $('#intro-description').textContent = test.description || '';
  // Whole minutes as "N min"; anything else exactly (m:ss), never rounded to a time the candidate does not have.
  const limit = test.timeLimitSeconds;
  const time = !limit ? t('common.noLimit') : limit % 60 === 0 ? t('common.minutes', { n: limit / 60 }) : formatDuration(limit);
  $('#intro-meta').textContent = t('test.introMeta', { questions: test.questionsPerAttempt, time });
  showScreen('intro');
  // Not {once: true}: a start that failed (network blip, server busy) can be tried again.
  $('#btn-begin').onclick = () => begin(testId);
}

async function begin(testId) {
  if (beginning) return;
  beginning = true;
  const button = $('#btn-begin');
  clearProblem($('#error'));
  button.disabled = true;
  button.textContent = t('test.starting');
  // Full screen needs the click's user activation, so it is asked for before any await.
  document.documentElement.requestFullscreen?.().catch(() => {});
  try {
    session = await startSession(api, 'test', testId, loadCandidate());
  } catch (err) {
    if (err.code === 'invalid_access_code') {
      // Back to the start page, which asks for the code again.
      location.assign(`index.html?test=${encodeURIComponent(testId)}&codeError=1`);
      return;
    }
    if (positionRefused(err)) {
      location.assign(`index.html?test=${encodeURIComponent(testId)}&positionError=1`);
      return;
    }
    beginning = false;
    button.disabled = false;
    button.textContent = t('test.begin');
    const refusal = startRefusal(err);
    if (refusal) {
      $('#error').hidden = false;
      $('#error').textContent = refusal;
      $('#error').dataset.code = err.code;
    } else {
      showProblem($('#error'), err, 'action.startTest', () => begin(testId));
    }
    return;
  }
  // The server's answers so far of a resumed attempt (the last change per question).
  const answers = {};
  for (const a of session.answers ?? []) if (a.optionIds?.length) answers[a.questionId] = a.optionIds;
  state = { phase: 'questions', current: 0, answers, stats: { focusLossCount: 0, blurMs: 0 } };
  saveState();
  await startTest(null);
  proctoring.emit('test_started', { questionCount: questions().length }, true);
  showQuestion(0);
  focusOptions();
}

// The Tab stop of the answers: the chosen radio, else the first option.
function focusOptions() {
  const inputs = [...document.querySelectorAll('#q-options input')];
  (inputs.find((i) => i.type === 'radio' && i.checked) || inputs[0])?.focus();
}

// The attempt policy's refusals, in the candidate's language; null for any other error.
function startRefusal(err) {
  if (err.code === 'attempts_exhausted') return t('test.attemptsExhausted');
  if (err.code === 'attempt_cooldown') {
    const at = new Date(Date.now() + (err.retryAfterSeconds || 0) * 1000).toISOString();
    return t('test.attemptCooldown', { time: formatDateTime(at) });
  }
  return null;
}

// ---------- running ----------

async function startTest(savedTelemetry) {
  setTopTitle(session.test.title);
  proctoring = await startProctoring(api, session, {
    questionId: () => (state.phase === 'questions' ? questions()[state.current]?.id : null),
    onFullscreenExit: () => { $('#fullscreen-notice').hidden = false; },
    stats: state.stats,
  });
  showWatermark(session);
  buildPalette();
  telemetry = new Telemetry(session.startedAtMs, savedTelemetry);
  telemetry.start();
  setInterval(saveTelemetry, TELEMETRY_SAVE_MS);
  window.addEventListener('pagehide', () => { saveState(); saveTelemetry(); });
  $('#btn-fullscreen').addEventListener('click', () => {
    document.documentElement.requestFullscreen?.().catch(() => {});
    $('#fullscreen-notice').hidden = true;
  });
  // Back and Next take the keyboard to the new question's answers (the palette keeps its focus).
  $('#btn-prev').addEventListener('click', () => { showQuestion(state.current - 1); focusOptions(); });
  $('#btn-next').addEventListener('click', () => { showQuestion(state.current + 1); focusOptions(); });
  $('#btn-finish').addEventListener('click', confirmFinish);
  $('#btn-mark').addEventListener('click', toggleMark);
  $('#fs-yes').addEventListener('click', () => {
    document.documentElement.requestFullscreen?.().catch(() => {});
    $('#fullscreen-ask').hidden = true;
  });
  $('#fs-no').addEventListener('click', () => {
    $('#fullscreen-ask').hidden = true;
    proctoring.emit('fullscreen_exit', { reason: 'reload' }, true);
    $('#fullscreen-notice').hidden = false;
    $('#fullscreen-notice span').textContent = t('test.fullscreenDeclined');
  });
  $('#confirm-no').addEventListener('click', () => $('#confirm-dialog').close());
  $('#confirm-yes').addEventListener('click', () => { $('#confirm-dialog').close(); finish(); });
  document.addEventListener('proctor:locale', () => { if (state.phase === 'questions') renderQuestion(); });
  // Answering or moving never drops the keyboard focus: when the focused button disappears (Next
  // on the last question), Finish takes it.
  document.addEventListener('focusout', (e) => setTimeout(() => {
    const gone = !e.target.isConnected || e.target.disabled || e.target.getClientRects().length === 0;
    if (gone && state.phase === 'questions' && document.activeElement === document.body && !$('dialog[open]')) {
      $('#btn-finish').focus({ preventScroll: true });
    }
  }, 0));
  startTimer();
}

function startTimer() {
  const limit = session.test.timeLimitSeconds;
  if (!limit) return;
  const deadline = session.startedAtMs + limit * 1000;
  const timer = $('#timer');
  timer.hidden = false;
  const tick = () => {
    const left = (deadline - Date.now()) / 1000;
    timer.textContent = t('test.timeLeft', { time: formatDuration(left) });
    timer.classList.toggle('urgent', left < 60);
    // Screen readers hear the time at 5 and at 1 minute left (not every second).
    for (const minutes of [5, 1]) {
      if (left <= minutes * 60 && left > minutes * 60 - 30 && !announced.has(minutes) && limit > minutes * 60) {
        announced.add(minutes);
        $('#timer-announce').textContent = t('test.timeAnnounce', { n: minutes });
      }
    }
    if (left <= 0 && state.phase === 'questions') {
      clearInterval(timerHandle);
      finish(true);
    }
  };
  tick();
  timerHandle = setInterval(tick, 500);
}

function showQuestion(index) {
  const list = questions();
  if (index < 0 || index >= list.length) return;
  state.current = index;
  saveState();
  const q = list[index];
  telemetry.showQuestion(q.id);
  saveTelemetry();
  proctoring.emit('question_shown', { questionId: q.id, index }, false);
  renderQuestion();
  showScreen('question');
}

// The question on screen: its options are rebuilt only when the question (or the language)
// changes, never when an answer is chosen, so the focused option keeps the focus and a radio group
// keeps its arrow keys.
function renderQuestion() {
  const list = questions();
  const index = state.current;
  const q = list[index];
  const chosen = new Set(state.answers[q.id] || []);

  $('#q-number').textContent = t('test.question', { n: index + 1, total: list.length });
  $('#q-text').textContent = q.text;
  $('#q-text').dataset.questionId = q.id;
  $('#q-hint').textContent = t(q.multiple ? 'test.multiple' : 'test.single');
  const options = $('#q-options');
  options.setAttribute('role', q.multiple ? 'group' : 'radiogroup');
  options.setAttribute('aria-labelledby', 'q-number q-text');
  options.setAttribute('aria-describedby', 'q-hint');
  options.replaceChildren(...q.options.map((option) => el('label', { class: 'option', dataset: { optionId: option.id } },
    el('input', {
      type: q.multiple ? 'checkbox' : 'radio',
      name: `q-${q.id}`,
      value: option.id,
      checked: chosen.has(option.id),
      onchange: () => choose(q, option.id),
    }),
    el('span', { text: option.text }))));
  $('#btn-prev').disabled = index === 0;
  $('#btn-next').hidden = index === list.length - 1;
  updateStatus();
}

function isMarked(id) {
  return (state.marked ?? []).includes(id);
}

// The palette's buttons are made once per attempt and updated in place (a focused one stays focused).
function buildPalette() {
  $('#palette').replaceChildren(...questions().map((x, i) => el('button', {
    type: 'button',
    class: 'palette-item',
    dataset: { index: String(i) },
    onclick: () => showQuestion(i),
  }, el('span', { class: 'palette-number', 'aria-hidden': 'true', text: String(i + 1) }))));
}

// Progress, palette and the mark button: states in text as well as colour.
function updateStatus() {
  const list = questions();
  const index = state.current;
  const answeredCount = list.filter((x) => state.answers[x.id]?.length).length;
  const track = $('#progress-track');
  track.setAttribute('aria-valuenow', String(answeredCount));
  track.setAttribute('aria-valuemax', String(list.length));
  track.setAttribute('aria-valuetext', t('test.answered', { n: answeredCount, total: list.length }));
  $('#progress-fill').style.width = `${(answeredCount / list.length) * 100}%`;
  $('#progress-text').textContent = `${t('test.question', { n: index + 1, total: list.length })} · ${t('test.answered', { n: answeredCount, total: list.length })}`;
  for (const item of $('#palette').querySelectorAll('.palette-item')) {
    const i = Number(item.dataset.index);
    const x = list[i];
    const answered = !!state.answers[x.id]?.length;
    const marked = isMarked(x.id);
    item.classList.toggle('answered', answered);
    item.classList.toggle('marked', marked);
    item.classList.toggle('current', i === index);
    if (i === index) item.setAttribute('aria-current', 'step'); else item.removeAttribute('aria-current');
    const states = [t(answered ? 'palette.answered' : 'palette.unanswered')];
    if (marked) states.push(t('palette.marked'));
    item.setAttribute('aria-label', t('palette.item', { n: i + 1, state: states.join(', ') }));
    item.title = item.getAttribute('aria-label');
  }
  const q = list[index];
  const mark = $('#btn-mark');
  mark.setAttribute('aria-pressed', String(isMarked(q.id)));
  mark.textContent = t(isMarked(q.id) ? 'test.marked' : 'test.mark');
  updateQuestionTitle();
}

function toggleMark() {
  const id = questions()[state.current].id;
  const marked = new Set(state.marked ?? []);
  if (marked.has(id)) marked.delete(id); else marked.add(id);
  state.marked = [...marked];
  saveState();
  updateStatus();
}

function choose(q, optionId) {
  const from = [...(state.answers[q.id] || [])].sort();
  let to;
  if (q.multiple) {
    const set = new Set(from);
    if (set.has(optionId)) set.delete(optionId); else set.add(optionId);
    to = [...set].sort();
  } else {
    to = [optionId];
  }
  if (from.length === to.length && from.every((v, i) => v === to[i])) return;
  state.answers[q.id] = to;
  saveState();
  telemetry.answered(q.id, from.length > 0);
  proctoring.emit('answer_changed', { questionId: q.id, from, to }, false);
  proctoring.eye.blink();
  updateStatus();
}

function confirmFinish() {
  const list = questions();
  const unanswered = list.map((q, i) => (state.answers[q.id]?.length ? null : i + 1)).filter(Boolean);
  const marked = list.map((q, i) => (isMarked(q.id) ? i + 1 : null)).filter(Boolean);
  const lines = [unanswered.length
    ? t('test.confirmUnanswered', { n: unanswered.length, list: unanswered.join(', ') })
    : t('test.confirmAll')];
  if (marked.length) lines.push(t('test.confirmMarked', { list: marked.join(', ') }));
  $('#confirm-text').replaceChildren(...lines.map((line) => el('span', { class: 'confirm-line', text: line })));
  $('#confirm-dialog').showModal();
  $('#confirm-no').focus();
}

function buildResult() {
  const list = questions();
  const stats = proctoring.capture.snapshot();
  const { questions: perQuestion, mouse, keystrokes } = telemetry.payload();
  return {
    answers: list.filter((q) => state.answers[q.id]?.length).map((q) => ({ questionId: q.id, optionIds: state.answers[q.id] })),
    telemetry: {
      questions: perQuestion,
      focusLossCount: stats.focusLossCount,
      blurMs: stats.blurMs,
      mouse,
      keystrokes,
      viewport: { width: Math.round(window.innerWidth), height: Math.round(window.innerHeight) },
    },
    clientFinishedAt: new Date().toISOString(),
  };
}

// timeUp: the countdown ended the attempt. It does not wait for anyone: a confirmation the
// candidate left open is closed, and the answers given so far are submitted.
async function finish(timeUp = false) {
  if (state.phase !== 'questions') return;
  clearInterval(timerHandle);
  if ($('#confirm-dialog').open) $('#confirm-dialog').close();
  telemetry.leaveQuestion();
  const list = questions();
  const payload = buildResult();
  state.phase = 'submitting';
  state.timeUp = timeUp;
  saveState();
  await proctoring.emit('test_finished', { answered: payload.answers.length, total: list.length, reason: timeUp ? 'time_up' : 'submitted' }, true);
  telemetry.stop();
  proctoring.capture.stop({ keepNetwork: true });
  proctoring.eye.destroy();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  $('#timer').hidden = true;
  showScreen('sending');
  await awaitResult(proctoring.outbox.queueResult(payload), timeUp);
}

async function awaitResult(pending, timeUp = false) {
  const unsubscribe = proctoring.outbox.subscribe((status) => {
    const text = t(status.offline || status.unreachable ? 'test.sendingQueued' : 'test.sending');
    $('#sending-text').textContent = timeUp ? `${t('test.timeUp')} ${text}` : text;
  });
  try {
    result = await pending;
    proctoring.capture.stop();
    state.phase = 'done';
    saveState();
    renderResult();
  } catch (err) {
    showProblem($('#error'), err, 'action.submit');
  } finally {
    unsubscribe();
  }
}

// ---------- result ----------

function renderResult() {
  showScreen('result');
  // The attempt is over: printing what the policy shows is allowed from here on.
  document.body.classList.remove('proctored');
  document.body.classList.add('printable');
  $('#watermark').hidden = true;
  renderPrintDetails();
  $('#result-verdict').textContent = t(result.passed ? 'test.passed' : 'test.failed');
  $('#result-verdict').className = `verdict ${result.passed ? 'good' : 'bad'}`;
  // Only what the test's attempt policy discloses: the score under "score"/"review", the grade band when
  // passed, the wrong questions under "review" once passed or out of attempts; never the counts.
  $('#result-score').hidden = result.score === undefined;
  $('#result-score').textContent = result.score === undefined ? '' : t('test.score', { score: result.score });
  $('#result-correct').hidden = true;
  $('#result-grade').hidden = !result.grade;
  $('#result-grade').textContent = result.grade ? t('test.grade', { grade: t(`grade.${result.grade.key}`), number: result.grade.number }) : '';
  const left = result.passed ? undefined : result.attemptsLeft; // a pass ends the matter: no "attempts left"
  const attempts = [];
  if (left !== undefined) attempts.push(left > 0 ? t('test.attemptsLeft', { n: left }) : t('test.noAttemptsLeft'));
  if (left > 0 && result.nextAttemptAt) attempts.push(t('test.nextAttemptAt', { time: formatDateTime(result.nextAttemptAt) }));
  $('#result-attempts').textContent = attempts.join(' ');
  const wrong = result.wrongQuestions ?? [];
  $('#result-wrong').hidden = wrong.length === 0;
  $('#result-wrong-list').replaceChildren(...wrong.map((q) => el('li', {}, q.text)));
  $('#result-timeup').hidden = !state?.timeUp;
  $('#btn-retake').hidden = result.passed || left === 0;
  const box = $('#certificate-box');
  box.hidden = !result.passed;
  if (!result.passed) return;
  const cert = result.certificate;
  // No number from the server, no certificate: a made-up number would be a forgery.
  $('#certificate-pending').hidden = !!cert?.number;
  $('#btn-certificate').hidden = !cert?.number;
  $('#certificate-verify').hidden = !cert?.number;
  $('#certificate-number').hidden = !cert?.number;
  if (!cert?.number) return;
  $('#certificate-number').textContent = t('test.certificate', { number: cert.number });
  $('#certificate-verify').href = cert.verifyUrl;
}

async function downloadCertificate() {
  const status = $('#certificate-status');
  const button = $('#btn-certificate');
  button.disabled = true;
  status.hidden = false;
  status.textContent = t('test.generating');
  try {
    const { downloadCertificate: make } = await import('../certificate.js');
    await make({
      number: result.certificate.number,
      verifyUrl: result.certificate.verifyUrl,
      code: result.certificate.code,
      issuedAt: result.certificate.issuedAt,
      holder: fullName(session.candidate),
      position: session.candidate.position,
      testTitle: session.test.title,
      score: result.score,
      grade: t(`grade.${result.grade?.key}`),
    }, $('#certificate-stage'), api);
    status.hidden = true;
  } catch (err) {
    showProblem(status, err?.name === 'ApiError' ? err : Object.assign(err ?? {}, { code: 'pdf' }), 'action.certificate');
  } finally {
    button.disabled = false;
  }
}

// The printed result: who, which test, when, and the same verdict the screen shows (what the
// attempt policy disclosed), with a signature line, as the original's printed report.
function renderPrintDetails() {
  const c = session.candidate || {};
  const rows = [
    ['test.printName', fullName(c)],
    ['test.printPosition', c.position || '—'],
    ['test.printTest', session.test?.title || ''],
    ['test.printDate', formatDateTime(new Date().toISOString())],
    ['test.printSession', session.sessionId.slice(0, 8)],
  ];
  $('#print-details').replaceChildren(...rows.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })]));
}

// ---------- start-up ----------

async function resume() {
  state = loadState() || { phase: 'questions', current: 0, answers: {}, stats: { focusLossCount: 0, blurMs: 0 } };
  if (state.phase === 'done') {
    result = await kvGet(`resultResponse:${session.sessionId}`);
    if (result) {
      setTopTitle(session.test.title);
      renderResult();
      return;
    }
    state.phase = 'submitting';
  }
  const submitting = state.phase === 'submitting';
  await startTest(await kvGet(`telemetry:${session.sessionId}`));
  // The limit passed while the page was away: the countdown's first tick has already finished the
  // attempt (finish(true)), which shows the waiting and the result itself.
  if (!submitting && state.phase !== 'questions') return;
  if (submitting) {
    telemetry.stop();
    proctoring.capture.stop({ keepNetwork: true });
    proctoring.eye.destroy();
    clearInterval(timerHandle);
    $('#timer').hidden = true;
    showScreen('sending');
    const waiting = proctoring.outbox.waitForResult();
    const answered = await proctoring.outbox.answeredResult();
    await awaitResult(answered ? Promise.resolve(answered) : waiting, state.timeUp);
    return;
  }
  showQuestion(Math.min(state.current, questions().length - 1));
  // A reload leaves full screen: ask to return (it needs a click); declining is recorded.
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    $('#fullscreen-ask').hidden = false;
    $('#fs-yes').focus();
  }
}

async function main() {
  try {
    ({ api } = await boot({ titleKeyOnStart: 'test.title' }));
  } catch (err) {
    showScreen(null);
    fatal($('#error'), err, 'action.config', () => location.reload());
    return;
  }
  $('#btn-print').addEventListener('click', () => window.print());
  $('#btn-certificate').addEventListener('click', downloadCertificate);
  // A new attempt is a new session: forget the finished one for this tab.
  $('#btn-retake').addEventListener('click', () => {
    setActiveSession('test', session.testId, null);
    location.reload();
  });
  document.addEventListener('proctor:locale', () => { if (result) renderResult(); });
  const testId = queryParam('test');
  try {
    if (!testId) throw new Error(t('test.noCandidate'));
    session = await resumeSession('test', testId);
    if (session) {
      await resume();
      return;
    }
    if (!loadCandidate()) {
      showScreen(null);
      $('#error').hidden = false;
      $('#error').replaceChildren(t('test.noCandidate'), ' ', el('a', { href: `index.html?test=${encodeURIComponent(testId)}`, text: t('common.toStart') }));
      return;
    }
    await showIntro(testId);
  } catch (err) {
    showScreen(null);
    fatal($('#error'), err, session ? null : 'action.startTest', () => location.reload());
  }
}

main();
