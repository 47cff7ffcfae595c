#!/usr/bin/python3
"""Reads a stored message with Python's own email parser (independent of the MIME code under test) and
prints what the tests check as JSON: decoded headers, the longest raw line, and each leaf part with its
type, charset, transfer encoding and decoded text.  usage: parse_mail.py FILE"""
import email
import email.policy
import json
import sys

raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
parts = []
for part in msg.walk():
    if part.is_multipart():
        continue
    parts.append({"type": part.get_content_type(), "charset": part.get_content_charset() or "",
                  "encoding": part.get("Content-Transfer-Encoding", ""), "text": part.get_content()})
print(json.dumps({
    "content_type": msg.get_content_type(),
    "subject": str(msg["Subject"]),
    "from": str(msg["From"]),
    "from_name": msg["From"].addresses[0].display_name,
    "to": str(msg["To"]),
    "message_id": str(msg["Message-ID"]),
    "date": str(msg["Date"]),
    "mime_version": str(msg["MIME-Version"]),
    "list_unsubscribe": " ".join(str(msg["List-Unsubscribe"]).split()),
    "list_unsubscribe_post": str(msg["List-Unsubscribe-Post"]),
    "longest_line": max(len(line) for line in raw.split(b"\r\n")),
    "defects": len(msg.defects),
    "parts": parts,
}, ensure_ascii=False))
