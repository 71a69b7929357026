#!/usr/bin/env python3
"""The clients of bench/cluster, on the Python standard library only.

  cluster.py load RUN_DIR       registrations, questions with their approvals and stream subscribers through the
                                proxy, until RUN_DIR/stop exists; then finishes what is in flight and checks it all
                                against the database (figures to RUN_DIR/figures.tsv)
  cluster.py ratelimit RUN_DIR  the anonymous-write allowance per client through the proxy, and forged
                                X-Forwarded-For straight to the instance

Settings come from RUN_DIR/settings.json, written by bench/cluster.
"""
import collections
import http.client
import json
import os
import subprocess
import sys
import threading
import time

JSON = {"Content-Type": "application/json", "Accept": "application/json"}


class Figures:
    """Rows of the final table: what, measured, target, PASS/FAIL ('-' for a figure without a target)."""

    def __init__(self, run):
        self.path = os.path.join(run, "figures.tsv")

    def add(self, what, measured, target, passed):
        verdict = "-" if passed is None else ("PASS" if passed else "FAIL")
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(f"{what}\t{measured}\t{target}\t{verdict}\n")


class Tally:
    """Answers by kind of request and by class: ok, 503 with Retry-After, other 5xx, 4xx, connection errors."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = collections.Counter()
        self.examples = {}

    def add(self, kind, outcome, example=None):
        with self.lock:
            self.counts[(kind, outcome)] += 1
            if example and (kind, outcome) not in self.examples:
                self.examples[(kind, outcome)] = example

    def total(self, outcome, kinds=None):
        with self.lock:
            return sum(n for (k, o), n in self.counts.items() if o == outcome and (kinds is None or k in kinds))


def classify(status, headers):
    if status in (200, 201, 409):
        return "ok"
    if status == 503:
        return "503 with Retry-After" if headers.get("retry-after") else "503 without Retry-After"
    if status >= 500:
        return "other 5xx"
    return "4xx"


class Client:
    """One keep-alive HTTP/1.1 connection, reopened after an error."""

    def __init__(self, host, port, source=None, timeout=60):
        self.host, self.port, self.source, self.timeout = host, port, source, timeout
        self.conn = None

    def send(self, method, path, body=None, headers=None):
        """(status, lower-cased headers, body bytes); raises OSError/HTTPException on a broken connection."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                   source_address=(self.source, 0) if self.source else None)
        try:
            data = None if body is None else json.dumps(body).encode()
            self.conn.request(method, path, body=data, headers=headers or {})
            response = self.conn.getresponse()
            payload = response.read()
            result = response.status, {k.lower(): v for k, v in response.getheaders()}, payload
            if response.getheader("connection", "").lower() == "close":
                self.close()
            return result
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def retry_after(headers, default=1.0):
    try:
        return float(headers.get("retry-after", default))
    except ValueError:
        return default


class Load:
    def __init__(self, run, settings):
        self.run, self.s = run, settings
        self.tally = Tally()
        self.stop = threading.Event()         # no new registrations or questions
        self.streams_done = threading.Event()  # subscribers may leave
        self.lock = threading.Lock()
        self.acked = []                        # (key, email, id)
        self.abandoned = []                    # keys never acknowledged
        self.approved = set()                  # question ids the moderator saw approved
        self.asked = []
        self.approval_cuts = 0                 # approvals cut by the kill (502): retried by the moderator
        self.subscribers = []

    # --- registrations ---------------------------------------------------------------------------------------------
    def registrant(self, worker):
        client = Client("127.0.0.1", self.s["proxy_port"])
        path = f"/api/v1/dialogues/{self.s['registration_event']}/registrations"
        # Bounded load: each client starts a registration at most every `clients / rate` seconds.
        interval = self.s["clients"] / self.s["registrations_per_second"]
        next_start = time.monotonic() + interval * worker / self.s["clients"]
        n = 0
        while not self.stop.is_set():
            time.sleep(max(0.0, next_start - time.monotonic()))
            next_start = max(next_start + interval, time.monotonic())
            n += 1
            key = f"cluster-{self.s['run_id']}-{worker}-{n}"
            email = f"kluster-{self.s['run_id']}-{worker}-{n}@example.se"
            body = {"mode": "onSite", "consentVersion": "2026-01", "email": email, "name": f"Deltagare {worker}-{n}"}
            headers = dict(JSON, **{"Idempotency-Key": key})
            # Retried with the same key until acknowledged; after the stop, for at most the drain time.
            give_up = None
            while True:
                if self.stop.is_set() and give_up is None:
                    give_up = time.monotonic() + self.s["drain_seconds"]
                if give_up is not None and time.monotonic() > give_up:
                    with self.lock:
                        self.abandoned.append(key)
                    break
                try:
                    status, h, payload = client.send("POST", path, body, headers)
                except (OSError, http.client.HTTPException) as e:
                    self.tally.add("registration", "connection error", repr(e))
                    time.sleep(0.5)
                    continue
                outcome = classify(status, h)
                self.tally.add("registration", outcome, f"{status} {payload[:200]!r}")
                if status in (200, 201):
                    with self.lock:
                        self.acked.append((key, email, json.loads(payload)["id"]))
                    break
                if status == 503:
                    time.sleep(min(retry_after(h), 10))
                elif status >= 500:
                    time.sleep(1)
                else:
                    with self.lock:
                        self.abandoned.append(key)
                    break
        client.close()

    # --- questions and approvals -----------------------------------------------------------------------------------
    def moderator(self):
        client = Client("127.0.0.1", self.s["proxy_port"])
        event = self.s["question_event"]
        auth = {"Authorization": f"Bearer {self.s['moderator_token']}"}
        n = 0
        while not self.stop.is_set():
            n += 1
            key = f"cluster-question-{self.s['run_id']}-{n}"
            question = None
            while question is None:
                try:
                    status, h, payload = client.send("POST", f"/api/v1/dialogues/{event}/questions",
                                                     {"text": f"Hur går det med belysningen i parken, fråga {n}?"},
                                                     dict(JSON, **{"Idempotency-Key": key}))
                except (OSError, http.client.HTTPException) as e:
                    self.tally.add("question", "connection error", repr(e))
                    time.sleep(0.5)
                    continue
                self.tally.add("question", classify(status, h), f"{status} {payload[:200]!r}")
                if status in (200, 201):
                    question = json.loads(payload)["id"]
                elif status == 503:
                    time.sleep(min(retry_after(h), 10))
                elif status >= 500:
                    time.sleep(1)
                else:
                    raise SystemExit(f"asking a question answered {status}: {payload[:300]!r}")
            with self.lock:
                self.asked.append(question)
            cut = False
            while True:
                try:
                    status, h, payload = client.send("POST", f"/api/v1/questions/{question}/approve", {}, dict(JSON, **auth))
                except (OSError, http.client.HTTPException) as e:
                    self.tally.add("approval", "connection error", repr(e))
                    time.sleep(0.5)
                    continue
                if status == 502 and not cut:
                    # A staff POST carries no Idempotency-Key, so the proxy does not resend it after a kill; the
                    # moderator does (approving twice is a 409 and publishes nothing twice).
                    cut = True
                    with self.lock:
                        self.approval_cuts += 1
                    self.tally.add("approval", "502 cut by the kill", f"{status} {payload[:200]!r}")
                    continue
                self.tally.add("approval", classify(status, h), f"{status} {payload[:200]!r}")
                if status == 200 or (status == 409 and cut):
                    with self.lock:
                        self.approved.add(question)
                    break
                if status == 503:
                    time.sleep(min(retry_after(h), 10))
                elif status >= 500:
                    time.sleep(1)
                else:
                    raise SystemExit(f"approving a question answered {status}: {payload[:300]!r}")
            time.sleep(self.s["question_interval"])
        client.close()

    # --- stream subscribers ----------------------------------------------------------------------------------------
    def subscriber(self, index, state):
        path = f"/api/v1/dialogues/{self.s['question_event']}/questions/stream"
        last_id, delay = None, 3.0
        while not self.streams_done.is_set():
            conn = http.client.HTTPConnection("127.0.0.1", self.s["proxy_port"], timeout=40)
            headers = {"Accept": "text/event-stream"}
            if last_id is not None:
                headers["Last-Event-ID"] = last_id
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                h = {k.lower(): v for k, v in response.getheaders()}
                if response.status != 200:
                    self.tally.add("stream", classify(response.status, h), f"{response.status}")
                    response.read()
                    conn.close()
                    time.sleep(min(retry_after(h, delay), 10))
                    continue
                self.tally.add("stream", "ok")
                with self.lock:
                    state["connections"].append(h.get("x-upstream", "?"))
                    state["connected"] = True
                event, data, seq = None, [], None
                while not self.streams_done.is_set():
                    line = response.readline()
                    if not line:
                        break
                    line = line.decode().rstrip("\r\n")
                    if line == "":
                        if event == "published" and data:
                            question = json.loads("\n".join(data))["id"]
                            with self.lock:
                                state["published"][question] += 1
                        if seq is not None:
                            last_id = seq
                        event, data, seq = None, [], None
                    elif line.startswith(":"):
                        continue
                    else:
                        field, _, value = line.partition(":")
                        value = value[1:] if value.startswith(" ") else value
                        if field == "event":
                            event = value
                        elif field == "data":
                            data.append(value)
                        elif field == "id":
                            seq = value
                        elif field == "retry" and value.isdigit():
                            delay = int(value) / 1000
            except (OSError, http.client.HTTPException):
                pass
            conn.close()
            if self.streams_done.is_set():
                break
            # The stream ended (its instance was killed or restarted): reconnect as EventSource does.
            with self.lock:
                state["reconnects"] += 1
            time.sleep(delay)

    # --- the run ---------------------------------------------------------------------------------------------------
    def go(self):
        s = self.s
        for i in range(s["subscribers"]):
            state = {"published": collections.Counter(), "connections": [], "reconnects": 0, "connected": False}
            self.subscribers.append(state)
            threading.Thread(target=self.subscriber, args=(i, state), daemon=True).start()
        deadline = time.monotonic() + 30
        while not all(st["connected"] for st in self.subscribers):
            if time.monotonic() > deadline:
                raise SystemExit("the stream subscribers did not all connect within 30 s")
            time.sleep(0.1)
        # Each subscriber's instance, for the script to choose whom to kill.
        with open(os.path.join(self.run, "subscribers.txt"), "w", encoding="utf-8") as out:
            for st in self.subscribers:
                out.write(st["connections"][-1] + "\n")

        workers = [threading.Thread(target=self.registrant, args=(w,)) for w in range(s["clients"])]
        moderator = threading.Thread(target=self.moderator)
        for t in workers + [moderator]:
            t.start()
        while not self.acked:
            time.sleep(0.1)
        open(os.path.join(self.run, "load.ready"), "w").close()
        print(f"  load running: {s['clients']} registration clients, {s['subscribers']} stream subscribers, "
              f"a question asked and approved every {s['question_interval']} s", flush=True)
        while not os.path.exists(os.path.join(self.run, "stop")):
            time.sleep(0.2)
        self.stop.set()
        for t in workers + [moderator]:
            t.join()
        # Every approved question reaches every subscriber, or the wait ends.
        deadline = time.monotonic() + s["stream_wait_seconds"]
        while time.monotonic() < deadline:
            with self.lock:
                if all(all(st["published"][q] >= 1 for q in self.approved) for st in self.subscribers):
                    break
            time.sleep(0.2)
        time.sleep(1)  # anything sent twice arrives now, not after the count
        self.streams_done.set()
        self.verify()

    def psql(self, sql):
        out = subprocess.run([s for s in self.s["psql"]] + [self.s["database_url"]], input=sql, capture_output=True,
                             text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"psql failed: {out.stderr}")
        return out.stdout.strip()

    def verify(self):
        s, f = self.s, Figures(self.run)
        with open(os.path.join(self.run, "acked.tsv"), "w", encoding="utf-8") as out:
            for key, email, rid in self.acked:
                out.write(f"{key}\t{email}\t{rid}\n")
        rows = "\n".join(f"{key}\t{email}\t{rid}" for key, email, rid in self.acked)
        stored, missing, duplicates, wrong = self.psql(f"""
            create temp table acked (key text, email text, id uuid);
            copy acked from stdin;
{rows}
\\.
            select (select count(*) from registration where event_id = '{s['registration_event']}'),
                   (select count(*) from acked a where not exists (select 1 from registration r where r.id = a.id)),
                   (select count(*) - count(distinct email) from registration where event_id = '{s['registration_event']}'),
                   (select count(*) from acked a join registration r on r.id = a.id where r.email is distinct from a.email);
            """).split("|")
        keys = len({k for k, _, _ in self.acked})
        regs = ["registration"]
        n503 = self.tally.total("503 with Retry-After", regs)
        print(f"  registrations: {len(self.acked)} acknowledged ({keys} keys), {stored} stored, "
              f"{len(self.abandoned)} given up, {n503} answers 503 with Retry-After (retried with the same key)")
        f.add("registrations acknowledged (64 clients)", len(self.acked), "-", None)
        f.add("acknowledged registrations missing", missing, "0", missing == "0")
        f.add("duplicate registrations", int(duplicates) + (len(self.acked) - keys), "0",
              duplicates == "0" and keys == len(self.acked) and wrong == "0")
        f.add("registrations given up (not acknowledged in time)", len(self.abandoned), "0", not self.abandoned)

        residents = ["registration", "question", "stream"]
        bad5xx = sum(self.tally.total(o, residents) for o in ("other 5xx", "503 without Retry-After"))
        f.add("5xx other than 503 with Retry-After", bad5xx, "0", bad5xx == 0)
        f.add("503 with Retry-After (retried)", self.tally.total("503 with Retry-After", residents), "-", None)
        conn_errors = self.tally.total("connection error", ["registration", "question"])
        f.add("connection errors at the proxy", conn_errors, "0", conn_errors == 0)
        other4xx = self.tally.total("4xx", residents)
        f.add("4xx answers", other4xx, "0", other4xx == 0)
        f.add("approvals cut by the kill (502, resent by the moderator)", self.approval_cuts, "-", None)
        bad_approvals = sum(self.tally.total(o, ["approval"]) for o in ("other 5xx", "503 without Retry-After", "4xx"))
        f.add("approvals answered another error", bad_approvals, "0", bad_approvals == 0)
        for (kind, outcome), example in sorted(self.tally.examples.items()):
            if outcome not in ("ok", "503 with Retry-After"):
                print(f"  e.g. {kind} {outcome}: {example}")

        published = set(self.psql(f"select id from question where event_id = '{s['question_event']}' and status = 'published'").split())
        print(f"  questions: {len(self.asked)} asked, {len(self.approved)} approved by the moderator, {len(published)} published")
        f.add("questions approved during the run", len(published), "-", published == self.approved and len(published) > 0)
        exact = True
        for i, st in enumerate(self.subscribers):
            missed = [q for q in published if st["published"][q] == 0]
            twice = [q for q, c in st["published"].items() if c > 1]
            unknown = [q for q in st["published"] if q not in published]
            on = collections.Counter(st["connections"])
            print(f"  subscriber {i + 1}: {sum(st['published'].values())} published events, {len(missed)} missed, "
                  f"{len(twice)} twice, {len(unknown)} unknown; {len(st['connections'])} connections "
                  f"({', '.join(f'{u} ×{c}' for u, c in sorted(on.items()))})")
            exact = exact and not missed and not twice and not unknown
        with open(os.path.join(self.run, "victim"), encoding="utf-8") as victim_file:
            victim = victim_file.read().strip()
        moved = sum(1 for st in self.subscribers if st["connections"][0] == victim and len(st["connections"]) > 1)
        f.add("subscribers on the killed instance that reconnected", moved, "≥ 1", moved >= 1)
        f.add(f"approved questions received exactly once by each of {len(self.subscribers)} subscribers",
              "yes" if exact else "no", "yes", exact)


def rate_limits(run, s):
    """Each client address gets its own allowance through the proxy; a forged X-Forwarded-For gains nothing."""
    f = Figures(run)
    limit = s["writes_per_minute"]
    path = f"/api/v1/dialogues/{s['registration_event']}/registrations"

    def attempt(tag, label, port, source, n, forge=None):
        client, statuses = Client("127.0.0.1", port, source=source), []
        for i in range(n):
            headers = dict(JSON, **{"Idempotency-Key": f"cluster-limit-{s['run_id']}-{tag}-{i}"})
            if forge:
                headers["X-Forwarded-For"] = forge(i)
            body = {"mode": "remote", "consentVersion": "2026-01", "email": f"grans-{s['run_id']}-{tag}-{i}@example.se"}
            status, _, payload = client.send("POST", path, body, headers)
            if status not in (201, 429):
                raise SystemExit(f"a registration from {source} answered {status}: {payload[:300]!r}")
            statuses.append(status)
        client.close()
        accepted = sum(1 for st in statuses if st == 201)
        print(f"  {label}: {' '.join(map(str, statuses))}")
        return accepted

    n = limit + 2
    a = attempt("a", "client A 127.0.0.3 through the proxy", s["limited_proxy_port"], "127.0.0.3", n)
    b = attempt("b", "client B 127.0.0.4 through the proxy", s["limited_proxy_port"], "127.0.0.4", n)
    c = attempt("c", "client C 127.0.0.6 through the proxy, its own X-Forwarded-For new each time", s["limited_proxy_port"], "127.0.0.6", n,
                forge=lambda i: f"198.51.100.{i + 1}")
    d = attempt("d", "unknown peer 127.0.0.5 straight to the instance, X-Forwarded-For new each time", s["limited_port"], "127.0.0.5", n,
                forge=lambda i: f"203.0.113.{i + 1}")
    f.add(f"writes accepted of {n}: client A through the proxy", a, f"= {limit}", a == limit)
    f.add(f"writes accepted of {n}: client B through the proxy", b, f"= {limit}", b == limit)
    f.add(f"writes accepted of {n}: forged X-Forwarded-For through the proxy", c, f"= {limit}", c == limit)
    f.add(f"writes accepted of {n}: forged X-Forwarded-For from an unknown peer", d, f"= {limit}", d == limit)


def main():
    mode, run = sys.argv[1], sys.argv[2]
    with open(os.path.join(run, "settings.json"), encoding="utf-8") as settings_file:
        settings = json.load(settings_file)
    if mode == "load":
        Load(run, settings).go()
    elif mode == "ratelimit":
        rate_limits(run, settings)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
