// SPDX-License-Identifier: MIT
// Starting a study or test session, or picking up the one this tab already has (after a reload).
import { activeSessionId, setActiveSession } from './candidate.js';
import { fingerprint, persistentId } from './identity.js';
import { locale } from './i18n.js';
import { kvGet, kvPut } from './store.js';

export async function resumeSession(kind, testId) {
  const sessionId = activeSessionId(kind, testId);
  if (!sessionId) return null;
  const session = await kvGet(`session:${sessionId}`);
  if (!session || Date.parse(session.expiresAt) <= Date.now()) {
    setActiveSession(kind, testId, null);
    return null;
  }
  return session;
}

// The server refused the position (an administrator changed the list after the form was filled in):
// the start page asks for it again, as it does for a refused access code.
export const positionRefused = (err) => err?.code === 'validation_failed' && err?.field === '/candidate/position';

export async function startSession(api, kind, testId, candidate) {
  const person = { lastName: candidate.lastName, firstName: candidate.firstName, position: candidate.position };
  if (candidate.middleName) person.middleName = candidate.middleName;
  const payload = {
    testId,
    kind,
    locale: locale(),
    persistentId: persistentId(),
    fingerprint: await fingerprint(),
  };
  // A roster test: the personal code instead of a typed identity.
  if (candidate.accessCode) payload.accessCode = candidate.accessCode;
  else payload.candidate = person;
  const data = await api.startSession(payload);
  const session = {
    sessionId: data.sessionId,
    token: data.token,
    expiresAt: data.expiresAt,
    startedAt: data.startedAt,
    // The countdown runs on this browser's clock, so a new attempt is anchored to this browser's time; a
    // resumed one keeps running from its start on the server.
    startedAtMs: data.resumed ? Date.parse(data.startedAt) : Date.now(),
    resumed: !!data.resumed,
    answers: data.answers ?? [],
    attemptsLeft: data.attemptsLeft,
    kind,
    testId,
    // The server's answer names the candidate (for a roster test, the roster's person).
    candidate: data.candidate ?? person,
    test: data.test,
    study: data.study ?? null,
  };
  await kvPut(`session:${session.sessionId}`, session);
  setActiveSession(kind, testId, session.sessionId);
  return session;
}
