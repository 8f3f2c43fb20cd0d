// SPDX-License-Identifier: MIT
// Thin client of the collector's /api/v1 (docs/api.md). It knows URLs, headers and the error
// envelope; retry policy belongs to the outbox.

export class ApiError extends Error {
  constructor(status, code, message, field, retryAfterSeconds) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status; // 0 = the request never got an HTTP answer (network error)
    this.code = code || '';
    this.field = field || '';
    this.retryAfterSeconds = retryAfterSeconds;
  }

  // Network errors, timeouts, rate limiting and "try later" are worth repeating; any other 4xx
  // means the page sent something the contract forbids and repeating it cannot help.
  get retryable() {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

function parseRetryAfter(value) {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

export class ApiClient {
  constructor(config) {
    this.base = config.apiBase;
    this.apiKey = config.apiKey;
  }

  async request(method, path, { body, apiKey = false, token, timeoutMs = 15000 } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (apiKey) headers['X-API-Key'] = this.apiKey;
    if (token) headers['X-Session-Token'] = token;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch (err) {
      throw new ApiError(0, 'network', err?.message || 'network error');
    } finally {
      clearTimeout(timer);
    }
    let data = null;
    const text = await response.text().catch(() => '');
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (!response.ok) {
      const e = data?.error || {};
      throw new ApiError(response.status, e.code, e.message || text.slice(0, 200), e.field,
        parseRetryAfter(response.headers.get('Retry-After')));
    }
    return { status: response.status, data };
  }

  async listTests() {
    return (await this.request('GET', '/tests', { apiKey: true })).data;
  }

  // The positions the registration form offers (an administrator's list) and whether others may be typed.
  async getPositions() {
    return (await this.request('GET', '/positions', { apiKey: true })).data;
  }

  async getTest(testId) {
    return (await this.request('GET', `/tests/${encodeURIComponent(testId)}`, { apiKey: true })).data;
  }

  async startSession(payload) {
    return (await this.request('POST', '/sessions', { body: payload, apiKey: true })).data;
  }

  async postEvents(sessionId, token, events) {
    return (await this.request('POST', '/events', { body: { sessionId, events }, token })).data;
  }

  async submitResult(sessionId, token, payload) {
    return (await this.request('POST', `/sessions/${encodeURIComponent(sessionId)}/result`,
      { body: payload, token, timeoutMs: 30000 })).data;
  }

  async getCertificate(number, code) {
    return (await this.request('GET',
      `/certificates/${encodeURIComponent(number)}?code=${encodeURIComponent(code ?? '')}`)).data;
  }

  // What the certificate prints about the organisation (public subset, page key).
  async getCertificateSettings() {
    return (await this.request('GET', '/certificate-settings/public', { apiKey: true })).data;
  }
}
