// SPDX-License-Identifier: MIT
// Keeps Tab inside the page on proctored pages: from the last control Tab goes to the first one
// (Shift+Tab the other way), inside an open modal dialog to that dialog's controls. Without it a
// keyboard user tabbing past the last button lands in the browser's own toolbar, which blurs the
// window and would be recorded as a focus loss although the candidate never left the page.

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

function visible(node) {
  return node.getClientRects().length > 0 && getComputedStyle(node).visibility !== 'hidden';
}

export function tabbables(root) {
  const seenGroups = new Set();
  const all = [...root.querySelectorAll(TABBABLE)].filter((node) => !node.disabled && node.tabIndex >= 0
    && !node.closest('[hidden], [inert], [aria-hidden="true"]') && visible(node));
  // A radio group is one Tab stop: its checked radio, or its first one when none is checked.
  return all.filter((node) => {
    if (node.type !== 'radio' || !node.name) return true;
    const group = all.filter((r) => r.type === 'radio' && r.name === node.name);
    const stop = group.find((r) => r.checked) || group[0];
    if (seenGroups.has(node.name)) return false;
    if (node !== stop) return false;
    seenGroups.add(node.name);
    return true;
  });
}

export function trapTab(doc = document) {
  const onKey = (e) => {
    if (e.code !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const root = doc.querySelector('dialog[open]') || doc.body;
    const stops = tabbables(root);
    if (!stops.length) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = doc.activeElement;
    const outside = !active || active === doc.body || !root.contains(active);
    if (!e.shiftKey && (active === last || (last.type === 'radio' && active?.name === last.name && active.type === 'radio'))) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && (outside || active === first || (first.type === 'radio' && active?.name === first.name && active.type === 'radio'))) {
      e.preventDefault();
      last.focus();
    }
  };
  doc.addEventListener('keydown', onKey, true);
  return () => doc.removeEventListener('keydown', onKey, true);
}
