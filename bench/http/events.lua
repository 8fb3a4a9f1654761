-- wrk: POST /api/v1/cases/{id}/events, `tolak` on a case not touched before,
-- each with an Idempotency-Key never used before. Case ids come one a line
-- from the file named by IZIN_BENCH_IDS; threads take them interleaved.
local ids = {}
for line in io.lines(os.getenv("IZIN_BENCH_IDS")) do ids[#ids + 1] = line end

-- Runs in the main state: numbers the threads (globals `id` and `stride` of each thread's own state).
local made = 0
function setup(thread)
  made = made + 1
  thread:set("id", made)
  thread:set("stride", tonumber(os.getenv("IZIN_BENCH_THREADS")))
end

local counter = 0
function request()
  counter = counter + 1
  local n = (counter - 1) * stride + id
  local case = ids[(n - 1) % #ids + 1]
  if n > #ids then wrk.thread:stop() end  -- every case fired on: a refusal would measure something else
  -- wrk.format takes these headers instead of wrk.headers: keep the -H ones (the token).
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. id .. "-" .. counter
  return wrk.format("POST", "/api/v1/cases/" .. case .. "/events", headers, '{"event":"tolak"}')
end
