-- SPDX-License-Identifier: MIT
-- wrk script: POST /api/v1/events batches with fresh event ids, one session per wrk thread.
-- Environment: BENCH_SESSIONS (file with "sessionId token" lines), BENCH_BATCH (events per request).
local batch = tonumber(os.getenv("BENCH_BATCH") or "1")
-- BENCH_RATE > 0: send this many requests per second in total, on a schedule (see delay()).
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *ts);
]]
local now_ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1e6 + tonumber(now_ts.tv_nsec) / 1e3
end
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local id, token = line:match("^(%S+)%s+(%S+)$")
  if id then sessions[#sessions + 1] = {id = id, token = token} end
end

local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  threads[#threads + 1] = thread
end

-- Each request of a thread takes the next slot of the thread's schedule (rate / threads per second) and
-- waits for it. A fixed per-connection pause would add each response's latency to the cycle and fall
-- short of the rate (it reached about a third of the maximum instead of half).
local next_slot_us = nil
function delay()
  if rate <= 0 then return 0 end
  local now = now_us()
  if not next_slot_us or next_slot_us < now - 1e6 then next_slot_us = now end -- no catch-up burst after a stall
  local wait_us = next_slot_us - now
  next_slot_us = next_slot_us + slot_us
  return wait_us > 0 and math.floor(wait_us / 1000) or 0
end

function init(args)
  -- BENCH_THREADS must equal wrk's -t.
  local threads_count = tonumber(os.getenv("BENCH_THREADS") or "2")
  slot_us = rate > 0 and 1e6 * threads_count / rate or 0
  math.randomseed(os.time() * 1000 + tid)
  session = sessions[((tid - 1) % #sessions) + 1]
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
  seq = 0
end

local function uuid(n)
  -- random prefix per thread + counter: unique across threads and runs, valid UUID layout (LuaJIT: no bit ops needed)
  return string.format("%s-%04x-4%03x-8%03x-%012d", prefix, math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), n)
end

function request()
  local parts = {}
  for i = 1, batch do
    counter = counter + 1
    parts[i] = string.format(
      '{"eventId":"%s","seq":%d,"type":"focus_gain","clientTs":"2026-11-25T10:00:01.250Z","details":{"durationMs":%d}}',
      uuid(counter), seq, counter % 5000)
    seq = seq + 1
  end
  local body = '{"sessionId":"' .. session.id .. '","events":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/api/v1/events",
    {["Content-Type"] = "application/json", ["X-Session-Token"] = session.token}, body)
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests":%d,"duration_s":%.3f,"requests_per_s":%.1f,"events_per_s":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"errors":%d,"non_2xx":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.requests * batch / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status))
end
