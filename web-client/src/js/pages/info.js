// SPDX-License-Identifier: MIT
// Information page of a test (the original's infographic pages): key facts with images, shown before the
// study material. The content is data, one file per test: info/<testId>.json with a "ru" and an "en"
// version ({title, lead, facts: [{image, title, text}]}); a test without the file goes straight to study.
import { boot, fatal, queryParam, setPageTitle } from '../boot.js';
import { $, el } from '../dom.js';
import { locale, t } from '../i18n.js';

let content = null;

export async function loadInfo(testId) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(testId || '')) return null;
  const response = await fetch(`info/${encodeURIComponent(testId)}.json`, { cache: 'no-cache', credentials: 'same-origin' });
  if (response.status === 404) return null;
  if (!response.ok) throw Object.assign(new Error(`info: HTTP ${response.status}`), { code: 'unavailable' });
  return response.json();
}

function render() {
  if (!content) return;
  const c = content[locale()] ?? content.ru;
  $('#info-title').textContent = c.title;
  $('#page-title').textContent = c.title;
  $('#info-lead').textContent = c.lead || '';
  $('#info-facts').replaceChildren(...(c.facts ?? []).map((f) => el('li', { class: 'card info-fact' },
    // The images illustrate the fact's title, which is read right after them.
    el('img', { src: f.image, alt: '', width: 64, height: 64 }),
    el('h3', { text: f.title }),
    el('p', { text: f.text }))));
  setPageTitle('title.info', { test: c.title });
  $('#info').hidden = false;
}

async function main() {
  try {
    await boot({ titleKeyOnStart: 'start.info' });
  } catch (err) {
    fatal($('#error'), err, 'action.config', () => location.reload());
    return;
  }
  const testId = queryParam('test') || '';
  $('#to-study').href = `study.html?test=${encodeURIComponent(testId)}`;
  $('#to-test').href = `test.html?test=${encodeURIComponent(testId)}`;
  try {
    content = await loadInfo(testId);
  } catch (err) {
    fatal($('#error'), err, null, () => location.reload());
    return;
  }
  if (!content) {
    // Nothing to show before the study material.
    location.replace($('#to-study').href);
    return;
  }
  render();
  document.addEventListener('proctor:locale', render);
  $('#to-study').focus({ preventScroll: true });
}

main();
