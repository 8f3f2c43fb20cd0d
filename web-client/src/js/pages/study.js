// SPDX-License-Identifier: MIT
// Study page: the modules of a test's study material with self-check questions. Records reading
// time per module (module_view_time), how far each module was scrolled through
// (scroll_depth_milestone) and self-check answers (self_check_answered), plus the same violations
// as the test page.
import { boot, fatal, queryParam, setPageTitle } from '../boot.js';
import { loadCandidate } from '../candidate.js';
import { $, el, paragraphs } from '../dom.js';
import { t } from '../i18n.js';
import { showProblem } from '../errors.js';
import { captureKeystrokesForTest } from '../keystrokefeatures.js';
import { startProctoring } from '../proctoring.js';
import { positionRefused, resumeSession, startSession } from '../session.js';
import { showWatermark } from '../watermark.js';

captureKeystrokesForTest(); // key timings of the name fields / notes go with the test's result

const MILESTONES = [25, 50, 75, 100];
const TICK_MS = 1000;
const MIN_REPORT_SECONDS = 1;

let session;
let proctoring;
let modules = [];
let state; // {milestones: {moduleId: [25, ...]}, answered: {questionId: optionId}}
const reading = new Map(); // moduleId -> seconds accumulated and not yet reported

const stateKey = () => `proctor.study.${session.sessionId}`;
const saveState = () => sessionStorage.setItem(stateKey(), JSON.stringify(state));

// The study format is a list of modules: {id, title, content (text, blank line = paragraph) or
// paragraphs [text], selfCheck [{id, text, multiple?, options [{id, text}], correct?}]}.
const moduleText = (m) => m.content ?? m.text ?? m.body ?? (Array.isArray(m.paragraphs) ? m.paragraphs.join('\n\n') : '');
const moduleChecks = (m) => m.selfCheck ?? m.selfCheckQuestions ?? m.questions ?? [];
const correctIds = (q) => (q.correct === undefined ? null : [].concat(q.correct).map(String));

function renderModules() {
  $('#toc').replaceChildren(...modules.map((m) => el('li', {}, el('a', { href: `#module-${m.id}`, text: m.title }))));
  $('#modules').replaceChildren(...modules.map((m) => el('section', { class: 'card module', id: `module-${m.id}`, dataset: { moduleId: m.id } },
    el('h2', { text: m.title }),
    el('div', { class: 'module-text' }, paragraphs(moduleText(m))),
    ...moduleChecks(m).map((q) => renderSelfCheck(m, q)))));
}

// A self-check with one right answer is one click; one with several (the key has more than one
// option, or the question says multiple) is "choose, then check": checkboxes and a Check button.
const isMultiple = (q) => q.multiple === true || (correctIds(q)?.length ?? 0) > 1;

function renderSelfCheck(module, q) {
  const multiple = isMultiple(q);
  const textId = `sc-${q.id}-text`;
  const options = multiple
    ? q.options.map((o) => el('label', { class: 'option', dataset: { optionId: o.id } },
      el('input', { type: 'checkbox', name: `sc-${q.id}`, value: o.id }),
      el('span', { text: o.text })))
    : q.options.map((o) => el('button', {
      type: 'button',
      class: 'option',
      dataset: { optionId: o.id },
      text: o.text,
      onclick: () => answerSelfCheck(module, q, [o.id], box),
    }));
  const box = el('div', { class: 'self-check', dataset: { questionId: q.id, multiple: String(multiple) } },
    el('h3', { text: t('study.selfCheck') }),
    el('p', { class: 'q-text', id: textId, text: q.text }),
    multiple ? el('p', { class: 'muted hint', text: t('study.multipleHint') }) : null,
    el('div', { class: 'options', role: 'group', 'aria-labelledby': textId }, options),
    multiple ? el('div', { class: 'actions' }, el('button', {
      type: 'button',
      class: 'secondary check',
      text: t('study.check'),
      onclick: () => {
        const chosen = [...box.querySelectorAll('input:checked')].map((i) => i.value);
        if (!chosen.length) {
          const feedback = box.querySelector('.feedback');
          feedback.hidden = false;
          feedback.className = 'feedback bad';
          feedback.textContent = t('study.chooseFirst');
          return;
        }
        answerSelfCheck(module, q, chosen, box);
      },
    })) : null,
    el('p', { class: 'feedback', role: 'status', hidden: true }));
  const answered = state.answered[q.id];
  if (answered) showFeedback(q, [].concat(answered), box);
  return box;
}

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

function showFeedback(q, optionIds, box) {
  const right = correctIds(q);
  for (const option of box.querySelectorAll('.option')) {
    const id = option.dataset.optionId;
    const control = option.tagName === 'BUTTON' ? option : option.querySelector('input');
    control.disabled = true;
    if (control.type === 'checkbox') control.checked = optionIds.includes(id);
    option.classList.toggle('chosen', optionIds.includes(id));
    if (right) option.classList.toggle('right', right.includes(id));
  }
  const check = box.querySelector('button.check');
  if (check) check.disabled = true;
  const feedback = box.querySelector('.feedback');
  feedback.hidden = false;
  if (!right) {
    feedback.textContent = t('study.recorded');
    feedback.className = 'feedback';
  } else {
    const ok = sameSet(right, optionIds);
    feedback.textContent = t(ok ? 'study.correct' : 'study.wrong');
    feedback.className = `feedback ${ok ? 'good' : 'bad'}`;
  }
}

function answerSelfCheck(module, q, optionIds, box) {
  if (state.answered[q.id]) return;
  state.answered[q.id] = optionIds;
  saveState();
  showFeedback(q, optionIds, box);
  const right = correctIds(q);
  // Without the key in the public study material the page cannot tell right from wrong, and a
  // guessed "correct" would be false data, so nothing is reported then.
  if (!right) {
    console.warn(`[study] self-check ${q.id} has no key in the public material; not reported`);
    return;
  }
  proctoring.emit('self_check_answered', { moduleId: module.id, questionId: q.id, correct: sameSet(right, optionIds) }, false);
}

// The module "being read" is the one under the middle of the viewport, while the page is visible
// and focused. Time is reported when the reader moves to another module or leaves the page, so a
// module can have several module_view_time events; their sum is its reading time.
function activeModuleId() {
  if (document.visibilityState !== 'visible' || !document.hasFocus()) return null;
  const middle = window.innerHeight / 2;
  for (const section of document.querySelectorAll('.module')) {
    const box = section.getBoundingClientRect();
    if (box.top <= middle && box.bottom >= middle) return section.dataset.moduleId;
  }
  return null;
}

let lastActive = null;
function tick() {
  const active = activeModuleId();
  if (active) reading.set(active, (reading.get(active) || 0) + TICK_MS / 1000);
  if (lastActive && lastActive !== active) reportReading(lastActive);
  lastActive = active;
}

function reportReading(moduleId) {
  const seconds = reading.get(moduleId) || 0;
  if (seconds < MIN_REPORT_SECONDS) return Promise.resolve();
  reading.set(moduleId, 0);
  return proctoring.emit('module_view_time', { moduleId, seconds: Math.round(seconds * 10) / 10 }, false);
}

function reportAllReading() {
  return Promise.all([...reading.keys()].map(reportReading));
}

// Depth of a module = how much of it has been above the bottom edge of the viewport.
function checkScrollDepth() {
  const bottom = window.innerHeight;
  for (const section of document.querySelectorAll('.module')) {
    const box = section.getBoundingClientRect();
    const seen = Math.max(0, Math.min(1, (bottom - box.top) / Math.max(1, box.height)));
    const id = section.dataset.moduleId;
    const done = state.milestones[id] || (state.milestones[id] = []);
    for (const percent of MILESTONES) {
      if (seen * 100 >= percent && !done.includes(percent)) {
        done.push(percent);
        proctoring.emit('scroll_depth_milestone', { moduleId: id, percent }, false);
      }
    }
  }
  saveState();
}

let api;

async function main() {
  try {
    ({ api } = await boot({ titleKeyOnStart: 'study.title' }));
  } catch (err) {
    $('#status').hidden = true;
    fatal($('#error'), err, 'action.config', () => location.reload());
    return;
  }
  await open();
}

async function open() {
  const testId = queryParam('test');
  $('#status').hidden = false;
  try {
    session = await resumeSession('study', testId);
    const resumed = !!session;
    if (!session) {
      const candidate = loadCandidate();
      if (!candidate || !testId) {
        $('#status').hidden = true;
        $('#error').hidden = false;
        $('#error').replaceChildren(t('test.noCandidate'), ' ', el('a', { href: 'index.html', text: t('common.toStart') }));
        return;
      }
      try {
        session = await startSession(api, 'study', testId, candidate);
      } catch (err) {
        if (positionRefused(err)) {
          location.assign(`index.html?test=${encodeURIComponent(testId)}&positionError=1`);
          return;
        }
        $('#status').hidden = true;
        showProblem($('#error'), err, 'action.startStudy', () => open());
        return;
      }
    }
    try {
      state = JSON.parse(sessionStorage.getItem(stateKey()) || 'null');
    } catch { /* start afresh */ }
    state ??= { milestones: {}, answered: {} };
    proctoring = await startProctoring(api, session);
    if (!resumed) proctoring.emit('study_started', {}, true);

    modules = session.study?.modules ?? [];
    if (session.test?.title) {
      // The test's title, which a language switch must not replace with the generic one.
      $('#page-title').removeAttribute('data-i18n');
      $('#page-title').textContent = session.test.title;
    }
    setPageTitle('title.study', { test: session.test?.title || '' });
    showWatermark(session);
    renderModules();
    document.addEventListener('proctor:locale', renderModules);
    $('#status').hidden = true;
    $('#study').hidden = false;
    $('#study-end').hidden = false;
    $('#to-test').href = `test.html?test=${encodeURIComponent(testId)}`;

    let scheduled = false;
    const onScroll = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => { scheduled = false; checkScrollDepth(); });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    checkScrollDepth();
    setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') reportAllReading(); });
    window.addEventListener('pagehide', reportAllReading);
    $('#to-test').addEventListener('click', (e) => {
      e.preventDefault();
      // The reading time belongs to this study session: store it and try to send it before leaving.
      reportAllReading()
        .then(() => Promise.race([proctoring.outbox.flush(), new Promise((r) => setTimeout(r, 3000))]))
        .finally(() => location.assign($('#to-test').href));
    });
  } catch (err) {
    $('#status').hidden = true;
    fatal($('#error'), err, 'action.startStudy', () => location.reload());
  }
}

main();
