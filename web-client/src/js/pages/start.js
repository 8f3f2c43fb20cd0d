// SPDX-License-Identifier: MIT
// Start page: choose a test, enter who you are, accept the recording notice, then study or test.
import { boot, fatal } from '../boot.js';
import { clearProblem, showProblem } from '../errors.js';
import { loadCandidate, saveCandidate } from '../candidate.js';
import { $, el } from '../dom.js';
import { t } from '../i18n.js';
import { captureKeystrokesForTest } from '../keystrokefeatures.js';

captureKeystrokesForTest(); // key timings of the name fields / notes go with the test's result

let tests = [];
let positions = { positions: [], allowOther: true };
const OTHER = '__other__';

function renderTests(list, selectedId) {
  const host = $('#test-list');
  if (!list.length) {
    host.replaceChildren(el('p', { class: 'muted', text: t('start.noTests') }));
    return;
  }
  host.replaceChildren(...list.map((test, i) => {
    const time = test.timeLimitSeconds ? t('common.minutes', { n: Math.round(test.timeLimitSeconds / 60) }) : t('common.noLimit');
    return el('label', { class: 'test-option' },
      el('input', { type: 'radio', name: 'testId', value: test.id, checked: selectedId ? selectedId === test.id : i === 0 }),
      el('span', { class: 'test-option-body' },
        el('strong', { text: test.title }),
        test.description ? el('span', { class: 'muted', text: test.description }) : null,
        el('span', { class: 'test-meta', text: t('start.testMeta', { questions: test.questionsPerAttempt, time, threshold: test.passThreshold }) })));
  }));
  updateStudyButton();
  updateAccess();
}

// A roster test opens with the personal code an administrator sent; the name comes from the roster.
function needsCode(test) {
  return !!test && test.access === 'roster';
}

function updateAccess() {
  const roster = needsCode(selectedTest());
  $('#code-section').hidden = !roster;
  $('#identity-section').hidden = roster;
}

function selectedTest() {
  const id = document.querySelector('input[name="testId"]:checked')?.value;
  return tests.find((test) => test.id === id) || null;
}

function updateStudyButton() {
  const test = selectedTest();
  const button = $('#btn-study');
  button.disabled = !!test && test.hasStudy === false;
  button.title = button.disabled ? t('start.noStudy') : '';
}

function readForm() {
  const value = (id) => $(id).value.trim().replace(/\s+/g, ' ');
  return {
    lastName: value('#last-name'),
    firstName: value('#first-name'),
    middleName: value('#middle-name'),
    position: $('#position').value === OTHER ? value('#position-other') : value('#position'),
  };
}

// The administrator's list (GET /positions); "another position" with free text when the deployment
// allows it, or when there is no list at all.
function renderPositions(selected = $('#position').value) {
  const select = $('#position');
  const list = positions.positions ?? [];
  const options = [el('option', { value: '', text: t('start.positionChoose') }),
    ...list.map((p) => el('option', { value: p, text: p }))];
  if (positions.allowOther || !list.length) options.push(el('option', { value: OTHER, text: t('start.positionOther') }));
  select.replaceChildren(...options);
  const known = [...select.options].some((o) => o.value === selected);
  if (selected && known) select.value = selected;
  else if (selected && (positions.allowOther || !list.length)) {
    select.value = OTHER;
    $('#position-other').value = selected;
  }
  updateOther();
}

function updateOther() {
  const other = $('#position').value === OTHER;
  $('#position-other-field').hidden = !other;
  $('#position-other').required = other;
}

async function loadPositions(saved) {
  try {
    positions = await api.getPositions();
  } catch (err) {
    showProblem($('#form-error'), err, 'action.loadPositions', () => loadPositions(saved));
  }
  renderPositions(saved);
}

// Messages shown beside their field (data-error names the element), else above the buttons.
// Fields whose message is shown right under them (the others use #form-error by the buttons): the code, and
// the position, which the server can refuse after the page was left (the message must be where the focus is).
const FIELD_ERRORS = ['#code-error', '#position-error'];

function hideErrors() {
  $('#form-error').hidden = true;
  for (const id of FIELD_ERRORS) {
    $(id).hidden = true;
    $(id).textContent = '';
  }
  for (const input of document.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

// The message names the field, the field is marked invalid (and described by the message) and
// takes the focus, so a keyboard or screen-reader user lands where the fix is. A field with its own
// message element (the access code, far above the buttons) shows the message right under it, so it is
// on screen beside the focused field.
function showError(message, field) {
  hideErrors();
  const error = (field?.dataset.error && document.getElementById(field.dataset.error)) || $('#form-error');
  clearProblem(error);
  error.textContent = message;
  error.hidden = false;
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', error.id);
    field.focus();
    // The focus scrolled the field into view; its own message directly below must be in view too.
    if (error !== $('#form-error')) error.scrollIntoView({ block: 'nearest' });
  }
}

const labelOf = (input) => input.closest('label')?.querySelector('span')?.textContent?.trim() || input.name;

function firstProblem(test, candidate) {
  if (!test) return [t('form.missingTest'), document.querySelector('input[name="testId"]')];
  for (const [value, id] of [[candidate.lastName, '#last-name'], [candidate.firstName, '#first-name']]) {
    if (!value) return [t('form.missing', { field: labelOf($(id)) }), $(id)];
  }
  if (!candidate.position) {
    const other = $('#position').value === OTHER;
    const field = other ? $('#position-other') : $('#position');
    return [t(other ? 'form.missingOther' : 'form.missing', { field: labelOf(field) }), field];
  }
  if (!$('#consent').checked) return [t('form.missingConsent'), $('#consent')];
  return null;
}

function go(page) {
  const test = selectedTest();
  if (needsCode(test)) {
    const code = $('#access-code').value.trim();
    if (!code || !$('#consent').checked) {
      showError(t(code ? 'form.missingConsent' : 'form.missingCode'), code ? $('#consent') : $('#access-code'));
      return;
    }
    hideErrors();
    saveCandidate({ accessCode: code });
    location.assign(`${page}?test=${encodeURIComponent(test.id)}`);
    return;
  }
  const candidate = readForm();
  const problem = firstProblem(test, candidate);
  if (problem) {
    showError(...problem);
    return;
  }
  hideErrors();
  saveCandidate(candidate);
  location.assign(`${page}?test=${encodeURIComponent(test.id)}`);
}

let api;

async function loadTests() {
  const params = new URLSearchParams(location.search);
  try {
    tests = await api.listTests();
  } catch (err) {
    $('#test-list').replaceChildren(el('p', { class: 'muted', text: t('start.noTests') }));
    showProblem($('#form-error'), err, 'action.loadTests', loadTests);
    return;
  }
  renderTests(Array.isArray(tests) ? tests : [], params.get('test'));
  // The test page sends the candidate back here when the server refused the code: try again.
  if (params.get('codeError') && needsCode(selectedTest())) showError(t('start.codeInvalid'), $('#access-code'));
}

async function main() {
  try {
    ({ api } = await boot({ titleKeyOnStart: 'title.start' }));
  } catch (err) {
    fatal($('#form-error'), err, 'action.config', () => location.reload());
    return;
  }
  const saved = loadCandidate();
  if (saved && !saved.accessCode) {
    $('#last-name').value = saved.lastName;
    $('#first-name').value = saved.firstName;
    $('#middle-name').value = saved.middleName || '';
  }
  $('#position').addEventListener('change', updateOther);
  $('#test-list').addEventListener('change', () => { updateStudyButton(); updateAccess(); });
  // Study starts with the test's information page (key facts), as the original's portal did; a test
  // without one goes on to the study material at once.
  $('#btn-study').addEventListener('click', () => go('info.html'));
  $('#start-form').addEventListener('submit', (e) => { e.preventDefault(); go('test.html'); });
  document.addEventListener('proctor:locale', () => { renderTests(tests, selectedTest()?.id); renderPositions(); });
  await Promise.all([loadTests(), loadPositions(saved && !saved.accessCode ? saved.position : '')]);
  // The test or study page sends the candidate back here when the server refused the position.
  if (new URLSearchParams(location.search).get('positionError')) {
    showError(t('start.positionInvalid'), $('#position').value === OTHER ? $('#position-other') : $('#position'));
  }
}

main();
