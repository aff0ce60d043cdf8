"""The request log entry of the current request (written by the core, never by a vendor)."""

from flask import request


def _body_keys():
    data = request.get_json(silent=True, cache=True) if request.is_json else None
    if isinstance(data, dict):
        return sorted(str(k) for k in data)
    return []


def _query_dict():
    query = {}
    for key in request.args:
        values = request.args.getlist(key)
        query[key] = values[0] if len(values) == 1 else values
    return query


def log_current_request(emu, status):
    """Log the current request with the status it was answered (0: connection dropped)."""
    emu.log_request(request.method, request.path, _query_dict(), status, _body_keys())
