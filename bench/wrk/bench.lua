-- wrk script for bin/platform bench (bench/bench.py sets it up through the environment):
--   BENCH_REQUESTS  a request file: one request a line, "METHOD<TAB>path<TAB>header: v|header: v<TAB>body";
--                   each thread walks it from its own offset (without it: wrk's URL, GET)
--   BENCH_DELAY_MS  mean pause before each request of a connection (0: none); spread 0..2x so 10,000
--                   connections do not fire together
--   BENCH_STATUS    1: count responses by status and those carrying Retry-After (costs a Lua call per response)
-- A body may hold "${bump:N}": each time the line is sent it becomes a number that differs from the one sent
-- before by any thread: N + 1 + k on even walks through the file, N - 1 - k on odd ones (k = ((start + pass) * 16
-- + thread) % 100000, pass counting this thread's walks, start the run's second). The mix's price writes change
-- the price every time, also on the file's second and later walks and in the next wrk run, instead of writing
-- again what is stored; about half of them lower it (a lower price can make a variant its model's cheapest).
-- done() prints one line "BENCH_JSON {...}": requests, bytes, duration, wrk's error counts, latency
-- percentiles in microseconds from wrk's full histogram, and the status counts.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local requests = nil
local index = 1
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0") or 0
local track = os.getenv("BENCH_STATUS") == "1"
statuses = {}
retry_after = 0

local function split(s, sep)
  local out, from = {}, 1
  while true do
    local a, b = string.find(s, sep, from, true)
    if not a then table.insert(out, string.sub(s, from)); return out end
    table.insert(out, string.sub(s, from, a - 1))
    from = b + 1
  end
end

function init(args)
  math.randomseed(os.time() + (id or 0) * 7919)
  local file = os.getenv("BENCH_REQUESTS")
  if file and file ~= "" then
    requests = {}
    for line in io.lines(file) do
      if line ~= "" then
        local f = split(line, "\t")
        local headers = {}
        if f[3] and f[3] ~= "" then
          for _, h in ipairs(split(f[3], "|")) do
            local k, v = string.match(h, "^([^:]+):%s*(.*)$")
            if k then headers[k] = v end
          end
        end
        local body = f[4]
        if body == "" then body = nil end
        if body and string.find(body, "${bump:", 1, true) then
          table.insert(requests, {method = f[1], path = f[2], headers = headers, body = body})
        else
          table.insert(requests, wrk.format(f[1], f[2], headers, body))
        end
      end
    end
    -- threads start at different places of the same sequence
    index = (((id or 1) - 1) * math.floor(#requests / 7) + 1)
    if index > #requests then index = 1 end
  end
end

local pass = 0
local start = os.time() % 6000

local function bumped(r)
  local n = ((start + pass) * 16 + (id or 1)) % 100000
  local body = string.gsub(r.body, "%${bump:(%d+)}", function(base)
    if pass % 2 == 0 then return tostring(tonumber(base) + 1 + n) end
    return tostring(math.max(1, tonumber(base) - 1 - n))
  end)
  return wrk.format(r.method, r.path, r.headers, body)
end

if os.getenv("BENCH_REQUESTS") and os.getenv("BENCH_REQUESTS") ~= "" then
  function request()
    local r = requests[index]
    index = index + 1
    if index > #requests then index = 1; pass = pass + 1 end
    if type(r) == "table" then return bumped(r) end
    return r
  end
end

if delay_ms > 0 then
  function delay()
    return math.random(0, 2 * delay_ms)
  end
end

if track then
  function response(status, headers, body)
    local k = tostring(status)
    statuses[k] = (statuses[k] or 0) + 1
    if headers["Retry-After"] or headers["retry-after"] then
      retry_after = retry_after + 1
    end
  end
end

local function json_table(t)
  local parts = {}
  for k, v in pairs(t) do
    table.insert(parts, string.format("%q:%d", tostring(k), v))
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

function done(summary, latency, requests_)
  local all, ra = {}, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses") or {}
    for k, v in pairs(s) do all[k] = (all[k] or 0) + v end
    ra = ra + (t:get("retry_after") or 0)
  end
  local pct = {}
  for _, p in ipairs({50, 75, 90, 99, 99.9}) do
    table.insert(pct, string.format("%q:%d", tostring(p), latency:percentile(p)))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"bytes":%d,"duration_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"max":%d,"mean":%.1f,"stdev":%.1f,"percentiles":{%s}},' ..
    '"statuses":%s,"retry_after":%d}\n',
    summary.requests, summary.bytes, summary.duration,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.max, latency.mean, latency.stdev, table.concat(pct, ","),
    json_table(all), ra))
end
