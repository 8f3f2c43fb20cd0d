// SPDX-License-Identifier: MIT
// Exponential backoff with "full jitter" spread (0.5x..1.5x), so many candidates behind one
// failing proxy do not retry in lockstep. A server's Retry-After wins when it asks for longer.
const BASE_MS = 1000;
const CAP_MS = 30000;

export function nextDelayMs(attempt, retryAfterSeconds, random = Math.random) {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt));
  const jittered = exp * (0.5 + random());
  const server = Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.max(jittered, server));
}
