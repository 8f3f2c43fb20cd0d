// SPDX-License-Identifier: MIT
// IndexedDB persistence for everything that must survive a reload or a network cut:
//   events: the outbox, one row per event (keyPath eventId), index bySession [sessionId, seq]
//   kv:     small records by key (sequence counters, session state, pending and answered results)

const DB_NAME = 'proctor';
const DB_VERSION = 1;
let dbPromise = null;

function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('transaction aborted'));
  });
}

export function openStore() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('events')) {
          const events = db.createObjectStore('events', { keyPath: 'eventId' });
          events.createIndex('bySession', ['sessionId', 'seq'], { unique: true });
        }
        if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv', { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return dbPromise;
}

export async function kvGet(key) {
  const db = await openStore();
  const row = await promisify(db.transaction('kv').objectStore('kv').get(key));
  return row ? row.value : undefined;
}

export async function kvPut(key, value) {
  const db = await openStore();
  const tx = db.transaction('kv', 'readwrite');
  tx.objectStore('kv').put({ key, value });
  return done(tx);
}

export async function kvDelete(key) {
  const db = await openStore();
  const tx = db.transaction('kv', 'readwrite');
  tx.objectStore('kv').delete(key);
  return done(tx);
}

// Numbers the event with the session's next seq, stores it and advances the counter in one
// transaction, so a reload can never reuse a seq nor leave a gap behind an event that was numbered but
// not stored, and two tabs writing to one session (a leftover delivery beside the session's own page)
// never number two events alike: IndexedDB runs overlapping readwrite transactions one after another.
export async function appendEvent(record) {
  const db = await openStore();
  const tx = db.transaction(['events', 'kv'], 'readwrite');
  const kv = tx.objectStore('kv');
  const key = `seq:${record.sessionId}`;
  kv.get(key).onsuccess = (e) => {
    record.seq = e.target.result?.value ?? 0;
    tx.objectStore('events').put(record);
    kv.put({ key, value: record.seq + 1 });
  };
  await done(tx);
  return record;
}

export async function pendingEvents(sessionId, limit) {
  const db = await openStore();
  const index = db.transaction('events').objectStore('events').index('bySession');
  const range = IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
  return promisify(index.getAll(range, limit));
}

export async function countPending(sessionId) {
  const db = await openStore();
  const index = db.transaction('events').objectStore('events').index('bySession');
  return promisify(index.count(IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity])));
}

export async function deleteEvents(eventIds) {
  if (!eventIds.length) return;
  const db = await openStore();
  const tx = db.transaction('events', 'readwrite');
  const store = tx.objectStore('events');
  for (const id of eventIds) store.delete(id);
  return done(tx);
}

// Sessions that still have events waiting (e.g. a study page left while offline).
export async function sessionsWithPending() {
  const db = await openStore();
  const index = db.transaction('events').objectStore('events').index('bySession');
  const ids = new Set();
  await new Promise((resolve, reject) => {
    const request = index.openKeyCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      ids.add(cursor.key[0]);
      return cursor.continue();
    };
    request.onerror = () => reject(request.error);
  });
  return [...ids];
}
