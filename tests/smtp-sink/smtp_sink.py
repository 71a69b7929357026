#!/usr/bin/python3
"""A real SMTP server for tests and benchmarks (Debian's python3-aiosmtpd), on loopback only.

Every message it accepts is one line in --out: the arrival time (seconds, monotonic), the Message-ID (or "-" when the
message has none), the size in bytes, the first recipient and the client's port (one per connection), so that a
caller can count messages, distinct Message-IDs, repeats and connections, and the rate between the first and the last
arrival.

  smtp_sink.py --port 25400 --out sink.log [--reject-first N] [--ready FILE]

--reject-first N answers the first N messages "451 4.3.0" (a transient failure) instead of taking them.
--ready FILE is written once the server listens. SIGTERM or SIGINT stops it.
"""
import argparse
import asyncio
import re
import signal
import time

from aiosmtpd.smtp import SMTP

MESSAGE_ID = re.compile(rb"^message-id:[ \t]*<?([^>\r\n]*)>?", re.IGNORECASE | re.MULTILINE)


class Sink:
    def __init__(self, out, reject_first):
        self.out = out
        self.reject_left = reject_first

    async def handle_DATA(self, server, session, envelope):
        if self.reject_left > 0:
            self.reject_left -= 1
            return "451 4.3.0 Try again later"
        data = envelope.original_content or envelope.content or b""
        end = data.find(b"\r\n\r\n")
        header = data if end < 0 else data[:end]
        found = MESSAGE_ID.search(header)
        message_id = found.group(1).decode("ascii", "replace").strip() if found else "-"
        recipient = envelope.rcpt_tos[0] if envelope.rcpt_tos else "-"
        port = session.peer[1] if isinstance(session.peer, tuple) else 0
        self.out.write(f"{time.monotonic():.6f} {message_id or '-'} {len(data)} {recipient} {port}\n")
        return "250 2.0.0 OK"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--reject-first", type=int, default=0)
    parser.add_argument("--ready")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        parser.error("the sink listens on loopback only")

    with open(args.out, "a", buffering=1, encoding="utf-8") as out:
        handler = Sink(out, args.reject_first)
        loop = asyncio.get_running_loop()
        # A fixed host name: the default looks up this machine's FQDN for every session.
        server = await loop.create_server(lambda: SMTP(handler, hostname="sink.localhost", ident="smtp-sink"),
                                          args.host, args.port)
        stopped = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stopped.set)
        if args.ready:
            with open(args.ready, "w", encoding="utf-8") as ready:
                ready.write(f"{args.port}\n")
        await stopped.wait()
        server.close()


if __name__ == "__main__":
    asyncio.run(main())
