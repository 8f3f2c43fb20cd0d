// SPDX-License-Identifier: MIT
// Validates every request body the page sends to /api/v1 against shared/contract/*.schema.json
// (the same files the collector validates with valijson) and keeps what was sent for assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, addFormats, SOURCE_DIR } from './deps.mjs';

const CONTRACT_DIR = join(SOURCE_DIR, 'shared', 'contract');

export function loadValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compile = (name) => ajv.compile(JSON.parse(readFileSync(join(CONTRACT_DIR, `${name}.schema.json`), 'utf8')));
  return {
    sessionStart: compile('session-start'),
    eventBatch: compile('event-batch'),
    resultSubmission: compile('result-submission'),
  };
}

const validators = loadValidators();

function schemaFor(method, path) {
  if (method !== 'POST') return null;
  if (path === '/api/v1/sessions') return ['session-start', validators.sessionStart];
  if (path === '/api/v1/events') return ['event-batch', validators.eventBatch];
  if (/^\/api\/v1\/sessions\/[^/]+\/result$/.test(path)) return ['result-submission', validators.resultSubmission];
  return ['unknown', null];
}

// Listens on the whole browser context, so pages opened later are covered too.
export function recordApi(context) {
  const rec = {
    validated: 0,
    errors: [],
    sessionStarts: [],
    batches: [],
    results: [],
    sends: new Map(), // eventId -> how many times it was sent
    events: new Map(), // eventId -> event as first sent
    acknowledged: { accepted: 0, duplicates: 0 }, // sums of the collector's answers to /events
  };
  context.on('response', async (response) => {
    if (!response.url().endsWith('/api/v1/events') || response.status() !== 200) return;
    try {
      const body = await response.json();
      rec.acknowledged.accepted += body.accepted;
      rec.acknowledged.duplicates += body.duplicates;
    } catch { /* the page may have gone away */ }
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/')) return;
    const schema = schemaFor(request.method(), url.pathname);
    if (!schema) return;
    const [name, validate] = schema;
    let body;
    try {
      body = request.postDataJSON();
    } catch (err) {
      rec.errors.push(`${url.pathname}: body is not JSON (${err.message})`);
      return;
    }
    if (!validate) {
      rec.errors.push(`${request.method()} ${url.pathname}: no contract schema for this request`);
      return;
    }
    rec.validated += 1;
    if (!validate(body)) {
      rec.errors.push(`${name}: ${validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
    }
    if (name === 'session-start') rec.sessionStarts.push(body);
    if (name === 'result-submission') rec.results.push({ path: url.pathname, body });
    if (name === 'event-batch') {
      rec.batches.push(body);
      for (const e of body.events ?? []) {
        rec.sends.set(e.eventId, (rec.sends.get(e.eventId) || 0) + 1);
        if (!rec.events.has(e.eventId)) rec.events.set(e.eventId, { ...e, sessionId: body.sessionId });
      }
    }
  });
  return rec;
}

export function eventIdsOf(rec, sessionId) {
  return [...rec.events.values()].filter((e) => e.sessionId === sessionId).map((e) => e.eventId);
}
