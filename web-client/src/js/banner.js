// SPDX-License-Identifier: MIT
// The #offline-banner: visible while the browser is offline or the collector cannot be reached,
// with the number of events still waiting in the outbox.
import { t } from './i18n.js';

export function bindOfflineBanner(outbox, banner = document.getElementById('offline-banner')) {
  if (!banner) return;
  let last = null;
  const render = (status = last) => {
    last = status;
    if (!status) return;
    const visible = status.offline || status.unreachable;
    banner.hidden = !visible;
    banner.dataset.pending = String(status.pending);
    if (visible) banner.textContent = t(status.offline ? 'offline.banner' : 'offline.retrying', { n: status.pending });
  };
  outbox.subscribe(render);
  window.addEventListener('offline', () => render(outbox.status()));
  window.addEventListener('online', () => render(outbox.status()));
  document.addEventListener('proctor:locale', () => render());
}
