// SPDX-License-Identifier: MIT
// Start page: choose a test, enter who you are, accept the recording notice, then study or test.
import { boot, fatal } from '../boot.js';
import { loadCandidate, saveCandidate } from '../candidate.js';
import { $, el } from '../dom.js';
import { t } from '../i18n.js';
import { captureKeystrokesForTest } from '../keystrokefeatures.js';

captureKeystrokesForTest(); // key timings of the name fields / notes go with the test's result

let tests = [];

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
    position: value('#position'),
  };
}

function showError(message, field) {
  const error = $('#form-error');
  error.textContent = message;
  error.hidden = false;
  for (const input of document.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  if (field) {
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  }
}

function go(page) {
  const test = selectedTest();
  const error = $('#form-error');
  if (needsCode(test)) {
    const code = $('#access-code').value.trim();
    if (!code || !$('#consent').checked) {
      showError(t('start.codeRequired'), code ? $('#consent') : $('#access-code'));
      return;
    }
    error.hidden = true;
    saveCandidate({ accessCode: code });
    location.assign(`${page}?test=${encodeURIComponent(test.id)}`);
    return;
  }
  const candidate = readForm();
  if (!test || !candidate.lastName || !candidate.firstName || !candidate.position || !$('#consent').checked) {
    error.textContent = t('start.required');
    error.hidden = false;
    return;
  }
  error.hidden = true;
  saveCandidate(candidate);
  location.assign(`${page}?test=${encodeURIComponent(test.id)}`);
}

async function main() {
  let api;
  try {
    ({ api } = await boot());
  } catch (err) {
    fatal($('#form-error'), err);
    return;
  }
  const saved = loadCandidate();
  if (saved && !saved.accessCode) {
    $('#last-name').value = saved.lastName;
    $('#first-name').value = saved.firstName;
    $('#middle-name').value = saved.middleName || '';
    $('#position').value = saved.position;
  }
  $('#test-list').addEventListener('change', () => { updateStudyButton(); updateAccess(); });
  $('#btn-study').addEventListener('click', () => go('study.html'));
  $('#start-form').addEventListener('submit', (e) => { e.preventDefault(); go('test.html'); });
  document.addEventListener('proctor:locale', () => renderTests(tests, selectedTest()?.id));
  try {
    tests = await api.listTests();
    const params = new URLSearchParams(location.search);
    renderTests(Array.isArray(tests) ? tests : [], params.get('test'));
    // The test page sends the candidate back here when the server refused the code: try again.
    if (params.get('codeError') && needsCode(selectedTest())) showError(t('start.codeInvalid'), $('#access-code'));
  } catch (err) {
    fatal($('#form-error'), err);
  }
}

main();
