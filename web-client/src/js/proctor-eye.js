// SPDX-License-Identifier: MIT
// The "proctor eye": a small SVG eye whose pupil follows the cursor, blinks now and then, turns
// amber while the page has lost focus and red for ~2 s after a violation. A visible reminder,
// not a sensor.
const SVG = 'http://www.w3.org/2000/svg';
const ALERT_MS = 2000;
const MAX_TRAVEL = 9; // px in the 80x50 viewBox
const FULL_TRAVEL_DISTANCE = 300; // cursor distance (px) at which the pupil reaches MAX_TRAVEL

function svg(name, attrs) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export class ProctorEye {
  constructor(host) {
    this.host = host;
    this.alertTimer = null;
    this.blinkTimer = null;
    const root = svg('svg', { viewBox: '0 0 80 50', width: 80, height: 50, 'aria-hidden': 'true', focusable: 'false' });
    root.append(
      svg('path', { class: 'eye-white', d: 'M4 25 Q40 -8 76 25 Q40 58 4 25 Z' }),
      (this.iris = svg('g', { class: 'eye-iris' })),
      svg('path', { class: 'eye-outline', d: 'M4 25 Q40 -8 76 25 Q40 58 4 25 Z' }),
    );
    this.iris.append(svg('circle', { class: 'eye-iris-ring', cx: 40, cy: 25, r: 12 }),
      svg('circle', { class: 'eye-pupil', cx: 40, cy: 25, r: 5.5 }),
      svg('circle', { class: 'eye-glint', cx: 43.5, cy: 21.5, r: 2 }));
    host.replaceChildren(root);
    host.hidden = false;
    this.onMove = (e) => this.look(e.clientX, e.clientY);
    window.addEventListener('mousemove', this.onMove, { passive: true });
    this.scheduleBlink();
  }

  look(x, y) {
    const box = this.host.getBoundingClientRect();
    const dx = x - (box.left + box.width / 2);
    const dy = y - (box.top + box.height / 2);
    const dist = Math.hypot(dx, dy) || 1;
    const travel = MAX_TRAVEL * Math.min(1, dist / FULL_TRAVEL_DISTANCE);
    this.iris.setAttribute('transform', `translate(${((dx / dist) * travel).toFixed(1)} ${((dy / dist) * travel * 0.6).toFixed(1)})`);
  }

  alert() {
    this.host.classList.add('alert');
    clearTimeout(this.alertTimer);
    this.alertTimer = setTimeout(() => this.host.classList.remove('alert'), ALERT_MS);
  }

  warn(on) {
    this.host.classList.toggle('warning', on);
  }

  blink() {
    this.host.classList.remove('blink');
    void this.host.getBoundingClientRect(); // restart the CSS animation
    this.host.classList.add('blink');
  }

  scheduleBlink() {
    this.blinkTimer = setTimeout(() => { this.blink(); this.scheduleBlink(); }, 4000 + Math.random() * 8000);
  }

  destroy() {
    window.removeEventListener('mousemove', this.onMove);
    clearTimeout(this.alertTimer);
    clearTimeout(this.blinkTimer);
    this.host.hidden = true;
  }
}
