// SPDX-License-Identifier: MIT
// The deployment's page configuration, served by the collector at /app-config.json.
let cached = null;

export async function loadConfig() {
  if (cached) return cached;
  const response = await fetch('/app-config.json', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`app-config.json: HTTP ${response.status}`);
  const body = await response.json();
  cached = Object.freeze({
    apiBase: String(body.apiBase || '/api/v1').replace(/\/+$/, ''),
    apiKey: String(body.apiKey || ''),
    defaultLocale: body.defaultLocale === 'en' ? 'en' : 'ru',
  });
  return cached;
}
