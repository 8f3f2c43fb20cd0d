// SPDX-License-Identifier: MIT
// Behavioural telemetry sent once, with the result: keystroke timing features (keystrokefeatures.js:
// dwell per key, flight and digraph per key pair, never the keys' order nor characters), mouse positions
// per question throttled to at most 60 Hz, per-question latency and answer-change counts. A mouse
// point's t is ms since its question was first shown (the contract's mousePoint).
import { KeystrokeFeatures, takeKeptKeystrokes } from './keystrokefeatures.js';

const MOUSE_MIN_INTERVAL_MS = 17; // ≤ 60 Hz
const MOUSE_POINTS_PER_QUESTION = 1500;

export class Telemetry {
  constructor(startEpochMs, saved = null) {
    this.t0 = startEpochMs;
    this.keys = new KeystrokeFeatures(saved?.keystrokes).merge(takeKeptKeystrokes());
    this.mouse = saved?.mouse ?? {}; // questionId -> [[x, y, t]]
    this.questions = saved?.questions ?? {}; // questionId -> {shownMs, answeredMs, visibleMs, changes}
    this.current = null;
    this.currentSince = null;
    this.lastMouseMs = -Infinity;
    this.handlers = [];
  }

  now() {
    return Math.max(0, Math.round(Date.now() - this.t0));
  }

  on(target, type, handler) {
    target.addEventListener(type, handler, { capture: true, passive: true });
    this.handlers.push(() => target.removeEventListener(type, handler, { capture: true, passive: true }));
  }

  start() {
    this.handlers.push(this.keys.attach(window));
    this.on(window, 'mousemove', (e) => this.mouseMoved(e.clientX, e.clientY));
  }

  stop() {
    this.leaveQuestion();
    for (const off of this.handlers.splice(0)) off();
  }

  mouseMoved(x, y) {
    if (!this.current) return;
    const now = this.now();
    if (now - this.lastMouseMs < MOUSE_MIN_INTERVAL_MS) return;
    this.lastMouseMs = now;
    const shownMs = this.questions[this.current]?.shownMs ?? now;
    let points = this.mouse[this.current] ?? (this.mouse[this.current] = []);
    points.push([Math.round(x), Math.round(y), Math.max(0, now - shownMs)]);
    if (points.length > MOUSE_POINTS_PER_QUESTION) {
      // Halve the sampling rate of this question instead of cutting its tail off.
      points = points.filter((_, i) => i % 2 === 0);
      this.mouse[this.current] = points;
    }
  }

  showQuestion(questionId) {
    this.leaveQuestion();
    this.current = questionId;
    this.currentSince = this.now();
    const q = this.questions[questionId] ?? (this.questions[questionId] = { shownMs: this.currentSince, answeredMs: null, visibleMs: 0, changes: 0 });
    return q;
  }

  leaveQuestion() {
    if (this.current && this.questions[this.current]) this.questions[this.current].visibleMs += this.now() - this.currentSince;
    this.current = null;
  }

  // Called for every change of the selection; the first answer is not a "change".
  answered(questionId, hadAnswerBefore) {
    const q = this.questions[questionId];
    if (!q) return;
    if (q.answeredMs === null) q.answeredMs = this.now();
    if (hadAnswerBefore) q.changes += 1;
  }

  // Latency: from the first display of a question to its first answer; for a question left
  // unanswered, the time it was on screen.
  payload() {
    const openMs = this.current ? this.now() - this.currentSince : 0;
    const questions = Object.entries(this.questions).map(([questionId, q]) => ({
      questionId,
      latencyMs: Math.max(0, q.answeredMs !== null ? q.answeredMs - q.shownMs : q.visibleMs + (questionId === this.current ? openMs : 0)),
      answerChanges: q.changes,
    }));
    const mouse = Object.entries(this.mouse).filter(([, p]) => p.length > 0).map(([questionId, points]) => ({ questionId, points }));
    return { questions, mouse, keystrokes: structuredClone(this.keys.toJSON()) };
  }

  // For persistence across a reload: banks the time the current question has been on screen.
  toJSON() {
    if (this.current && this.questions[this.current]) {
      const now = this.now();
      this.questions[this.current].visibleMs += now - this.currentSince;
      this.currentSince = now;
    }
    return { keystrokes: this.keys.toJSON(), mouse: this.mouse, questions: this.questions };
  }
}
