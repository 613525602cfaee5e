#!/usr/bin/env python3
"""A real SMTP server for Convene's tests (aiosmtpd, from PyPI): it accepts every message and
writes each into a folder as NNNNN.json (envelope, headers and the decoded text of every part)
next to NNNNN.eml (the message as received). It prints "listening on PORT" once ready.

  smtp-sink.py FOLDER [--port 0] [--delay-ms N]

--delay-ms holds each message that long before answering 250, so that a test can stop Convene
while it is handing messages over."""
import argparse
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Store:
    def __init__(self, folder, delay):
        self.folder = folder
        self.delay = delay
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        name = os.path.join(self.folder, f"{self.count:05d}")
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for part in msg.walk():
            if part.is_multipart():
                continue
            try:
                text = part.get_content()
            except Exception:
                text = part.get_payload(decode=True) or b""
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            parts.append({"type": part.get_content_type(), "text": text,
                          "filename": part.get_filename()})
        with open(name + ".eml", "wb") as f:
            f.write(raw)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_to": envelope.rcpt_tos,
            "headers": {k: str(v) for k, v in msg.items()},
            "subject": str(msg.get("subject", "")),
            "parts": parts,
        }
        # Written under a temporary name and renamed: a reader never sees half a message.
        with open(name + ".json.tmp", "w") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(name + ".json.tmp", name + ".json")
        return "250 Message accepted"


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--delay-ms", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.folder, exist_ok=True)
    handler = Store(a.folder, a.delay_ms / 1000)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, enable_SMTPUTF8=True), "127.0.0.1", a.port)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
