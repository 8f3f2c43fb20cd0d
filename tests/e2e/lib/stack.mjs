// SPDX-License-Identifier: MIT
// The real server side for the e2e suite: a database of its own in the throwaway PostgreSQL that
// `make test` started, the collector binary migrated, seeded and serving web-client/dist on a free
// port. Also psql helpers to check what was stored.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SOURCE_DIR, WEB_CLIENT_DIR } from './deps.mjs';

const run = promisify(execFile);

// tests/run.sh exports PROCTOR_ARTIFACTS_DIR (build/test-artifacts); screenshots, the PDF and the
// collector log go into its e2e-web/ folder.
export const ARTIFACTS_DIR = join(process.env.PROCTOR_ARTIFACTS_DIR || join(SOURCE_DIR, 'build-web'), 'e2e-web');
export const SEEDS = ['infosec-basics.json', 'personal-data.json'].map((f) => join(SOURCE_DIR, 'db', 'seed', f));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`make test\` / ctest -L e2e (see tests/e2e/README.md)`);
  return value;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function psql(url, sql) {
  const { stdout } = await run('psql', [url, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/\n$/, '');
}

export async function psqlJson(url, sql) {
  const out = await psql(url, `select coalesce(json_agg(t), '[]'::json) from (${sql}) t`);
  return JSON.parse(out);
}

function withDatabase(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function collector(bin, args, env) {
  try {
    const { stdout } = await run(bin, args, { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    throw new Error(`${bin} ${args.join(' ')} failed (${err.code}): ${err.stderr || err.message}`);
  }
}

async function waitReady(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`collector exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`collector not ready after ${timeoutMs} ms: ${last}`);
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

// `make build` already builds dist/ (target web); build here only when it is missing or older than
// a file of web-client/src, e.g. when the suite is run by hand after editing the pages.
export async function buildWebClient() {
  const built = join(WEB_CLIENT_DIR, 'dist', 'test.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(join(WEB_CLIENT_DIR, 'src'))) return;
  if (!existsSync(join(WEB_CLIENT_DIR, 'node_modules', 'jspdf'))) {
    throw new Error('web-client/node_modules is missing: run `npm ci` in web-client');
  }
  await run(process.execPath, [join(WEB_CLIENT_DIR, 'scripts', 'build.mjs')]);
}

// extraTests: more test definition files to import after the seeds (e.g. a variant with a short
// time limit written by a scenario file); logName: the collector log's file in ARTIFACTS_DIR, one
// per scenario file so that a later file does not overwrite an earlier one's.
export async function startStack({ extraTests = [], logName = 'collector.log' } = {}) {
  const adminUrl = required('PROCTOR_TEST_PG_ADMIN_URL');
  const redisUrl = required('PROCTOR_TEST_REDIS_URL');
  const bin = required('PROCTOR_COLLECTOR_BIN');
  for (const seed of SEEDS) if (!existsSync(seed)) throw new Error(`seed file missing: ${seed}`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await buildWebClient();

  const dbName = `e2e_${randomBytes(6).toString('hex')}`;
  await psql(adminUrl, `CREATE DATABASE ${dbName}`);
  const dbUrl = withDatabase(adminUrl, dbName);
  const env = { PROCTOR_DATABASE_URL: dbUrl, PROCTOR_REDIS_URL: redisUrl, PROCTOR_LOG_FORMAT: 'text' };

  let child = null;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    await psql(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err) => console.error(`drop ${dbName}: ${err.message}`));
  };

  try {
    await collector(bin, ['migrate'], env);
    for (const file of [...SEEDS, ...extraTests]) await collector(bin, ['import-test', file], env);
    const apiKey = (await collector(bin, ['create-apikey', '--name', 'page', '--scopes', 'tests:read,sessions:write'], env)).trim().split('\n').pop().trim();
    if (!apiKey) throw new Error('create-apikey printed no key');

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const log = join(ARTIFACTS_DIR, logName);
    const out = createWriteStream(log);
    child = spawn(bin, ['serve'], {
      env: {
        ...process.env,
        ...env,
        PROCTOR_HTTP_ADDR: `127.0.0.1:${port}`,
        PROCTOR_WEB_ROOT: join(WEB_CLIENT_DIR, 'dist'),
        PROCTOR_PAGE_API_KEY: apiKey,
        PROCTOR_PUBLIC_URL: baseUrl,
        PROCTOR_SESSION_SECRET: randomBytes(32).toString('hex'),
        // One browser on one address sends everything; the limits are not under test here.
        PROCTOR_RATE_LIMIT_PER_KEY: '100000',
        PROCTOR_RATE_LIMIT_PER_ADDRESS: '100000',
        // The same headless browser (one fingerprint) starts many sessions from one address.
        PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_BURST: '100000',
        PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_ADDRESS_PER_MINUTE: '100000',
        PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_BURST: '100000',
        PROCTOR_RATE_LIMIT_SESSION_STARTS_PER_DEVICE_PER_HOUR: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    await waitReady(baseUrl, child, 30000);
    // A proctor account for the admin API (the password goes through stdin, as the CLI requires).
    const createAdmin = (email, password, role = 'proctor') =>
      new Promise((resolve, reject) => {
        const p = spawn(bin, ['create-admin', '--email', email, '--role', role], { env: { ...process.env, ...env } });
        let output = '';
        p.stdout.on('data', (d) => { output += d; });
        p.stderr.on('data', (d) => { output += d; });
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`create-admin failed (${code}): ${output}`))));
        p.stdin.end(`${password}\n`);
      });
    return { baseUrl, dbUrl, apiKey, log, stop, createAdmin };
  } catch (err) {
    await stop();
    throw err;
  }
}

// The answer key, read from the seed file (the page never receives it).
export function answerKey(seedFile) {
  const test = JSON.parse(readFileSync(seedFile, 'utf8'));
  return { test, correct: new Map(test.questions.map((q) => [q.id, [...q.correct].sort()])) };
}
