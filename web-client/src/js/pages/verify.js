// SPDX-License-Identifier: MIT
// Public verification of a certificate by its number and verification code (both printed on it and inside
// its QR link): valid or revoked (with the day), masked holder, test, the day it was issued. A wrong code
// reads exactly like an unknown number.
import { boot, fatal, queryParam } from '../boot.js';
import { clearProblem, showProblem } from '../errors.js';
import { $ } from '../dom.js';
import { formatDate, t } from '../i18n.js';

let api;
let last = null;

function render() {
  if (!last) return;
  const section = $('#verify-result');
  const status = $('#verify-status');
  section.hidden = false;
  if (last.notFound) {
    status.textContent = t('verify.notFound');
    status.className = 'verdict bad';
    section.dataset.valid = 'false';
    section.dataset.status = 'unknown';
    for (const id of ['#v-number', '#v-holder', '#v-test', '#v-date', '#v-revoked']) $(id).textContent = '—';
    $('#v-number').textContent = last.number;
    return;
  }
  const c = last.data;
  const ok = c.status === 'valid';
  status.textContent = ok ? t('verify.valid') : t('verify.revoked');
  status.className = `verdict ${ok ? 'good' : 'bad'}`;
  section.dataset.valid = String(ok);
  section.dataset.status = c.status;
  $('#v-number').textContent = c.number;
  $('#v-holder').textContent = c.holder;
  $('#v-test').textContent = c.testTitle;
  $('#v-date').textContent = formatDate(c.issuedOn);
  $('#v-revoked').textContent = ok ? t('verify.valid') : t('verify.revokedOn', { date: formatDate(c.revokedOn) });
}

async function check(number, code) {
  clearProblem($('#error'));
  try {
    last = { number, data: await api.getCertificate(number, code) };
  } catch (err) {
    if (err.status === 404) last = { number, notFound: true };
    else {
      showProblem($('#error'), err, 'action.verify', () => check(number, code));
      return;
    }
  }
  render();
}

async function main() {
  try {
    ({ api } = await boot({ titleKeyOnStart: 'title.verify' }));
  } catch (err) {
    fatal($('#error'), err, 'action.config', () => location.reload());
    return;
  }
  document.addEventListener('proctor:locale', render);
  $('#verify-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const number = $('#number').value.trim();
    const code = $('#code').value.trim();
    if (!number) {
      $('#error').hidden = false;
      $('#error').textContent = t('form.missing', { field: t('verify.number') });
      $('#number').setAttribute('aria-invalid', 'true');
      $('#number').focus();
      return;
    }
    $('#number').removeAttribute('aria-invalid');
    history.replaceState(null, '', `?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`);
    check(number, code);
  });
  const number = queryParam('number');
  const code = queryParam('code') || '';
  if (number) {
    $('#number').value = number;
    $('#code').value = code;
    await check(number, code);
  }
}

main();
