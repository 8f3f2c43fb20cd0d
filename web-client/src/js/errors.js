// SPDX-License-Identifier: MIT
// What the candidate reads when a server action fails: what failed (the action) and what to do
// (per error code of docs/api.md, in the page's language), with a Retry button where repeating
// can help. Raw browser messages ("Failed to fetch") never reach the page.
import { ApiError } from './api.js';
import { el } from './dom.js';
import { hasText, t } from './i18n.js';

export function explain(err) {
  if (err instanceof ApiError) {
    if (err.status === 0) return t(err.code === 'offline' || !navigator.onLine ? 'error.offline' : 'error.network');
    const key = `error.${err.code}`;
    if (err.code && hasText(key)) {
      return t(key, { field: err.field || '—', seconds: Math.max(1, Math.ceil(err.retryAfterSeconds ?? 5)) });
    }
    return t('error.unknown', { status: err.status });
  }
  if (err?.code && hasText(`error.${err.code}`)) return t(`error.${err.code}`);
  return t('error.unknown', { status: err?.name || '?' });
}

export function describeError(err, actionKey) {
  return [actionKey ? t(actionKey) : '', explain(err)].filter(Boolean).join(' ');
}

// Shows the failure in `target` (a role=alert element). With `retry`, a Retry button repeats the
// action (as often as needed) and takes the keyboard focus so the candidate can press it at once.
// The text is re-rendered on a language switch.
export function showProblem(target, err, actionKey, retry) {
  if (err) console.warn(`[page] ${actionKey || 'error'}:`, err);
  const render = () => {
    const text = el('span', { class: 'problem-text', text: describeError(err, actionKey) });
    const nodes = [text];
    if (retry) {
      nodes.push(' ', el('button', {
        type: 'button',
        class: 'secondary retry',
        text: t('common.retry'),
        onclick: () => {
          clearProblem(target);
          retry();
        },
      }));
    }
    target.replaceChildren(...nodes);
  };
  clearProblem(target);
  render();
  target.hidden = false;
  target.dataset.code = err instanceof ApiError ? (err.code || String(err.status)) : (err?.code || 'error');
  const onLocale = () => render();
  document.addEventListener('proctor:locale', onLocale);
  target._problemOff = () => document.removeEventListener('proctor:locale', onLocale);
  target.querySelector('button.retry')?.focus();
}

export function clearProblem(target) {
  target._problemOff?.();
  target._problemOff = null;
  target.hidden = true;
  target.replaceChildren();
  delete target.dataset.code;
}
