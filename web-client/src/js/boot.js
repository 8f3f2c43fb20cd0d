// SPDX-License-Identifier: MIT
// What every page does first: read /app-config.json, pick the language, translate the static
// markup, wire the language switch, and send whatever earlier sessions of this browser left in
// the outbox (a tab closed while offline), whichever page the candidate opens next.
import { ApiClient } from './api.js';
import { loadConfig } from './config.js';
import { showProblem } from './errors.js';
import { applyI18n, bindLocaleSwitch, initLocale, t } from './i18n.js';
import { deliverLeftovers } from './leftovers.js';

let titleKey = null;
let titleParams = {};

// The tab's title says where the candidate is ("Вопрос 3 из 20: <test> — Proctor").
export function setPageTitle(key, params = {}) {
  titleKey = key;
  titleParams = params;
  document.title = `${t(key, params)} — ${t('title.suffix')}`;
}

export async function boot({ titleKeyOnStart = null } = {}) {
  let config;
  try {
    config = await loadConfig();
  } catch (err) {
    initLocale('ru');
    applyI18n(document);
    if (titleKeyOnStart) setPageTitle(titleKeyOnStart);
    throw Object.assign(err, { code: 'config' });
  }
  initLocale(config.defaultLocale);
  applyI18n(document);
  bindLocaleSwitch();
  if (titleKeyOnStart) setPageTitle(titleKeyOnStart);
  document.addEventListener('proctor:locale', () => { if (titleKey) setPageTitle(titleKey, titleParams); });
  const api = new ApiClient(config);
  deliverLeftovers(api).catch((err) => console.warn('[outbox] leftovers', err));
  return { config, api };
}

export function fatal(target, err, actionKey = null, retry = null) {
  showProblem(target, err, actionKey, retry);
}

export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}
