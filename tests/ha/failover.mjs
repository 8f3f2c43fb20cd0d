// SPDX-License-Identifier: MIT
// The failover test of `make test-ha` (tests/ha/run.sh starts the stack and passes its layout in HA_CONFIG):
// clients post event batches to two real collectors without pause, each batch retried until acknowledged
// (as the candidate page does); meanwhile the PostgreSQL primary's machine is lost (SIGKILL of its Patroni,
// its PostgreSQL processes and its etcd member), then the Redis master is SIGKILLed. Checked: every
// acknowledged event is stored exactly once, nothing but 200 or 503 + Retry-After is answered, the
// collectors stay up and resume by themselves; the seconds to resume are measured. JSON summary on stdout
// and in ARTIFACTS/summary.json. Last, the lost machine returns and the primary is switched back to it.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cfg = JSON.parse(readFileSync(process.env.HA_CONFIG, 'utf8'));
const CLIENTS = Number(process.env.PROCTOR_HA_CLIENTS || 8);
const BATCH = 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now();
const t0 = now();
const say = (msg) => console.error(`[failover ${((now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}`);
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  say(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

async function getJson(url, timeoutMs = 1000) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, body: await r.json().catch(() => null) };
  } catch {
    return { status: 0, body: null };
  }
}

async function until(probe, timeoutMs, what, intervalMs = 100) {
  const deadline = now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// --- load -----------------------------------------------------------------------------------------------------
async function startSession() {
  // The position must be one the deployment lists (GET /api/v1/positions, seeded by the migrations).
  const listed = await fetch(`${cfg.collectors[0]}/api/v1/positions`, { headers: { 'X-API-Key': cfg.apiKey } });
  const position = (await listed.json()).positions?.[0];
  if (typeof position !== 'string') throw new Error(`no position listed (${listed.status})`);
  const r = await fetch(`${cfg.collectors[0]}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': cfg.apiKey },
    body: JSON.stringify({
      testId: 'infosec-basics', kind: 'test', locale: 'ru',
      candidate: { lastName: 'Отказоустойчивый', firstName: 'Тест', position },
      persistentId: randomUUID(),
      fingerprint: { privacySafeHash: '0'.repeat(64), attributes: {} },
    }),
  });
  if (r.status !== 201) throw new Error(`session start: ${r.status} ${await r.text()}`);
  const body = await r.json();
  return { sessionId: body.sessionId, token: body.token };
}

const load = {
  made: new Set(), acked: new Set(), seq: 0, stopping: false,
  responses: [], // {sent, at, status, retryAfter}
  missingRetryAfter: 0,
};

async function client(index, session) {
  const base = cfg.collectors[index % cfg.collectors.length];
  const newBatch = () => {
    const events = Array.from({ length: BATCH }, () => {
      const eventId = randomUUID();
      load.made.add(eventId);
      return { eventId, seq: load.seq++, type: 'focus_loss', clientTs: new Date().toISOString(), details: {} };
    });
    return { ids: events.map((e) => e.eventId), body: JSON.stringify({ sessionId: session.sessionId, events }) };
  };
  let batch = newBatch();
  while (batch) {
    const sent = now();
    let status = 0;
    let retryAfter = null;
    try {
      const r = await fetch(`${base}/api/v1/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Session-Token': session.token },
        body: batch.body,
        signal: AbortSignal.timeout(10000),
      });
      status = r.status;
      retryAfter = r.headers.get('retry-after');
      await r.arrayBuffer();
    } catch {
      status = 0; // no answer: connection refused (collector gone) or no reply within 10 s
    }
    load.responses.push({ sent, at: now(), status, retryAfter });
    if (status === 200) {
      for (const id of batch.ids) load.acked.add(id);
      batch = load.stopping ? null : newBatch();
      continue;
    }
    let waitMs = 100;
    if (status === 503 || status === 429) {
      if (retryAfter === null) load.missingRetryAfter += 1;
      // Honour Retry-After, capped: the test measures recovery to a fraction of a second.
      waitMs = Math.min(Number(retryAfter || 1) * 1000, 250);
    }
    await sleep(waitMs);
  }
}

function statusCounts(from, to = Infinity) {
  const counts = {};
  for (const r of load.responses) if (r.at >= from && r.at <= to) counts[r.status] = (counts[r.status] || 0) + 1;
  return counts;
}

// Resumed: the first acknowledgement of a request sent after the outage began (after the kill, and after
// the first refusal if there was one: a request in flight at the kill may still have committed).
function resumedAt(killAt) {
  const firstRefusal = load.responses.filter((r) => r.at >= killAt && r.status !== 200).reduce((m, r) => Math.min(m, r.at), Infinity);
  const from = Number.isFinite(firstRefusal) ? firstRefusal : killAt;
  const ok = load.responses.filter((r) => r.status === 200 && r.sent >= from).reduce((m, r) => Math.min(m, r.at), Infinity);
  return { firstRefusal: Number.isFinite(firstRefusal) ? firstRefusal : null, resumed: Number.isFinite(ok) ? ok : null };
}

// --- faults ------------------------------------------------------------------------------------------------------
function childrenOf(pid) {
  const kids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch { /* gone */ }
  }
  return kids;
}
const kill = (pid) => { try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ } };

async function clusterState(node) {
  const r = await getJson(`${node.rest}/cluster`);
  return r.body?.members ?? null;
}

const isUp = (m) => ['running', 'streaming'].includes(m.state);

async function loseThePrimaryMachine() {
  const leader = await until(async () => {
    for (const node of cfg.patroni) if ((await getJson(`${node.rest}/primary`)).status === 200) return node;
    return null;
  }, 10000, 'a Patroni leader');
  const survivors = cfg.patroni.filter((n) => n !== leader);
  const members = await clusterState(survivors[0]);
  const sync = members?.find((m) => m.role === 'sync_standby' && isUp(m));
  const asyncReplica = survivors.find((n) => n.name !== sync?.name);
  check(Boolean(sync) && members.filter((m) => m.name !== leader.name && isUp(m)).length === survivors.length,
    `${sync?.name} is the synchronous standby and ${asyncReplica?.name} a replica before the kill`);
  const postmaster = Number(readFileSync(join(leader.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const backends = childrenOf(postmaster);
  say(`SIGKILL: ${leader.name}'s Patroni (${leader.pid}), postmaster (${postmaster}) + ${backends.length} children, etcd member (${leader.etcdPid})`);
  const killAt = now();
  // The machine is gone at once: nothing of it may run on (a backend of a dead postmaster could still commit).
  kill(leader.pid);
  kill(postmaster);
  for (const pid of backends) kill(pid);
  kill(leader.etcdPid);
  const [promoted, promotedNode] = await until(async () => {
    for (const node of survivors) if ((await getJson(`${node.rest}/primary`)).status === 200) return [now(), node];
    return null;
  }, 90000, 'a survivor to be promoted');
  say(`${promotedNode.name} promoted after ${((promoted - killAt) / 1000).toFixed(1)} s`);
  // Only the synchronous standby holds every acknowledged commit: Patroni must pick it, not the other replica.
  check(promotedNode.name === sync?.name, `the synchronous standby ${sync?.name} was promoted (${promotedNode.name})`);
  const ready = await until(async () => {
    const all = await Promise.all(cfg.collectors.map((c) => getJson(`${c}/readyz`)));
    return all.every((r) => r.status === 200) ? now() : null;
  }, 60000, 'both collectors ready again');
  await until(() => resumedAt(killAt).resumed, 60000, 'ingest to resume');
  // With three nodes a second copy remains after the loss: the other replica follows the new primary and
  // becomes its synchronous standby, so a commit acknowledged from now on also survives the next loss.
  const other = survivors.find((n) => n !== promotedNode);
  const syncAgain = await until(async () => {
    const m = await clusterState(promotedNode);
    return m?.some((x) => x.name === other.name && x.role === 'sync_standby' && isUp(x)) ? now() : null;
  }, 90000, `${other.name} to become the new primary's synchronous standby`, 250);
  say(`${other.name} is the synchronous standby of ${promotedNode.name} after ${((syncAgain - killAt) / 1000).toFixed(1)} s`);
  return { killed: leader.name, promoted: promotedNode.name, syncStandbyAfter: other.name, killAt, promotedAt: promoted, readyAt: ready, syncAgainAt: syncAgain };
}

async function redisInfo(port, section) {
  const { stdout } = await run('redis-cli', ['-p', String(port), 'info', section]);
  return Object.fromEntries(stdout.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}
async function evalCalls(port) {
  const stats = await redisInfo(port, 'commandstats');
  const m = /calls=(\d+)/.exec(stats.cmdstat_eval || '');
  return m ? Number(m[1]) : 0;
}

async function loseTheRedisMaster() {
  const { stdout } = await run('redis-cli', ['-p', String(cfg.sentinelPorts[0]), 'sentinel', 'get-master-addr-by-name', 'proctor']);
  const masterPort = Number(stdout.trim().split('\n')[1]);
  const master = cfg.redis.find((r) => r.port === masterPort);
  const replica = cfg.redis.find((r) => r !== master);
  const pid = Number(readFileSync(master.pidFile, 'utf8').trim());
  say(`SIGKILL: Redis master :${master.port} (${pid})`);
  const killAt = now();
  kill(pid);
  let sawDegraded = false;
  const promoted = await until(async () => {
    const all = await Promise.all(cfg.collectors.map((c) => getJson(`${c}/readyz`, 500)));
    if (all.some((r) => r.status !== 200)) sawDegraded = true;
    const info = await redisInfo(replica.port, 'replication').catch(() => ({}));
    return info.role === 'master' ? now() : null;
  }, 60000, `the replica :${replica.port} to be promoted`);
  say(`replica :${replica.port} promoted by Sentinel after ${((promoted - killAt) / 1000).toFixed(1)} s`);
  // The collectors are back on Redis when /readyz says so and their rate-limit scripts run on the new master.
  const before = await evalCalls(replica.port);
  const ready = await until(async () => {
    const all = await Promise.all(cfg.collectors.map((c) => getJson(`${c}/readyz`, 500)));
    if (all.some((r) => r.status !== 200)) { sawDegraded = true; return null; }
    return (await evalCalls(replica.port)) > before + 10 ? now() : null;
  }, 60000, 'both collectors to use the new Redis master');
  return { killed: `:${master.port}`, promoted: `:${replica.port}`, killAt, promotedAt: promoted, readyAt: ready, sawDegraded };
}

// The lost machine comes back (its etcd member, then its Patroni: pg_rewind makes the old primary a
// replica), and once it streams again the primary is moved, with the control panel's `make switchover`
// (installer/ha/clusterctl.sh) and still under load, to the synchronous standby (Patroni's synchronous mode
// only switches over to that one).
function startAgain(name, command, args, log, cwd, env = {}) {
  const out = openSync(log, 'a');
  // Not this process's PGPASSWORD (the collector role's, for the checks): libpq prefers it to the passfile
  // Patroni writes, so the walreceiver and pg_rewind would log in as replicator/rewinder with it and fail.
  const { PGPASSWORD, REDISCLI_AUTH, ...clean } = process.env;
  const child = spawn(command, args, { cwd, env: { ...clean, ...env }, stdio: ['ignore', out, out], detached: true });
  child.unref();
  appendFileSync(cfg.pidsFile, `${name} ${child.pid}\n`); // run.sh stops it with the rest
  return child.pid;
}

async function rejoinAndSwitchBack(pg) {
  const old = cfg.patroni.find((n) => n.name === pg.killed);
  const cur = cfg.patroni.find((n) => n.name === pg.promoted);
  say(`${old.name}'s machine back: etcd member, then Patroni`);
  const backAt = now();
  startAgain(`etcd-${old.name}-again`, 'etcd', ['--config-file', old.etcdConfig], join(old.home, '..', `etcd${old.name.slice(2)}`, 'etcd.log'), old.home);
  const [asPg, ...asPgArgs] = cfg.asPostgres.length ? cfg.asPostgres : ['patroni'];
  const patroniArgs = cfg.asPostgres.length ? [...asPgArgs, 'patroni', old.config] : [old.config];
  startAgain(`patroni-${old.name}-again`, asPg, patroniArgs, join(old.home, 'patroni.log'), old.home, { HOME: old.home });
  const rejoined = await until(async () => {
    const members = await clusterState(cur);
    return members?.some((m) => m.name === old.name && m.role !== 'leader' && isUp(m)) ? now() : null;
  }, 180000, `${old.name} to rejoin as a replica`, 250);
  say(`${old.name} is a replica again after ${((rejoined - backAt) / 1000).toFixed(1)} s`);
  await sleep(2000);
  const syncName = (await clusterState(cur))?.find((m) => m.role === 'sync_standby' && isUp(m))?.name;
  const target = cfg.patroni.find((n) => n.name === syncName);
  check(Boolean(target), `a synchronous standby to switch over to (${target?.name})`);

  // Patroni's REST API changes nothing for a caller without its password (the control panel has it).
  const anonymous = await fetch(`${cur.rest}/switchover`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ leader: cur.name, candidate: target.name }),
  });
  check(anonymous.status === 401, `a switchover without Patroni's REST password is refused (${anonymous.status})`);
  say(`planned switchover to ${target.name}: clusterctl.sh switchover ${target.name}`);
  const switchAt = now();
  const { stdout } = await run('bash', [cfg.clusterctl, 'switchover', target.name], {
    env: { ...process.env, PROCTOR_PATRONI_CONFIG: cur.config },
  });
  say(`patronictl: ${stdout.trim().split('\n').filter((l) => /switch|Success|leader/i.test(l)).join(' | ')}`);
  const switched = await until(async () => ((await getJson(`${target.rest}/primary`)).status === 200 ? now() : null), 60000, `${target.name} to lead`);
  const ready = await until(async () => {
    const all = await Promise.all(cfg.collectors.map((c) => getJson(`${c}/readyz`)));
    return all.every((r) => r.status === 200) ? now() : null;
  }, 60000, 'both collectors ready after the switchover');
  await until(() => resumedAt(switchAt).resumed, 60000, 'ingest to resume after the switchover');
  return { rejoinedAfter: secs(backAt, rejoined), switchedTo: target.name, switchAt, switchedAt: switched, readyAt: ready };
}

// --- review reads from the replicas ------------------------------------------------------------------------------
// One collector has PROCTOR_REVIEW_DATABASE_URL on HAProxy's replica frontend: its review pages must answer,
// and from a replica (its connections show up in a replica's pg_stat_activity; nothing else connects to a
// replica as the application role).
async function replicaConnections() {
  let n = 0;
  for (const node of cfg.patroni) {
    if ((await getJson(`${node.rest}/replica`)).status !== 200) continue;
    const r = await run('psql', [`postgresql://proctor_app@127.0.0.1:${node.port}/proctor`, '-XAtq', '-c',
      "SELECT count(*) FROM pg_stat_activity WHERE usename = 'proctor_app' AND pid <> pg_backend_pid()"]).catch(() => null);
    n += Number(r?.stdout.trim() || 0);
  }
  return n;
}

async function reviewReadsFromReplicas(session, when) {
  const base = cfg.collectors[cfg.reviewFromReplicas.collector];
  // Sign-in writes on the primary: a pooled connection cut by the switchover answers 503 (Retry-After)
  // once; a client tries again after Retry-After.
  let login;
  for (let i = 0; i < 20; i += 1) {
    login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: cfg.reviewFromReplicas.admin, password: process.env.HA_ADMIN_PASSWORD }),
    });
    if (login.status !== 503) break;
    await login.arrayBuffer();
    await sleep(500);
  }
  const token = (await login.json().catch(() => ({}))).token;
  check(login.status === 200 && Boolean(token), `${when}: proctor signed in (${login.status})`);
  const read = async (path) => {
    // A replica connection cut by a role change answers 503 once; the next read reconnects.
    for (let i = 0; ; i += 1) {
      const r = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      const body = await r.json().catch(() => null);
      if (r.status === 200 || i >= 20) return { status: r.status, body };
      await sleep(500);
    }
  };
  const results = await read('/api/v1/results?limit=5');
  check(results.status === 200 && Array.isArray(results.body?.items), `${when}: results list answered by the replica-reading collector (${results.status})`);
  // Session detail is never cached, so it reaches the database; the replica may lag, so wait for the session.
  const detail = await until(async () => { const r = await read(`/api/v1/sessions/${session.sessionId}`); return r.status === 200 ? r : null; },
    20000, 'the session detail from a replica', 500).catch(() => ({ status: 0 }));
  check(detail.status === 200, `${when}: session detail answered by the replica-reading collector (${detail.status})`);
  const onReplicas = await replicaConnections();
  check(onReplicas > 0, `${when}: the review reads came from a replica (${onReplicas} application connections on replicas)`);
  return { resultsStatus: results.status, sessionDetailStatus: detail.status, applicationConnectionsOnReplicas: onReplicas };
}

// --- checks -------------------------------------------------------------------------------------------------------
async function storedEventIds(sessionId) {
  const { stdout } = await run('psql', [cfg.databaseViaHaproxy, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c',
    `SELECT event_id FROM events WHERE session_id = '${sessionId}'`], { maxBuffer: 256 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const secs = (a, b) => (a && b ? Number(((b - a) / 1000).toFixed(2)) : null);

async function main() {
  const session = await startSession();
  say(`session ${session.sessionId}; ${CLIENTS} clients x ${BATCH} events per batch over ${cfg.collectors.length} collectors`);
  const clients = Array.from({ length: CLIENTS }, (_, i) => client(i, session));

  await until(() => load.acked.size >= 2000, 60000, '2000 acknowledged events');
  const steadyFrom = now();
  await sleep(3000);
  const steadyRate = Math.round((statusCounts(steadyFrom)[200] || 0) * BATCH / ((now() - steadyFrom) / 1000));
  say(`steady ingest: ~${steadyRate} events/s acknowledged`);
  const reviewBefore = await reviewReadsFromReplicas(session, 'review reads before the failover');

  // PostgreSQL: the primary's machine is lost.
  const pg = await loseThePrimaryMachine();
  const pgResume = resumedAt(pg.killAt);
  await sleep(3000);
  const pgStatuses = statusCounts(pg.killAt, now());
  say(`PostgreSQL switch: statuses ${JSON.stringify(pgStatuses)}`);
  check(pgResume.resumed !== null && pgResume.resumed - pg.killAt < 60000,
    `ingest resumed by itself within 60 s of losing the PostgreSQL primary (${secs(pg.killAt, pgResume.resumed)} s)`);

  // Redis: the master is lost.
  const rd = await loseTheRedisMaster();
  await sleep(3000);
  const rdStatuses = statusCounts(rd.killAt, now());
  say(`Redis switch: statuses ${JSON.stringify(rdStatuses)}`);
  // Without Redis the collectors keep ingesting (keys from PostgreSQL, per-process rate limits): the switch
  // must not refuse a single batch.
  check(Object.keys(rdStatuses).every((s) => s === '200'), 'Redis switch: ingest never refused');
  check(rd.readyAt - rd.killAt < 30000, `Redis switch: both collectors on the new master within 30 s (${secs(rd.killAt, rd.readyAt)} s)`);

  // The lost machine returns and takes the primary back in a planned switchover.
  const sw = await rejoinAndSwitchBack(pg);
  const swResume = resumedAt(sw.switchAt);
  await sleep(3000);
  const swStatuses = statusCounts(sw.switchAt, now());
  say(`switchover: statuses ${JSON.stringify(swStatuses)}`);
  check(swResume.resumed !== null && swResume.resumed - sw.switchAt < 30000,
    `ingest resumed within 30 s of the planned switchover (${secs(sw.switchAt, swResume.resumed)} s)`);

  const reviewAfter = await reviewReadsFromReplicas(session, 'review reads after failover and switchover');

  // Drain: no new batches; every batch in hand is retried until acknowledged.
  load.stopping = true;
  await Promise.race([Promise.all(clients), sleep(60000).then(() => { throw new Error('clients did not drain within 60 s'); })]);

  const all = statusCounts(0);
  const unexpected = Object.keys(all).filter((s) => s !== '200' && s !== '503');
  check(unexpected.length === 0, `only 200 and 503 answered (all: ${JSON.stringify(all)})`);
  check((all[503] || 0) > 0, 'the PostgreSQL switch was seen as 503 (not hidden, not 500)');
  check(load.missingRetryAfter === 0, `every 503 carried Retry-After (missing: ${load.missingRetryAfter})`);
  check(cfg.collectorPids.every(alive), 'both collectors are still running');

  const stored = await storedEventIds(session.sessionId);
  const storedSet = new Set(stored);
  const missing = [...load.acked].filter((id) => !storedSet.has(id)).length;
  const strangers = stored.filter((id) => !load.made.has(id)).length;
  check(missing === 0, `every acknowledged event is stored (${load.acked.size} acknowledged, ${missing} missing)`);
  check(stored.length === storedSet.size, `no event stored twice (${stored.length} rows, ${storedSet.size} distinct)`);
  check(storedSet.size === load.made.size && strangers === 0, `every event made was eventually stored (${load.made.size} made)`);

  const summary = {
    passed: failures.length === 0,
    failures,
    load: { collectors: cfg.collectors.length, clients: CLIENTS, eventsPerBatch: BATCH, steadyEventsPerSecond: steadyRate },
    etcd: { members: 3, killedWithThePrimary: 1 },
    patroniNodes: cfg.patroni.length,
    postgres: {
      killed: pg.killed, promoted: pg.promoted,
      secondsToPromotion: secs(pg.killAt, pg.promotedAt),
      syncStandbyAfterTheLoss: pg.syncStandbyAfter,
      secondsToSyncStandbyAgain: secs(pg.killAt, pg.syncAgainAt),
      secondsToResumeIngest: secs(pg.killAt, pgResume.resumed),
      secondsToReadyz: secs(pg.killAt, pg.readyAt),
      firstRefusalAfterSeconds: secs(pg.killAt, pgResume.firstRefusal),
      statusesDuringSwitch: pgStatuses,
    },
    rejoinAndSwitchover: {
      secondsForTheLostMachineToBeReplicaAgain: sw.rejoinedAfter,
      switchedTo: sw.switchedTo,
      secondsToNewLeader: secs(sw.switchAt, sw.switchedAt),
      secondsToResumeIngest: secs(sw.switchAt, swResume.resumed),
      statusesDuringSwitch: swStatuses,
    },
    redis: {
      killed: rd.killed, promoted: rd.promoted,
      secondsToPromotion: secs(rd.killAt, rd.promotedAt),
      secondsToCollectorsOnNewMaster: secs(rd.killAt, rd.readyAt),
      readyzReportedDegraded: rd.sawDegraded,
      ingestRefusals: Object.entries(rdStatuses).filter(([s]) => s !== '200').reduce((n, [, c]) => n + c, 0),
      statusesDuringSwitch: rdStatuses,
    },
    reviewReadsFromReplicas: { before: reviewBefore, after: reviewAfter },
    events: {
      made: load.made.size, acknowledged: load.acked.size, storedRows: stored.length, storedDistinct: storedSet.size,
      acknowledgedMissing: missing, duplicates: stored.length - storedSet.size,
    },
    statuses: all,
  };
  const text = JSON.stringify(summary, null, 2);
  writeFileSync(join(cfg.artifacts, 'summary.json'), `${text}\n`);
  console.log(text);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`failover: ${err.stack || err.message}`);
  process.exit(1);
});
