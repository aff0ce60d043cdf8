"""The emulator of the current request, and the decorator every route runs through."""

import functools

from flask import current_app, jsonify

EXTENSION_KEY = "ncm_emulator"


def get_emulator():
    """The Emulator of the current Flask app (inside a request)."""
    return current_app.extensions[EXTENSION_KEY]


def view(admit=None):
    """Decorator of every emulator route: the route gets the shared Emulator as its first
    argument and runs holding its lock, once ``admit(emu)`` (authentication, and whatever
    else a vendor checks first) returned None; otherwise the answer is what ``admit``
    returned. ``admit`` may also raise an exception the blueprint answers."""
    def decorate(route):
        @functools.wraps(route)
        def run(*args, **kwargs):
            emu = get_emulator()
            with emu.lock:
                if admit is not None:
                    denied = admit(emu)
                    if denied is not None:
                        return denied
                return route(emu, *args, **kwargs)
        return run
    return decorate


def answer(body, status=200):
    """A JSON answer with this status."""
    resp = jsonify(body)
    resp.status_code = status
    return resp
