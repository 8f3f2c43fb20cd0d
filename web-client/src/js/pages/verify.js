// SPDX-License-Identifier: MIT
// Public verification of a certificate number: valid or revoked, masked holder, test, score, date.
import { boot, fatal, queryParam } from '../boot.js';
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
    for (const id of ['#v-number', '#v-holder', '#v-test', '#v-score', '#v-date']) $(id).textContent = '—';
    $('#v-number').textContent = last.number;
    return;
  }
  const c = last.data;
  const ok = c.valid && !c.revoked;
  status.textContent = t(ok ? 'verify.valid' : 'verify.revoked');
  status.className = `verdict ${ok ? 'good' : 'bad'}`;
  section.dataset.valid = String(ok);
  $('#v-number').textContent = c.number;
  $('#v-holder').textContent = c.holder;
  $('#v-test').textContent = c.testTitle;
  $('#v-score').textContent = `${c.score}%`;
  $('#v-date').textContent = formatDate(c.issuedAt);
}

async function check(number) {
  $('#error').hidden = true;
  try {
    last = { number, data: await api.getCertificate(number) };
  } catch (err) {
    if (err.status === 404) last = { number, notFound: true };
    else { fatal($('#error'), err); return; }
  }
  render();
}

async function main() {
  try {
    ({ api } = await boot());
  } catch (err) {
    fatal($('#error'), err);
    return;
  }
  document.addEventListener('proctor:locale', render);
  $('#verify-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const number = $('#number').value.trim();
    if (!number) return;
    history.replaceState(null, '', `?number=${encodeURIComponent(number)}`);
    check(number);
  });
  const number = queryParam('number');
  if (number) {
    $('#number').value = number;
    await check(number);
  }
}

main();
