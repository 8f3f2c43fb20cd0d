-- SPDX-License-Identifier: MIT
-- wrk script: POST /api/v1/events batches with fresh event ids, one session per wrk thread.
-- Environment: BENCH_SESSIONS (file with "sessionId token" lines), BENCH_BATCH (events per request).
local batch = tonumber(os.getenv("BENCH_BATCH") or "1")
-- BENCH_RATE > 0: aim at this many requests per second in total (paced per connection with delay()).
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
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

function delay()
  if rate <= 0 then return 0 end
  return per_connection_delay_ms
end

function init(args)
  -- Pace each connection at rate / connections (BENCH_CONNECTIONS must equal wrk's -c).
  local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "32")
  per_connection_delay_ms = rate > 0 and math.floor(1000 * connections / rate) or 0
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
