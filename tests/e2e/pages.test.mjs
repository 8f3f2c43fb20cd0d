// SPDX-License-Identifier: MIT
// Static checks of web-client/src that need no browser: every string exists in both languages,
// every data-i18n key used in the HTML exists, the HTML obeys the CSP (no inline script, handler
// or style), no CDN, and the backoff stays within its bounds.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { WEB_CLIENT_DIR } from './lib/deps.mjs';

const SRC = join(WEB_CLIENT_DIR, 'src');
const html = readdirSync(SRC).filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(join(SRC, f), 'utf8')]);
const jsFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? jsFiles(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []));

function i18nTables() {
  const source = readFileSync(join(SRC, 'js', 'i18n.js'), 'utf8');
  const tables = {};
  for (const lang of ['ru', 'en']) {
    const start = source.indexOf(`  ${lang}: {`);
    const end = source.indexOf('\n  },', start);
    tables[lang] = new Set([...source.slice(start, end).matchAll(/^\s+'([\w.]+)':/gm)].map((m) => m[1]));
  }
  return tables;
}

test('every string exists in Russian and English', () => {
  const { ru, en } = i18nTables();
  assert.ok(ru.size > 50);
  assert.deepEqual([...ru].filter((k) => !en.has(k)), []);
  assert.deepEqual([...en].filter((k) => !ru.has(k)), []);
});

test('every key used by the pages exists', () => {
  const { ru } = i18nTables();
  const used = new Set();
  for (const [, text] of html) for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([\w.]+)"/g)) used.add(m[1]);
  for (const file of jsFiles(join(SRC, 'js'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]);
  }
  assert.deepEqual([...used].filter((k) => !ru.has(k)), []);
});

test('the HTML is CSP-clean and loads nothing from another origin', () => {
  for (const [name, text] of html) {
    assert.doesNotMatch(text, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: inline <script>`);
    assert.doesNotMatch(text, /\son[a-z]+\s*=/i, `${name}: inline event handler`);
    assert.doesNotMatch(text, /\sstyle\s*=/i, `${name}: style attribute`);
    assert.doesNotMatch(text, /<style/i, `${name}: <style> element`);
    assert.doesNotMatch(text, /(src|href)="(https?:)?\/\//i, `${name}: another origin`);
  }
  for (const file of jsFiles(join(SRC, 'js'))) {
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''); // code only, not comments
    assert.doesNotMatch(text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/, file);
    assert.doesNotMatch(text, /setAttribute\(\s*'style'/, file);
    assert.doesNotMatch(text, /\b(e|ev|evt|event)\.key\b/, `${file}: reads event.key`);
  }
});

test('backoff grows, is capped, jitters and honours Retry-After', async () => {
  const { nextDelayMs } = await import(pathToFileURL(join(SRC, 'js', 'backoff.js')).href);
  assert.equal(nextDelayMs(0, undefined, () => 0.5), 1000);
  assert.equal(nextDelayMs(3, undefined, () => 0.5), 8000);
  assert.equal(nextDelayMs(20, undefined, () => 0.5), 30000);
  assert.equal(nextDelayMs(0, undefined, () => 0), 500);
  assert.equal(nextDelayMs(0, undefined, () => 0.999999), 1500);
  assert.equal(nextDelayMs(0, 12, () => 0.5), 12000);
});
