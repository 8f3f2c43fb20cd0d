// SPDX-License-Identifier: MIT
// What the start page hands to the study and test pages, kept for this tab only (sessionStorage):
// a shared office PC must not remember a previous candidate's name.
const CANDIDATE_KEY = 'proctor.candidate';

export function saveCandidate(candidate) {
  sessionStorage.setItem(CANDIDATE_KEY, JSON.stringify(candidate));
}

export function loadCandidate() {
  try {
    const c = JSON.parse(sessionStorage.getItem(CANDIDATE_KEY) || 'null');
    // A roster test's candidate brings only the personal code; the server names them.
    if (c && c.accessCode) return c;
    return c && c.lastName && c.firstName && c.position ? c : null;
  } catch {
    return null;
  }
}

// The session a page of this tab is working on, per kind and test, so a reload resumes it.
const activeKey = (kind, testId) => `proctor.active.${kind}.${testId}`;

export function activeSessionId(kind, testId) {
  return sessionStorage.getItem(activeKey(kind, testId));
}

export function setActiveSession(kind, testId, sessionId) {
  if (sessionId) sessionStorage.setItem(activeKey(kind, testId), sessionId);
  else sessionStorage.removeItem(activeKey(kind, testId));
}

export function fullName(c) {
  return [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ');
}
