// SPDX-License-Identifier: MIT
// Device identity with privacy in mind: a random persistent id (cookie + localStorage, each
// restoring the other) and a SHA-256 over a handful of stable, low-entropy attributes. No audio,
// font or media-device probing, and nothing typed by the candidate.

const COOKIE = 'proctor_pid';
const STORAGE_KEY = 'proctor.persistentId';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function readCookie(name) {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function persistentId() {
  let fromStorage = null;
  try { fromStorage = localStorage.getItem(STORAGE_KEY); } catch { /* disabled storage */ }
  const fromCookie = readCookie(COOKIE);
  let id = [fromCookie, fromStorage].find((v) => v && UUID_RE.test(v)) || crypto.randomUUID();
  id = id.toLowerCase();
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${COOKIE}=${encodeURIComponent(id)}; Max-Age=31536000; Path=/; SameSite=Strict${secure}`;
  try { localStorage.setItem(STORAGE_KEY, id); } catch { /* ignore */ }
  return id;
}

function webgl() {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl') || canvas.getContext('experimental-webgl');
    if (!gl) return { vendor: 'none', renderer: 'none' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const vendor = ext ? gl.getParameter(ext.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR);
    const renderer = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { vendor: String(vendor || 'unknown'), renderer: String(renderer || 'unknown') };
  } catch {
    return { vendor: 'error', renderer: 'error' };
  }
}

export function deviceAttributes() {
  const gl = webgl();
  return {
    userAgent: navigator.userAgent,
    platform: navigator.userAgentData?.platform || navigator.platform || 'unknown',
    hardwareConcurrency: Number(navigator.hardwareConcurrency) || 0,
    webglVendor: gl.vendor,
    webglRenderer: gl.renderer,
    screen: `${screen.width}x${screen.height}x${screen.colorDepth}`,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'unknown',
    languages: Array.from(navigator.languages || [navigator.language]).filter(Boolean),
  };
}

// The hash input is the attributes as JSON with keys in a fixed (sorted) order, so the server or a
// reviewer can recompute it from the stored attributes.
export function canonicalJson(attributes) {
  const sorted = {};
  for (const key of Object.keys(attributes).sort()) sorted[key] = attributes[key];
  return JSON.stringify(sorted);
}

export async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function fingerprint() {
  const attributes = deviceAttributes();
  return { privacySafeHash: await sha256Hex(canonicalJson(attributes)), attributes };
}
