// SPDX-License-Identifier: MIT
// Keystroke timing features, the only keyboard data the page keeps and sends (result contract
// telemetry.keystrokes): how long each physical key is held (dwell, per KeyboardEvent.code) and, per
// pair of consecutive keys, the gap from release to the next press (flight, negative on rollover) and
// from press to press (digraph). Lists per key and per pair carry no order between keys, so the typed
// text cannot be rebuilt from them; event.key (the character) is never read. Only typing into text
// fields counts (the start page's name fields, the study and test pages' text inputs).
// The same definitions as shared/analysis/keystrokes.cpp (extractKeystrokeFeatures).

const CODE_RE = /^[A-Za-z0-9_]{1,32}$/;
const MAX_PAUSE_MS = 1500; // consecutive keys further apart: a pause, not rhythm
const MAX_DWELL_MS = 1000; // longer: a stuck key or a lost key-up
const MAX_PER_LIST = 50; // contract bound per key / pair
const MAX_KEYS = 200; // contract bound on keys with dwell times
const MAX_PAIRS = 1000; // contract bound on pairs
const STORAGE_KEY = 'proctor.keystrokeFeatures';

const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'password', 'number', '']);

export function isTextField(el) {
  if (!el || !el.tagName) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return TEXT_TYPES.has((el.getAttribute('type') || '').toLowerCase());
  return el.isContentEditable === true;
}

function push(lists, name, value, maxNames) {
  let list = lists[name];
  if (!list) {
    if (Object.keys(lists).length >= maxNames) return;
    list = lists[name] = [];
  }
  if (list.length < MAX_PER_LIST) list.push(Math.round(value));
}

export class KeystrokeFeatures {
  constructor(saved = null) {
    const valid = saved && !Array.isArray(saved) && typeof saved === 'object';
    this.dwell = valid && saved.dwell ? { ...saved.dwell } : {};
    this.flight = valid && saved.flight ? { ...saved.flight } : {};
    this.digraph = valid && saved.digraph ? { ...saved.digraph } : {};
    this.down = new Map(); // code -> press time
    this.previous = null; // { code, downMs, upMs } of the last key pressed
    this.pendingFlight = null; // { pair, downMs }: next key pressed before the previous was released
  }

  keydown(code, t) {
    if (!CODE_RE.test(code) || this.down.has(code)) return;
    this.down.set(code, t);
    const p = this.previous;
    this.pendingFlight = null;
    if (p && t - p.downMs <= MAX_PAUSE_MS && t >= p.downMs) {
      const pair = `${p.code}>${code}`;
      push(this.digraph, pair, t - p.downMs, MAX_PAIRS);
      if (p.upMs !== null) {
        if (p.upMs - p.downMs > 0 && p.upMs - p.downMs <= MAX_DWELL_MS) push(this.flight, pair, t - p.upMs, MAX_PAIRS);
      } else {
        this.pendingFlight = { pair, downMs: t };
      }
    }
    this.previous = { code, downMs: t, upMs: null };
  }

  keyup(code, t) {
    if (!this.down.has(code)) return;
    const downMs = this.down.get(code);
    this.down.delete(code);
    const dwell = t - downMs;
    if (dwell > 0 && dwell <= MAX_DWELL_MS) push(this.dwell, code, dwell, MAX_KEYS);
    // Rollover: the key released is the one before the latest press.
    const f = this.pendingFlight;
    if (f && f.pair.startsWith(`${code}>`) && dwell > 0 && dwell <= MAX_DWELL_MS) {
      push(this.flight, f.pair, f.downMs - t, MAX_PAIRS);
      this.pendingFlight = null;
    }
    if (this.previous && this.previous.code === code && this.previous.downMs === downMs) this.previous.upMs = t;
  }

  // Listens on `target` (capture, passive) to typing into text fields; returns a function that stops it.
  attach(target = window, onChange = null) {
    const down = (e) => {
      if (!e.repeat && isTextField(e.target)) this.keydown(e.code, performance.now());
    };
    const up = (e) => {
      if (!this.down.has(e.code)) return;
      this.keyup(e.code, performance.now());
      if (onChange) onChange(this);
    };
    const reset = () => {
      this.down.clear();
      this.previous = null;
      this.pendingFlight = null;
    };
    const options = { capture: true, passive: true };
    target.addEventListener('keydown', down, options);
    target.addEventListener('keyup', up, options);
    target.addEventListener('blur', reset, options);
    return () => {
      target.removeEventListener('keydown', down, options);
      target.removeEventListener('keyup', up, options);
      target.removeEventListener('blur', reset, options);
    };
  }

  // Adds another page's timings (the start and study pages hand theirs to the test page).
  merge(other) {
    if (!other || Array.isArray(other) || typeof other !== 'object') return this;
    for (const [kind, max] of [['dwell', MAX_KEYS], ['flight', MAX_PAIRS], ['digraph', MAX_PAIRS]]) {
      for (const [name, values] of Object.entries(other[kind] ?? {})) {
        if (!Array.isArray(values)) continue;
        for (const v of values) if (Number.isFinite(v)) push(this[kind], name, v, max);
      }
    }
    return this;
  }

  toJSON() {
    return { dwell: this.dwell, flight: this.flight, digraph: this.digraph };
  }
}

// The start and study pages: keep this page's timings for the test page (one line per page).
export function captureKeystrokesForTest(target = window) {
  const features = new KeystrokeFeatures();
  return features.attach(target, () => {
    try {
      const kept = new KeystrokeFeatures(JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null'));
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(kept.merge(features.toJSON())));
      features.dwell = {};
      features.flight = {};
      features.digraph = {};
    } catch {
      // Storage full or disabled: the test page simply has fewer timings.
    }
  });
}

// The test page: the timings kept by the earlier pages, taken once.
export function takeKeptKeystrokes() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    sessionStorage.removeItem(STORAGE_KEY);
    return kept;
  } catch {
    return null;
  }
}
