"""The emulator's admin API (/_emulator/...), as the benchmark uses it: reset, seed, request log."""

import requests

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
LOGIN_PATHS = ("/ux/api-token-auth/", "/api/common/1.0/oauth/token")


class Failure(Exception):
    """A correctness failure: the benchmark exits non-zero."""


def writes_of(entries):
    """The log entries that are writes; logins and VOSS exports (a POST that reads) are not writes."""
    return [e for e in entries if e["method"] in WRITE_METHODS and not e["path"].startswith(LOGIN_PATHS)
            and not e["path"].endswith("/export/")]


class Emulator(object):
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.http = requests.Session()

    def call(self, method, path, body=None):
        answer = self.http.request(method, self.url + "/_emulator/" + path, json=body, timeout=300)
        if answer.status_code >= 400:
            raise Failure("emulator %s %s: HTTP %s %s" % (method, path, answer.status_code, answer.text[:300]))
        return answer.json() if answer.content else None

    def reset(self, switches=None):
        self.call("POST", "reset")
        if switches:
            self.call("PUT", "switches", switches)

    def seed(self, body):
        return self.call("POST", "seed", body)["ids"]

    def clear_log(self):
        self.call("DELETE", "log")

    def log(self, method=None):
        return self.call("GET", "log" + ("?method=" + method if method else ""))["entries"]

    def collection(self, name):
        return self.call("GET", "collections/" + name)

    def counts(self):
        """(requests sent, writes) since the last clear; logins are not writes."""
        entries = self.log()
        return len(entries), len(writes_of(entries))
