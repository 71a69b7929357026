-- wrk script of bench/registrations: every request is a new registration (its own Idempotency-Key and e-mail
-- address), so nothing is answered from the idempotency store.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  prefix = string.format("bench-%d-%d-%d-", os.time(), tid, math.random(1, 1000000000))
  counter = 0
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"mode":"onSite","consentVersion":"2026-01","email":"deltagare-%d-%d@example.se","name":"Deltagare %d"}', tid, counter, counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. counter }, body)
end
