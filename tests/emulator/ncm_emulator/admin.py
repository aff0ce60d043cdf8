"""The admin API under /_emulator/ (no auth, never logged). See tests/emulator/README.md."""

from flask import Blueprint, jsonify, request

from .context import view

bp = Blueprint("ncm_emulator_admin", __name__, url_prefix="/_emulator")
MAX_LOG_WAIT = 120  # seconds a GET /log?wait_count=N may wait
admin_view = view()  # no authentication: the admin API is for the tests and tools on loopback


def _body(default=None):
    if not request.get_data(cache=True):
        return default
    data = request.get_json(silent=True, cache=True)
    if data is None:
        raise ValueError("the body must be JSON")
    return data


def _bad(exc):
    resp = jsonify({"error": str(exc)})
    resp.status_code = 400
    return resp


bp.register_error_handler(ValueError, _bad)


def _fill(template, index):
    """Copy a template; in strings, "{n}" is the 1-based and "{i}" the 0-based index."""
    if isinstance(template, dict):
        return dict((k, _fill(v, index)) for k, v in template.items())
    if isinstance(template, list):
        return [_fill(v, index) for v in template]
    if isinstance(template, str) and "{" in template:
        try:
            return template.format(n=index + 1, i=index)
        except (KeyError, IndexError, ValueError):
            return template
    return template


def generate(spec):
    """Expand {"collection", "count", "template"} into (collection, objects)."""
    if not isinstance(spec, dict) or "collection" not in spec:
        raise ValueError("generate: expected {\"collection\", \"count\", \"template\"}")
    count = spec.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError("generate: count must be a non-negative integer")
    template = spec.get("template", {})
    if not isinstance(template, dict):
        raise ValueError("generate: template must be an object")
    return spec["collection"], [_fill(template, i) for i in range(count)]


@bp.route("/", methods=["GET"])
@admin_view
def index(emu):
    return jsonify({
        "vendors": sorted(emu.vendors),
        "collections": dict((k, len(v)) for k, v in sorted(emu.store.items())),
        "switches": dict(emu.switches),
        "faults": len(emu.faults),
        "log": len(emu.log),
    })


@bp.route("/reset", methods=["POST"])
@admin_view
def reset(emu):
    """Reset (all, or one vendor), then, when given, set ``switches``, ``seed`` and add
    ``faults``, each as its own call would: one call sets a test up."""
    body = _body({}) or {}
    if not isinstance(body, dict):
        raise ValueError("reset: expected an object such as {\"vendor\": \"infraon\"}")
    emu.reset(body.get("vendor"))
    answer = {"reset": body.get("vendor") or "all"}
    if body.get("switches"):
        answer["switches"] = emu.set_switches(body["switches"])
    if body.get("seed"):
        answer["ids"] = _seed(emu, body["seed"])
    if body.get("faults"):
        specs = body["faults"] if isinstance(body["faults"], list) else [body["faults"]]
        answer["faults"] = [emu.add_fault(spec) for spec in specs]
    return jsonify(answer)


@bp.route("/seed", methods=["POST"])
@admin_view
def seed(emu):
    return jsonify({"ids": _seed(emu, _body())})


def _seed(emu, body):
    """Seed the objects of a ``/seed`` body; the ids made, per collection."""
    if not isinstance(body, dict):
        raise ValueError("seed: expected an object of collection -> list of objects")
    batches = []
    for key, value in body.items():
        if key == "generate":
            for spec in (value if isinstance(value, list) else [value]):
                batches.append(generate(spec))
        else:
            batches.append((key, value))
    created = {}
    for collection, objects in batches:
        created.setdefault(collection, []).extend(emu.seed(collection, objects))
    return created


@bp.route("/collections/<name>", methods=["GET"])
@admin_view
def raw_collection(emu, name):
    """The stored objects of one collection, as stored (secrets in clear)."""
    return jsonify(emu.list_objects(name))


@bp.route("/switches", methods=["GET"])
@admin_view
def get_switches(emu):
    return jsonify(dict(emu.switches))


@bp.route("/switches", methods=["PUT", "POST", "PATCH"])
@admin_view
def put_switches(emu):
    return jsonify(emu.set_switches(_body({})))


@bp.route("/switches/defaults", methods=["GET"])
@admin_view
def switch_defaults(emu):
    return jsonify({"defaults": dict(emu.switch_defaults),
                    "choices": dict((k, list(v)) for k, v in emu.switch_choices.items())})


@bp.route("/faults", methods=["POST"])
@admin_view
def add_fault(emu):
    body = _body()
    specs = body if isinstance(body, list) else [body]
    added = [emu.add_fault(spec) for spec in specs]
    resp = jsonify(added if isinstance(body, list) else added[0])
    resp.status_code = 201
    return resp


@bp.route("/faults", methods=["GET"])
@admin_view
def list_faults(emu):
    return jsonify([dict(f) for f in emu.faults])


@bp.route("/faults", methods=["DELETE"])
@admin_view
def delete_faults(emu):
    return jsonify({"deleted": emu.delete_faults()})


@bp.route("/faults/<int:fault_id>", methods=["DELETE"])
@admin_view
def delete_fault(emu, fault_id):
    return jsonify({"deleted": emu.delete_faults(fault_id)})


@bp.route("/log", methods=["GET"])
@admin_view
def get_log(emu):
    """The log entries (filters method, path, since). With ``wait_count=N`` the answer waits
    until at least N entries pass the filters (an entry is written when its request has been
    answered), at most ``timeout`` seconds (default 20), then answers 504 with what it holds."""
    method = request.args.get("method")
    methods = set(m.strip().upper() for m in method.split(",")) if method else None
    path = request.args.get("path")
    since = int(request.args.get("since", 0))
    wait_count = int(request.args.get("wait_count", 0))
    timeout = float(request.args.get("timeout", 20))
    if wait_count < 0 or not 0 <= timeout <= MAX_LOG_WAIT:
        raise ValueError("log: wait_count must be 0 or more and timeout 0 to %d seconds" % MAX_LOG_WAIT)

    def matching():
        return [dict(e) for e in emu.log if e["seq"] > since and (methods is None or e["method"] in methods)
                and (not path or path in e["path"])]

    reached = emu.logged.wait_for(lambda: len(matching()) >= wait_count, timeout)  # releases the lock while waiting
    entries = matching()
    answer = {"count": len(entries), "entries": entries}
    if reached:
        return jsonify(answer)
    answer["error"] = "the log held %d such entries, not %d, after %s s" % (len(entries), wait_count, timeout)
    resp = jsonify(answer)
    resp.status_code = 504
    return resp


@bp.route("/log", methods=["DELETE"])
@admin_view
def clear_log(emu):
    count = len(emu.log)
    emu.log.clear()
    return jsonify({"deleted": count})


@bp.route("/clock", methods=["GET"])
@admin_view
def get_clock(emu):
    return jsonify({"clock": emu.clock(), "offset": emu.clock_offset, "now": emu.now().isoformat()})


@bp.route("/clock", methods=["POST"])
@admin_view
def advance_clock(emu):
    body = _body({}) or {}
    seconds = body.get("advance", 0) if isinstance(body, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise ValueError("clock: expected {\"advance\": seconds}")
    emu.advance_clock(seconds)
    return jsonify({"clock": emu.clock(), "offset": emu.clock_offset, "now": emu.now().isoformat()})


@bp.route("/state", methods=["POST"])
@admin_view
def save_state(emu):
    """Write the --state-file now."""
    return jsonify({"saved": emu.save_state(force=True)})
