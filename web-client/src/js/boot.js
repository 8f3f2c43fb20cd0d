// SPDX-License-Identifier: MIT
// What every page does first: read /app-config.json, pick the language, translate the static
// markup and wire the language switch.
import { ApiClient } from './api.js';
import { loadConfig } from './config.js';
import { applyI18n, bindLocaleSwitch, initLocale, t } from './i18n.js';

export async function boot() {
  let config;
  try {
    config = await loadConfig();
  } catch (err) {
    initLocale('ru');
    applyI18n(document);
    throw err;
  }
  initLocale(config.defaultLocale);
  applyI18n(document);
  bindLocaleSwitch();
  return { config, api: new ApiClient(config) };
}

export function fatal(target, err) {
  console.error(err);
  target.hidden = false;
  target.textContent = t('common.error', { message: err?.message || String(err) });
}

export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}
