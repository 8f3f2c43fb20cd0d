#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Minimal WebSocket (RFC 6455) pieces for the packaging test, standard library only.

  ws.py serve PORT                         an upstream on 127.0.0.1:PORT: /api/v1/live upgrades and echoes
                                           text frames prefixed with "echo:"; any other GET answers JSON
  ws.py echo URL [--cafile F] [--header H] a client: upgrade, send one text frame, expect it echoed back
  ws.py listen URL [--cafile F] [--header H] [--trigger CMD] [--expect TYPE]
                                           a client: upgrade, run CMD (e.g. a curl that creates a session),
                                           wait for a JSON message whose "type" is TYPE
Exit 0 on success; a message on stderr and exit 1 otherwise.
"""
import base64
import hashlib
import json
import os
import socket
import socketserver
import ssl
import struct
import subprocess
import sys
import urllib.parse

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def accept_key(key):
    return base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()


def read_http_head(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("connection closed during the HTTP head")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return lines[0], headers, rest


class Reader:
    def __init__(self, sock, buffered=b""):
        self.sock = sock
        self.buf = buffered

    def exact(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("connection closed")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def frame(self):
        b0, b1 = self.exact(2)
        opcode, masked, length = b0 & 0x0F, b1 & 0x80, b1 & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", self.exact(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", self.exact(8))
        mask = self.exact(4) if masked else None
        payload = bytearray(self.exact(length))
        if mask:
            for i in range(length):
                payload[i] ^= mask[i % 4]
        return opcode, bytes(payload)


def encode_frame(opcode, payload, mask):
    head = bytes([0x80 | opcode])
    n = len(payload)
    m = 0x80 if mask else 0
    if n < 126:
        head += bytes([m | n])
    elif n < 65536:
        head += bytes([m | 126]) + struct.pack("!H", n)
    else:
        head += bytes([m | 127]) + struct.pack("!Q", n)
    if not mask:
        return head + payload
    key = os.urandom(4)
    return head + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


# --- server ---------------------------------------------------------------------------------------------
class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            start, headers, rest = read_http_head(self.request)
        except ConnectionError:
            return
        method, path, _ = (start.split(" ") + ["", ""])[:3]
        if path.split("?")[0] == "/api/v1/live" and headers.get("upgrade", "").lower() == "websocket":
            key = headers.get("sec-websocket-key", "")
            self.request.sendall(
                ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Accept: %s\r\n\r\n" % accept_key(key)).encode())
            reader = Reader(self.request, rest)
            while True:
                try:
                    opcode, payload = reader.frame()
                except ConnectionError:
                    return
                if opcode == 0x8:
                    self.request.sendall(encode_frame(0x8, payload[:2], False))
                    return
                if opcode == 0x9:
                    self.request.sendall(encode_frame(0xA, payload, False))
                elif opcode == 0x1:
                    self.request.sendall(encode_frame(0x1, b"echo:" + payload, False))
        else:
            body = json.dumps({"upstream": "ws-standin", "path": path, "upgrade": headers.get("upgrade", "")}).encode()
            self.request.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                 b"Content-Length: %d\r\n\r\n%s" % (len(body), body))


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


# --- client ---------------------------------------------------------------------------------------------
def connect(url, cafile, headers):
    u = urllib.parse.urlsplit(url)
    port = u.port or (443 if u.scheme == "wss" else 80)
    sock = socket.create_connection((u.hostname, port), timeout=10)
    if u.scheme == "wss":
        ctx = ssl.create_default_context(cafile=cafile) if cafile else ssl.create_default_context()
        sock = ctx.wrap_socket(sock, server_hostname=u.hostname)
    key = base64.b64encode(os.urandom(16)).decode()
    target = u.path + ("?" + u.query if u.query else "")
    extra = "".join(h + "\r\n" for h in headers)
    sock.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n%s\r\n"
                  % (target, u.netloc, key, extra)).encode())
    start, resp_headers, rest = read_http_head(sock)
    if " 101 " not in start + " ":
        raise RuntimeError("no upgrade: " + start)
    if resp_headers.get("sec-websocket-accept") != accept_key(key):
        raise RuntimeError("bad Sec-WebSocket-Accept")
    return sock, Reader(sock, rest)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode = argv[1]
    if mode == "serve":
        Server(("127.0.0.1", int(argv[2])), Handler).serve_forever()
        return 0
    url, cafile, headers, trigger, expect = argv[2], None, [], None, None
    rest = argv[3:]
    while rest:
        opt, val, rest = rest[0], rest[1], rest[2:]
        if opt == "--cafile":
            cafile = val
        elif opt == "--header":
            headers.append(val)
        elif opt == "--trigger":
            trigger = val
        elif opt == "--expect":
            expect = val
    try:
        sock, reader = connect(url, cafile, headers)
        if mode == "echo":
            text = "ping-%s" % os.urandom(4).hex()
            sock.sendall(encode_frame(0x1, text.encode(), True))
            opcode, payload = reader.frame()
            if opcode != 0x1 or payload.decode() != "echo:" + text:
                raise RuntimeError("unexpected frame %r %r" % (opcode, payload))
            print("websocket echo ok: %s" % payload.decode())
        elif mode == "listen":
            if trigger:
                subprocess.run(trigger, shell=True, check=True, stdout=subprocess.DEVNULL)
            sock.settimeout(15)
            while True:
                opcode, payload = reader.frame()
                if opcode == 0x9:
                    sock.sendall(encode_frame(0xA, payload, True))
                    continue
                if opcode == 0x8:
                    raise RuntimeError("closed by the server")
                if opcode == 0x1:
                    msg = json.loads(payload)
                    if expect is None or msg.get("type") == expect:
                        print("websocket message ok: %s" % payload.decode()[:200])
                        break
        sock.sendall(encode_frame(0x8, struct.pack("!H", 1000), True))
        sock.close()
        return 0
    except Exception as e:  # noqa: BLE001 - any failure is a test failure with its reason
        print("websocket: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
