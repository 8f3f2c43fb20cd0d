// SPDX-License-Identifier: MIT
// Development stand-in for the collector: serves dist/ with the collector's CSP and a small
// in-memory imitation of /api/v1 (docs/api.md) that validates request bodies against
// shared/contract with ajv. For working on layout without PostgreSQL; the e2e tests use the real
// collector.
//   node scripts/dev-server.mjs [--port 8088] [--test path/to/test-definition.json]
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const contractDir = join(root, '..', 'shared', 'contract');
const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const port = Number(args.port || 8088);

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png' };

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validators = {};
for (const file of existsSync(contractDir) ? readdirSync(contractDir).filter((f) => f.endsWith('.schema.json')) : []) {
  validators[file.replace('.schema.json', '')] = ajv.compile(JSON.parse(readFileSync(join(contractDir, file), 'utf8')));
}

const sample = {
  id: 'demo', title: 'Основы информационной безопасности (демо)', description: 'Демонстрационный тест для разработки страниц.',
  locale: 'ru', passThreshold: 80, questionsPerAttempt: 5, timeLimitSeconds: 900,
  questions: Array.from({ length: 8 }, (_, i) => ({
    id: `q${i + 1}`,
    text: `Вопрос ${i + 1}: какой пароль надёжнее всего защищает учётную запись сотрудника?`,
    options: [{ id: 'a', text: '123456' }, { id: 'b', text: 'Длинная фраза из случайных слов' }, { id: 'c', text: 'Дата рождения' }, { id: 'd', text: 'Имя питомца' }],
    correct: i % 3 === 0 ? ['b', 'd'] : ['b'],
  })),
  study: { modules: [1, 2, 3].map((n) => ({
    id: `m${n}`, title: `Модуль ${n}. Безопасная работа`,
    paragraphs: Array.from({ length: 6 }, (_, k) => `Абзац ${k + 1} модуля ${n}. Информационная безопасность — это сохранение конфиденциальности, целостности и доступности информации. Сотрудник обязан соблюдать правила работы с паролями, носителями и электронной почтой.`),
    selfCheck: [{ id: `m${n}s1`, text: 'Можно ли сообщать пароль коллеге?', options: [{ id: 'a', text: 'Да' }, { id: 'b', text: 'Нет' }], correct: ['b'] }],
  })) },
};
const test = args.test ? JSON.parse(readFileSync(args.test, 'utf8')) : sample;
const sessions = new Map();
const certificates = new Map();
let counter = 0;

const publicQuestion = (q) => ({ id: q.id, text: q.text, multiple: q.correct.length > 1, options: q.options });
const publicStudy = (s) => s && { modules: s.modules.map((m) => ({ ...m, selfCheck: (m.selfCheck || []).map((q) => ({ ...q })) })) };

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
const error = (res, status, code, message, field) => send(res, status, { error: { code, message, ...(field ? { field } : {}) } });

function check(res, name, body) {
  const v = validators[name];
  if (!v || v(body)) return true;
  const e = v.errors[0];
  error(res, 400, 'validation_failed', `${e.instancePath} ${e.message}`, e.instancePath);
  return false;
}

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return JSON.parse(raw || 'null');
}

async function api(req, res, path) {
  const session = () => sessions.get(req.headers['x-session-token']);
  if (req.method === 'GET' && path === '/tests') {
    return send(res, 200, [{ id: test.id, title: test.title, description: test.description, questionsPerAttempt: test.questionsPerAttempt, timeLimitSeconds: test.timeLimitSeconds, passThreshold: test.passThreshold, hasStudy: !!test.study }]);
  }
  if (req.method === 'POST' && path === '/sessions') {
    const body = await readJson(req);
    if (!check(res, 'session-start', body)) return undefined;
    const id = randomUUID();
    const token = randomUUID();
    const drawn = [...test.questions].sort(() => Math.random() - 0.5).slice(0, test.questionsPerAttempt);
    sessions.set(token, { id, body, drawn, events: new Map(), result: null });
    return send(res, 201, {
      sessionId: id, token, expiresAt: new Date(Date.now() + 4 * 3600e3).toISOString(), startedAt: new Date().toISOString(),
      test: { id: test.id, title: test.title, timeLimitSeconds: test.timeLimitSeconds, passThreshold: test.passThreshold, questions: body.kind === 'test' ? drawn.map(publicQuestion) : [] },
      ...(body.kind === 'study' ? { study: publicStudy(test.study) } : {}),
    });
  }
  if (req.method === 'POST' && path === '/events') {
    const s = session();
    if (!s) return error(res, 401, 'invalid_token', 'bad token');
    const body = await readJson(req);
    if (!check(res, 'event-batch', body)) return undefined;
    let accepted = 0;
    for (const e of body.events) if (!s.events.has(e.eventId)) { s.events.set(e.eventId, e); accepted += 1; }
    console.log(`events ${s.id.slice(0, 8)}: +${accepted} (${body.events.map((e) => e.type).join(',')})`);
    return send(res, 200, { accepted, duplicates: body.events.length - accepted });
  }
  const m = /^\/sessions\/([^/]+)\/result$/.exec(path);
  if (req.method === 'POST' && m) {
    const s = session();
    if (!s || s.id !== m[1]) return error(res, 403, 'forbidden_session', 'token of another session');
    const body = await readJson(req);
    if (!check(res, 'result-submission', body)) return undefined;
    if (s.result) return send(res, 200, s.result);
    const answers = new Map(body.answers.map((a) => [a.questionId, [...a.optionIds].sort().join()]));
    const correct = s.drawn.filter((q) => answers.get(q.id) === [...q.correct].sort().join()).length;
    const score = Math.round((correct / s.drawn.length) * 100);
    const passed = score >= test.passThreshold;
    const grade = score >= 90 ? { number: 5, key: 'excellent' } : score >= 80 ? { number: 4, key: 'good' } : score >= 70 ? { number: 3, key: 'satisfactory' } : score >= 60 ? { number: 2, key: 'unsatisfactory' } : { number: 2, key: 'poor' };
    let certificate = null;
    if (passed) {
      const d = new Date();
      const number = `${String(d.getUTCFullYear()).slice(2)}/${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(++counter).padStart(4, '0')}`;
      certificate = { number, issuedAt: d.toISOString(), verifyUrl: `http://127.0.0.1:${port}/verify.html?number=${encodeURIComponent(number)}` };
      const c = s.body.candidate;
      certificates.set(number, { number, valid: true, revoked: false, holder: `${c.lastName} ${c.firstName[0]}.${c.middleName ? ` ${c.middleName[0]}.` : ''}`, testTitle: test.title, score, issuedAt: certificate.issuedAt });
    }
    s.result = { sessionId: s.id, score, correct, total: s.drawn.length, passed, grade, certificate };
    return send(res, 201, s.result);
  }
  const c = /^\/certificates\/(.+)$/.exec(path);
  if (req.method === 'GET' && c) {
    const cert = certificates.get(decodeURIComponent(c[1]));
    return cert ? send(res, 200, cert) : error(res, 404, 'not_found', 'unknown certificate');
  }
  return error(res, 404, 'not_found', 'no route');
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  try {
    if (url.pathname === '/app-config.json') return send(res, 200, { apiBase: '/api/v1', apiKey: 'dev-key', defaultLocale: 'ru' });
    if (url.pathname.startsWith('/api/v1/')) return await api(req, res, url.pathname.slice(7));
    if (url.pathname === '/__dev/events') {
      // Development aid: what this stand-in "stored" for a session, in seq order.
      const s = [...sessions.values()].find((x) => x.id === url.searchParams.get('session'));
      return send(res, 200, s ? [...s.events.values()].sort((a, b) => a.seq - b.seq) : []);
    }
    if (url.pathname === '/__dev/result') {
      const s = [...sessions.values()].find((x) => x.id === url.searchParams.get('session'));
      return send(res, 200, s?.result ?? null);
    }
    const file = normalize(join(dist, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!file.startsWith(dist) || !existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' });
    return res.end(readFileSync(file));
  } catch (err) {
    console.error(err);
    return error(res, 500, 'internal', String(err));
  }
}).listen(port, '127.0.0.1', () => console.log(`dev server on http://127.0.0.1:${port}`));
