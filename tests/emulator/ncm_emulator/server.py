"""Run an emulator app on a socket: werkzeug's threaded server, optional TLS (trustme)."""

import importlib
import os
import socket
import ssl
import threading

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wsgi import LimitedStream


class KeepAliveHandler(WSGIRequestHandler):
    """werkzeug's handler with HTTP/1.1 keep-alive and no access lines on stderr.

    werkzeug 3.1 answers every request with ``Connection: close`` and drains the socket
    afterwards, which costs a TCP connection and a thread per request.  This handler reads
    exactly the request body (Content-Length), so the connection can serve the next request.
    """

    protocol_version = "HTTP/1.1"
    timeout = 60  # idle keep-alive connections are closed after this many seconds

    def setup(self):
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def log_request(self, code="-", size="-"):
        return None

    def run_wsgi(self):
        if self.headers.get("Expect", "").lower().strip() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self.environ = environ = self.make_environ()
        stream = self._limit_body(environ)
        reply = _Reply(self, environ)
        try:
            reply.send(self.server.app(environ, reply.start_response))
            if stream is not None:
                stream.exhaust()
        except (ConnectionError, socket.timeout) as exc:
            self.close_connection = True
            self.connection_dropped(exc, environ)
        except Exception as exc:  # answer 500 like werkzeug, then close
            self.close_connection = True
            reply.fail()
            self.server.log("error", "Error on request %s %s: %r", self.command, self.path, exc)

    def _limit_body(self, environ):
        """Read exactly Content-Length bytes of body (keep-alive); a chunked body closes."""
        if environ.get("wsgi.input_terminated"):
            self.close_connection = True  # chunked request body: no reuse
            return None
        try:
            length = max(0, int(environ.get("CONTENT_LENGTH") or 0))
        except ValueError:
            length = 0
            self.close_connection = True
        stream = LimitedStream(self.rfile, length)
        environ["wsgi.input"] = stream
        environ["wsgi.input_terminated"] = True
        return stream


class _Reply(object):
    """One WSGI answer written on a keep-alive connection: headers once, then the body,
    chunked when the application gave no Content-Length."""

    def __init__(self, handler, environ):
        self.handler = handler
        self.environ = environ
        self.status = None
        self.headers = None
        self.sent = False
        self.chunked = False

    def start_response(self, status, headers, exc_info=None):
        if exc_info and self.sent:
            raise exc_info[1].with_traceback(exc_info[2])
        self.status = status
        self.headers = headers
        return self.write

    def _send_headers(self):
        handler = self.handler
        self.sent = True
        code_str, _sep, msg = self.status.partition(" ")
        code = int(code_str)
        handler.send_response(code, msg)
        keys = set()
        for key, value in self.headers:
            handler.send_header(key, value)
            keys.add(key.lower())
        if ("content-length" not in keys and self.environ["REQUEST_METHOD"] != "HEAD"
                and not 100 <= code < 200 and code not in (204, 304)):
            self.chunked = True
            handler.send_header("Transfer-Encoding", "chunked")
        if handler.close_connection:
            handler.send_header("Connection", "close")
        handler.end_headers()

    def write(self, data):
        if not self.sent:
            self._send_headers()
        if data:
            if self.chunked:
                self.handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.handler.wfile.write(data)

    def send(self, app_iter):
        """Write every part of the application's answer, then close it."""
        try:
            for data in app_iter:
                self.write(data)
            if not self.sent:
                self.write(b"")
            if self.chunked:
                self.handler.wfile.write(b"0\r\n\r\n")
        finally:
            if hasattr(app_iter, "close"):
                app_iter.close()

    def fail(self):
        """An empty 500 answer, when nothing was sent yet."""
        if self.sent:
            return
        try:
            self.status, self.headers = "500 INTERNAL SERVER ERROR", [("Content-Length", "0")]
            self.write(b"")
        except OSError:
            pass


def make_tls_context(tls_dir, hosts=("127.0.0.1", "localhost", "::1")):
    """Make a CA and a server certificate with trustme; write DIR/ca.pem (and the server pair)."""
    trustme = importlib.import_module("trustme")
    os.makedirs(tls_dir, exist_ok=True)
    authority = trustme.CA()
    cert = authority.issue_cert(*hosts)
    authority.cert_pem.write_to_path(os.path.join(tls_dir, "ca.pem"))
    cert.private_key_pem.write_to_path(os.path.join(tls_dir, "server.key"))
    cert.cert_chain_pems[0].write_to_path(os.path.join(tls_dir, "server.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return context


def write_port_file(path, port):
    """Write the port atomically (tmp file, then rename)."""
    tmp = "%s.tmp%d" % (path, os.getpid())
    with open(tmp, "w") as handle:
        handle.write("%d\n" % port)
    os.replace(tmp, path)


class Server(object):
    """A listening emulator; serve() blocks, start() serves in a daemon thread."""

    def __init__(self, app, host="127.0.0.1", port=0, tls_dir=None):
        self.app = app
        self.host = host
        context = None
        if tls_dir:
            hosts = ["127.0.0.1", "localhost", "::1"]
            if host not in hosts and host not in ("0.0.0.0", "::", ""):
                hosts.append(host)
            context = make_tls_context(tls_dir, hosts)
        self.scheme = "https" if context else "http"
        self.httpd = make_server(host, port, app, threaded=True, request_handler=KeepAliveHandler, ssl_context=context)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_port
        self.thread = None
        self.stopped = False

    @property
    def url(self):
        host = self.host if ":" not in self.host else "[%s]" % self.host
        return "%s://%s:%d" % (self.scheme, host, self.port)

    def serve(self):
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self):
        self.thread = threading.Thread(target=self.serve, name="ncm-emulator", daemon=True)
        self.thread.start()
        return self

    def stop(self):
        """Stop serving (idempotent) and save the state file if one is set."""
        if self.stopped:
            return
        self.stopped = True
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread is not None:
            self.thread.join(5)
        self.app.extensions["ncm_emulator"].save_state()
