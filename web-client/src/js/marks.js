// SPDX-License-Identifier: MIT
// When a session's candidate went away (page hidden, window blurred, network lost), kept in
// localStorage (synchronous, so it survives a tab closed mid-write) per session, so that the page
// that comes back, or any later page of this browser for the network, can close the period with
// its real duration.
const key = (sessionId) => `proctor.marks.${sessionId}`;

export class SessionMarks {
  constructor(sessionId) {
    this.sessionId = sessionId;
  }

  all() {
    try {
      return JSON.parse(localStorage.getItem(key(this.sessionId)) || '{}') || {};
    } catch {
      return {};
    }
  }

  get(name) {
    const value = this.all()[name];
    return Number.isFinite(value) ? value : null;
  }

  set(name, epochMs) {
    const marks = this.all();
    marks[name] = epochMs;
    try { localStorage.setItem(key(this.sessionId), JSON.stringify(marks)); } catch { /* storage full or disabled */ }
  }

  clear(name) {
    const marks = this.all();
    delete marks[name];
    try {
      if (Object.keys(marks).length) localStorage.setItem(key(this.sessionId), JSON.stringify(marks));
      else localStorage.removeItem(key(this.sessionId));
    } catch { /* ignore */ }
  }

  static sessionsWithMarks() {
    const ids = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      if (k?.startsWith('proctor.marks.')) ids.push(k.slice('proctor.marks.'.length));
    }
    return ids;
  }
}

// Milliseconds since a stored mark, clamped to what the contract accepts (0..24 h).
export function since(epochMs, now = Date.now()) {
  return Math.min(86400000, Math.max(0, Math.round(now - epochMs)));
}
