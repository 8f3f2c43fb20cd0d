// SPDX-License-Identifier: MIT
// Events of earlier sessions of this browser that never got out (a test or study tab closed while
// offline) are delivered from whichever page opens next, start and verify pages included, each
// with its own session's token; the collector deduplicates by eventId, so a resend is harmless.
// An offline period such a session left open is closed with network_online once the network is
// back, with its duration from the stored start.
import { SessionMarks, since } from './marks.js';
import { Outbox } from './outbox.js';
import { deleteEvents, kvGet, pendingEvents, sessionsWithPending } from './store.js';

export async function deliverLeftovers(api, currentId = null) {
  const ids = new Set([...(await sessionsWithPending()), ...SessionMarks.sessionsWithMarks()]);
  for (const id of ids) {
    if (id === currentId || Outbox.isOpen(id)) continue;
    const session = await kvGet(`session:${id}`);
    if (session && Date.parse(session.expiresAt) > Date.now()) {
      const outbox = await Outbox.open(api, id, session.token);
      const marks = new SessionMarks(id);
      const offline = marks.get('offline');
      if (offline !== null && navigator.onLine) {
        marks.clear('offline');
        await outbox.enqueue('network_online', { durationMs: since(offline) }, { urgent: true });
      }
    } else {
      // Its token has expired: the collector would refuse these, so do not keep them forever.
      const stale = await pendingEvents(id);
      if (stale.length) console.warn(`[outbox] dropping ${stale.length} undeliverable event(s) of expired session ${id}`);
      await deleteEvents(stale.map((e) => e.eventId));
      try { localStorage.removeItem(`proctor.marks.${id}`); } catch { /* ignore */ }
    }
  }
}
