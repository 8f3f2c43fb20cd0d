// SPDX-License-Identifier: MIT
// Violation capture for the study and test pages. It turns browser events into contract events
// (docs/api.md) through emit(type, details), blocks what can be blocked (copy, cut, paste, the
// context menu, the print shortcut), and reports each violation to onViolation for the eye.
// It reads event.code only, never event.key or any typed character.

import { since } from './marks.js';

const FLASH_MS = 1500;

export class Capture {
  constructor({ emit, onViolation = () => {}, onFocusChange = () => {}, onFullscreenExit = () => {}, questionId = () => null, flashOverlay, marks = null }) {
    this.emit = emit;
    this.onViolation = onViolation;
    this.onFocusChange = onFocusChange;
    this.onFullscreenExit = onFullscreenExit;
    this.questionId = questionId;
    this.flashOverlay = flashOverlay;
    // Start times are epoch ms, mirrored in `marks` (SessionMarks), so a period that a reload or a
    // closed tab interrupted is closed with its full duration by the page that comes back.
    this.marks = marks;
    this.blurStart = null;
    this.hiddenStart = null;
    this.offlineStart = null;
    this.wasFullscreen = false;
    this.flashTimer = null;
    this.stats = { focusLossCount: 0, blurMs: 0 };
    this.handlers = [];
    this.networkHandlers = [];
  }

  on(target, type, handler, options, group = this.handlers) {
    target.addEventListener(type, handler, options);
    group.push(() => target.removeEventListener(type, handler, options));
  }

  withQuestion(details = {}) {
    const id = this.questionId();
    return id ? { ...details, questionId: id } : details;
  }

  violation(type, details) {
    this.emit(type, details, true);
    this.onViolation(type);
  }

  start() {
    this.on(window, 'blur', () => this.focusLost());
    this.on(window, 'focus', () => this.focusGained());
    this.on(document, 'visibilitychange', () => (document.visibilityState === 'hidden' ? this.hidden() : this.visible()));

    for (const kind of ['copy', 'cut', 'paste']) {
      this.on(document, kind, (e) => {
        e.preventDefault();
        this.violation(`${kind}_attempt`, this.withQuestion());
      }, true);
    }
    this.on(document, 'contextmenu', (e) => {
      e.preventDefault();
      this.violation('context_menu', this.withQuestion());
    }, true);

    this.on(window, 'beforeprint', () => this.violation('print_attempt', { method: 'beforeprint' }));
    this.on(window, 'keydown', (e) => this.keydown(e), true);
    this.on(window, 'keyup', (e) => this.keyup(e), true);

    this.on(document, 'fullscreenchange', () => {
      if (document.fullscreenElement) {
        this.wasFullscreen = true;
      } else if (this.wasFullscreen) {
        this.wasFullscreen = false;
        this.violation('fullscreen_exit', { reason: 'user' });
        this.onFullscreenExit();
      }
    });

    this.on(window, 'offline', () => this.wentOffline(), undefined, this.networkHandlers);
    this.on(window, 'online', () => this.cameOnline(), undefined, this.networkHandlers);
    // Leaving the page (reload, tab closed, another site) starts a hidden period; the page that
    // comes back to this session closes it (restore()).
    this.on(window, 'pagehide', () => this.hidden());
    this.restore();
    if (document.fullscreenElement) this.wasFullscreen = true;
  }

  // keepNetwork: a test finished offline still reports when the network came back, so the
  // session's record explains the delay before its result arrived.
  stop({ keepNetwork = false } = {}) {
    for (const off of this.handlers.splice(0)) off();
    if (!keepNetwork) for (const off of this.networkHandlers.splice(0)) off();
    clearTimeout(this.flashTimer);
    this.flashOverlay?.classList.remove('visible');
  }

  mark(name, value) {
    if (!this.marks) return;
    if (value === null) this.marks.clear(name);
    else this.marks.set(name, value);
  }

  // Periods an earlier page of this session left open: closed now with their stored start.
  restore() {
    const stored = (name) => this.marks?.get(name) ?? null;
    const hiddenAt = stored('hidden');
    if (hiddenAt !== null) {
      if (document.visibilityState === 'visible') {
        this.mark('hidden', null);
        this.emit('visibility_visible', { durationMs: since(hiddenAt) }, true);
      } else {
        this.hiddenStart = hiddenAt;
      }
    }
    const blurAt = stored('blur');
    if (blurAt !== null) {
      this.blurStart = blurAt;
      if (document.hasFocus()) this.focusGained();
    }
    const offlineAt = stored('offline');
    if (!navigator.onLine) {
      if (offlineAt === null) this.wentOffline();
      else this.offlineStart = offlineAt;
    } else if (offlineAt !== null) {
      this.offlineStart = offlineAt;
      this.cameOnline();
    }
  }

  wentOffline() {
    if (this.offlineStart !== null) return;
    this.offlineStart = Date.now();
    this.mark('offline', this.offlineStart);
    this.emit('network_offline', {}, false);
  }

  cameOnline() {
    if (this.offlineStart === null) return;
    const durationMs = since(this.offlineStart);
    this.offlineStart = null;
    this.mark('offline', null);
    this.emit('network_online', { durationMs }, true);
  }

  focusLost() {
    if (this.blurStart !== null) return;
    this.blurStart = Date.now();
    this.mark('blur', this.blurStart);
    this.stats.focusLossCount += 1;
    this.violation('focus_loss', {});
    this.onFocusChange(false);
  }

  focusGained() {
    if (this.blurStart === null) return;
    const durationMs = since(this.blurStart);
    this.blurStart = null;
    this.mark('blur', null);
    this.stats.blurMs += durationMs;
    this.emit('focus_gain', { durationMs }, true);
    this.onFocusChange(true);
  }

  hidden() {
    if (this.hiddenStart !== null) return;
    this.hiddenStart = Date.now();
    this.mark('hidden', this.hiddenStart);
    this.violation('visibility_hidden', {});
  }

  visible() {
    if (this.hiddenStart === null) return;
    const durationMs = since(this.hiddenStart);
    this.hiddenStart = null;
    this.mark('hidden', null);
    this.emit('visibility_visible', { durationMs }, true);
  }

  static isPrintScreen(e) {
    return e.code === 'PrintScreen' || e.keyCode === 44;
  }

  keydown(e) {
    if ((e.ctrlKey || e.metaKey) && e.code === 'KeyP') {
      e.preventDefault();
      if (!e.repeat) this.violation('print_attempt', { method: 'shortcut' });
      return;
    }
    if (Capture.isPrintScreen(e)) {
      e.preventDefault();
      this.screenshot('keydown');
    }
  }

  keyup(e) {
    if (Capture.isPrintScreen(e)) this.screenshot('keyup');
  }

  // The flash is a deterrent; on systems that capture on keydown it may come too late, which is
  // why the attempt is logged on both edges. Overwriting the clipboard spoils a capture that went
  // there, where the browser allows it.
  screenshot(method) {
    this.violation('screenshot_attempt', { key: 'PrintScreen', method });
    if (this.flashOverlay) {
      this.flashOverlay.classList.add('visible');
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => this.flashOverlay.classList.remove('visible'), FLASH_MS);
    }
    try {
      navigator.clipboard?.writeText(' ').catch(() => {});
    } catch { /* not allowed here */ }
  }

  // Durations still open at the end (e.g. the candidate finished while another window had focus).
  snapshot() {
    const openBlur = this.blurStart === null ? 0 : Date.now() - this.blurStart;
    return { focusLossCount: this.stats.focusLossCount, blurMs: Math.round(this.stats.blurMs + openBlur) };
  }
}
