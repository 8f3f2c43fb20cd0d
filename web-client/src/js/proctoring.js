// SPDX-License-Identifier: MIT
// Wires the pieces every proctored page needs: the outbox of the session, the offline banner, the
// proctor eye and violation capture.
import { bindOfflineBanner } from './banner.js';
import { Capture } from './capture.js';
import { $ } from './dom.js';
import { Outbox } from './outbox.js';
import { ProctorEye } from './proctor-eye.js';
import { deleteEvents, kvGet, pendingEvents, sessionsWithPending } from './store.js';

// Events of earlier sessions of this browser that never got out (a study page closed while
// offline, say) are delivered from whichever proctored page opens next, with their own token.
async function deliverLeftovers(api, currentId) {
  for (const id of await sessionsWithPending()) {
    if (id === currentId) continue;
    const session = await kvGet(`session:${id}`);
    if (session && Date.parse(session.expiresAt) > Date.now()) {
      await Outbox.open(api, id, session.token);
    } else {
      // Its token has expired: the collector would refuse these, so do not keep them forever.
      const stale = await pendingEvents(id);
      console.warn(`[outbox] dropping ${stale.length} undeliverable event(s) of expired session ${id}`);
      await deleteEvents(stale.map((e) => e.eventId));
    }
  }
}

export async function startProctoring(api, session, { questionId = () => null, onFullscreenExit = () => {}, stats } = {}) {
  const outbox = await Outbox.open(api, session.sessionId, session.token);
  bindOfflineBanner(outbox);
  const eye = new ProctorEye($('#proctor-eye'));
  const emit = (type, details, urgent) => outbox.enqueue(type, details, { urgent }).catch((err) => console.error('[outbox] enqueue failed', err));
  const capture = new Capture({
    emit,
    onViolation: () => eye.alert(),
    onFocusChange: (focused) => eye.warn(!focused),
    onFullscreenExit,
    questionId,
    flashOverlay: $('#flash-overlay'),
  });
  if (stats) Object.assign(capture.stats, stats);
  capture.start();
  deliverLeftovers(api, session.sessionId).catch((err) => console.warn('[outbox] leftovers', err));
  return { outbox, eye, capture, emit };
}
