// SPDX-License-Identifier: MIT
// Offline-first delivery of one session's events and result.
// Every event is numbered (per-session seq), given a client UUID and written to IndexedDB before
// any attempt to send it; batches of at most 100 go out every ~2 s, or at once for urgent events.
// A row leaves IndexedDB only after the collector acknowledged it (its answer comes after commit),
// and a resend after a lost answer is harmless because the server deduplicates by eventId.
// The result submission waits behind the events of the session and is retried the same way.
import { appendEvent, countPending, deleteEvents, kvDelete, kvGet, kvPut, pendingEvents } from './store.js';
import { ApiError } from './api.js';
import { nextDelayMs } from './backoff.js';

const BATCH_LIMIT = 100;
const FLUSH_INTERVAL_MS = 2000;
const OPEN = new Map(); // sessionId -> Promise<Outbox> of this page

export class Outbox {
  constructor(api, sessionId, token, nextSeq) {
    this.api = api;
    this.sessionId = sessionId;
    this.token = token;
    this.nextSeq = nextSeq;
    this.pending = 0;
    this.attempt = 0;
    this.timer = null;
    this.flushing = null;
    this.again = false;
    this.unreachable = false;
    this.backoffUntil = 0;
    this.timerDue = 0;
    this.listeners = new Set();
    this.resultWaiters = [];
    this.onOnline = () => {
      this.attempt = 0;
      this.backoffUntil = 0;
      clearTimeout(this.timer);
      this.timer = null;
      this.schedule(0);
    };
    window.addEventListener('online', this.onOnline);
  }

  // One outbox per session and page (the leftovers of earlier sessions and the page's own session
  // may name the same one): a second open returns the first, with the newer token.
  static open(api, sessionId, token) {
    let opening = OPEN.get(sessionId);
    if (!opening) {
      opening = Outbox.create(api, sessionId, token);
      OPEN.set(sessionId, opening);
      opening.catch(() => OPEN.delete(sessionId));
      return opening;
    }
    return opening.then((outbox) => {
      if (token) outbox.token = token;
      return outbox;
    });
  }

  static isOpen(sessionId) {
    return OPEN.has(sessionId);
  }

  // Resumes the counter where the previous page of this session stopped.
  static async create(api, sessionId, token) {
    const stored = (await kvGet(`seq:${sessionId}`)) ?? 0;
    const outbox = new Outbox(api, sessionId, token, stored);
    outbox.pending = await countPending(sessionId);
    const result = await kvGet(`result:${sessionId}`);
    if (outbox.pending > 0 || result) outbox.schedule(0);
    outbox.emit();
    return outbox;
  }

  // status: {pending, unreachable, offline}
  subscribe(listener) {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  status() {
    return { pending: this.pending, unreachable: this.unreachable, offline: !navigator.onLine };
  }

  emit() {
    const s = this.status();
    for (const l of this.listeners) l(s);
  }

  async enqueue(type, details = {}, { urgent = false } = {}) {
    const record = {
      eventId: crypto.randomUUID(),
      sessionId: this.sessionId,
      seq: -1, // numbered by appendEvent, inside its transaction
      type,
      clientTs: new Date().toISOString(),
      details,
    };
    await appendEvent(record);
    this.nextSeq = record.seq + 1;
    this.pending += 1;
    this.emit();
    this.schedule(urgent ? 0 : FLUSH_INTERVAL_MS);
    return record;
  }

  async queueResult(payload) {
    await kvPut(`result:${this.sessionId}`, payload);
    this.schedule(0);
    return this.waitForResult();
  }

  async answeredResult() {
    return kvGet(`resultResponse:${this.sessionId}`);
  }

  waitForResult() {
    return new Promise((resolve, reject) => this.resultWaiters.push({ resolve, reject }));
  }

  // A pending timer is only ever brought forward, never pushed back, so a steady trickle of events
  // cannot starve the flush; nothing is sent before a backoff ends except after an 'online' event.
  schedule(delayMs) {
    if (this.flushing) {
      this.again = true;
      return;
    }
    const due = Math.max(Date.now() + delayMs, this.backoffUntil);
    if (this.timer && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => { this.timer = null; this.flush(); }, Math.max(0, due - Date.now()));
  }

  flush() {
    if (!this.flushing) {
      this.flushing = this.drain().finally(() => {
        this.flushing = null;
        if (this.again || this.backoffUntil > Date.now()) {
          this.again = false;
          this.schedule(0);
        }
      });
    }
    return this.flushing;
  }

  async drain() {
    try {
      // navigator.onLine === false is reliable (true is not): no point knocking; the 'online' event
      // or the next backoff tick tries again.
      if (!navigator.onLine) throw new ApiError(0, 'offline', 'the browser is offline');
      for (;;) {
        const batch = await pendingEvents(this.sessionId, BATCH_LIMIT);
        if (!batch.length) break;
        await this.sendBatch(batch);
      }
      const result = await kvGet(`result:${this.sessionId}`);
      if (result) await this.sendResult(result);
      this.attempt = 0;
      this.backoffUntil = 0;
      this.setUnreachable(false);
    } catch (err) {
      if (err?.retryable) {
        this.setUnreachable(true);
        this.backoffUntil = Date.now() + nextDelayMs(this.attempt++, err.retryAfterSeconds);
      } else {
        console.error('[outbox] unexpected failure', err);
        this.backoffUntil = Date.now() + nextDelayMs(this.attempt++);
      }
    } finally {
      this.pending = await countPending(this.sessionId);
      this.emit();
    }
  }

  async sendBatch(batch) {
    const events = batch.map(({ eventId, seq, type, clientTs, details }) => ({ eventId, seq, type, clientTs, details }));
    try {
      await this.api.postEvents(this.sessionId, this.token, events);
      await deleteEvents(batch.map((e) => e.eventId));
    } catch (err) {
      if (err?.retryable !== false) throw err;
      // A contract violation: sending it again cannot succeed. Drop the offending event when the
      // server names it, else the whole batch, and say so loudly for the developers.
      const match = /^\/events\/(\d+)(\/|$)/.exec(err.field || '');
      const culprits = match && batch[Number(match[1])] ? [batch[Number(match[1])]] : batch;
      console.error(`[outbox] ${err.status} ${err.code} ${err.field}: ${err.message}; dropping ${culprits.length} event(s)`,
        culprits.map((e) => e.type));
      await deleteEvents(culprits.map((e) => e.eventId));
    }
  }

  async sendResult(payload) {
    let data;
    try {
      data = await this.api.submitResult(this.sessionId, this.token, payload);
    } catch (err) {
      if (err?.retryable !== false) throw err;
      console.error(`[outbox] result rejected: ${err.status} ${err.code} ${err.field}: ${err.message}`);
      await kvDelete(`result:${this.sessionId}`);
      for (const w of this.resultWaiters.splice(0)) w.reject(err);
      return;
    }
    await kvPut(`resultResponse:${this.sessionId}`, data);
    await kvDelete(`result:${this.sessionId}`);
    for (const w of this.resultWaiters.splice(0)) w.resolve(data);
  }

  setUnreachable(value) {
    if (this.unreachable !== value) {
      this.unreachable = value;
      this.emit();
    }
  }
}
