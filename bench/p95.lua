-- wrk script for bench/statistics: after the run, one line that the script reads, with the latency percentiles
-- wrk's own report rounds away or leaves out (it prints p50/p75/p90/p99 only with --latency, never p95):
--   p95.lua requests=N seconds=S p50_ms=… p95_ms=… p99_ms=… max_ms=… non2xx=N socket_errors=N timeouts=N
-- Latencies are wrk's (microseconds, from the first byte written to the last byte read) turned into milliseconds.

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "p95.lua requests=%d seconds=%.3f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write, errors.timeout))
end
