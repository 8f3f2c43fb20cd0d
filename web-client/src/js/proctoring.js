// SPDX-License-Identifier: MIT
// Wires the pieces every proctored page needs: the outbox of the session, the offline banner, the
// proctor eye, violation capture (with the session's away marks) and the in-page Tab cycle.
import { bindOfflineBanner } from './banner.js';
import { Capture } from './capture.js';
import { $ } from './dom.js';
import { trapTab } from './keyboard.js';
import { SessionMarks } from './marks.js';
import { Outbox } from './outbox.js';
import { ProctorEye } from './proctor-eye.js';

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
    marks: new SessionMarks(session.sessionId),
  });
  if (stats) Object.assign(capture.stats, stats);
  capture.start();
  const releaseTab = trapTab();
  return { outbox, eye, capture, emit, releaseTab };
}
