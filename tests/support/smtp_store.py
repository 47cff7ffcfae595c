#!/usr/bin/python3
"""Test SMTP peer (aiosmtpd): stores every message it accepts as DIR/<n>.eml for the tests to parse.

Listens on three loopback ports: plain (AUTH LOGIN/PLAIN offered without TLS, not required), STARTTLS
and implicit TLS (SMTPS), the latter two with the given throwaway certificate. Run with Debian's
/usr/bin/python3: a pyenv python first on PATH may lack the python3-aiosmtpd package.
usage: smtp_store.py DIR PLAIN_PORT STARTTLS_PORT SMTPS_PORT CERT KEY USER PASSWORD
"""
import asyncio
import itertools
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

directory, plain, starttls, smtps, cert, key, user, password = sys.argv[1:9]
counter = itertools.count(1)


class Store:
    async def handle_DATA(self, server, session, envelope):
        n = next(counter)
        tmp = os.path.join(directory, f".{n}.tmp")
        with open(tmp, "wb") as f:
            f.write(envelope.original_content)
        # Renamed into place so a test never reads half a message.
        os.rename(tmp, os.path.join(directory, f"{n}.eml"))
        return "250 2.0.0 stored as %d" % n


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
        and auth_data.password.decode() == password
    # handled=False: aiosmtpd then answers 535 itself (with the default it would answer nothing).
    return AuthResult(success=ok, handled=False)


def make(tls_context=None):
    return lambda: SMTP(Store(), hostname="memberdesk-test", authenticator=authenticate,
                        auth_require_tls=False, tls_context=tls_context, enable_SMTPUTF8=True,
                        decode_data=False)


async def main():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    loop = asyncio.get_running_loop()
    await loop.create_server(make(), "127.0.0.1", int(plain))
    await loop.create_server(make(context), "127.0.0.1", int(starttls))
    await loop.create_server(make(), "127.0.0.1", int(smtps), ssl=context)
    print("ready", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
