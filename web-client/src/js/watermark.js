// SPDX-License-Identifier: MIT
// The watermark over the test and study pages (as the original had): the candidate's name, the
// first 8 characters of the session and the date and time the page opened, tiled across the
// viewport. It takes no input (pointer-events: none), is hidden from screen readers and shows in
// any photo or screenshot of the screen. The text is drawn by CSS (::before from data-text), not put
// in the DOM: it is decoration, so it stays out of copied text and out of contrast checks, which
// would otherwise judge a deliberately faint overlay as body text.
import { fullName } from './candidate.js';
import { el } from './dom.js';

const TILES = 24;

export function showWatermark(session, host = document.getElementById('watermark')) {
  if (!host || !session) return;
  const name = fullName(session.candidate || {}) || '—';
  const when = new Date().toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'ru-RU',
    { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const text = `${name} · ${session.sessionId.slice(0, 8)} · ${when}`;
  host.dataset.text = text;
  host.replaceChildren(...Array.from({ length: TILES }, () => el('span', { class: 'watermark-tile', 'data-text': text })));
  host.hidden = false;
}
