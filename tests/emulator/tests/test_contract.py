"""Contract test: every endpoint in the vendor documents (seeds/) exists and answers in the documented shape.

The endpoints are listed per vendor in ``contract_<vendor>.py`` next to this file (see
contract_infraon.py for the interface); a new vendor only adds its own module.
"""

import glob
import importlib
import os
import re

import pytest

HERE = os.path.dirname(os.path.realpath(__file__))
REQUEST_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/\S*) HTTP/1\.[01]\s*$", re.M)


def _contract_modules():
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(HERE, "contract_*.py")))
    return [importlib.import_module(name) for name in names]


MODULES = _contract_modules()
CASES = [(m, e) for m in MODULES for e in m.ENDPOINTS]


def _seeds_dir():
    """NCM_SEEDS_DIR, else the vendor documents kept in the repository (tests/emulator/seeds)."""
    return os.environ.get("NCM_SEEDS_DIR") or os.path.join(os.path.dirname(HERE), "seeds")


def normalise(path):
    """Drop the query; any {placeholder} becomes {}."""
    return re.sub(r"\{[^}]*\}", "{}", path.split("?", 1)[0])


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# a scalar sample's type -> what the actual value may be (bool first: a bool is an int too)
SCALAR_CHECKS = (
    (bool, lambda actual: isinstance(actual, bool)),
    (int, lambda actual: isinstance(actual, int) and not isinstance(actual, bool)),
    (float, _is_number),
    (str, lambda actual: isinstance(actual, str)),
)


def _matches_object(sample, actual, where):
    if not isinstance(actual, dict):
        return ["%s: expected an object, got %r" % (where, type(actual).__name__)]
    if list(sample) == ["ANY_ADDITIONAL_PROPERTY"]:
        return []
    problems = []
    for key, value in sample.items():
        if key not in actual:
            problems.append("%s.%s: missing" % (where, key))
        elif actual[key] is not None:
            problems.extend(matches(value, actual[key], "%s.%s" % (where, key)))
    return problems


def _matches_list(sample, actual, where):
    if not isinstance(actual, list):
        return ["%s: expected a list, got %r" % (where, type(actual).__name__)]
    problems = []
    if sample:
        for index, item in enumerate(actual):
            problems.extend(matches(sample[0], item, "%s[%d]" % (where, index)))
    return problems


def _matches_scalar(sample, actual, where):
    if actual is None:
        return []
    for kind, accepts in SCALAR_CHECKS:
        if isinstance(sample, kind):
            return [] if accepts(actual) else ["%s: expected %s, got %r" % (where, type(sample).__name__, actual)]
    return []


def matches(sample, actual, where="$"):
    """Check actual against a documented sample answer; returns a list of problems.

    dict: every sample key present, values matching (a sample whose only key is
    ANY_ADDITIONAL_PROPERTY accepts any object); list: every item matches sample[0];
    str / int / bool samples: same type, or null; a float sample accepts any number.
    """
    if isinstance(sample, dict):
        return _matches_object(sample, actual, where)
    if isinstance(sample, list):
        return _matches_list(sample, actual, where)
    return _matches_scalar(sample, actual, where)


def _fill(value, variables):
    if isinstance(value, str):
        return value.format(**variables) if "{" in value else value
    if isinstance(value, list):
        return [_fill(v, variables) for v in value]
    if isinstance(value, dict):
        return dict((k, _fill(v, variables)) for k, v in value.items())
    return value


@pytest.mark.parametrize("module", MODULES, ids=[m.__name__ for m in MODULES])
def test_every_seed_endpoint_is_in_the_contract(module):
    seeds = _seeds_dir()
    documented = set()
    finder = getattr(module, "documented_requests", REQUEST_LINE.findall)  # a module may read its documents its own way
    for name in module.SEED_FILES:
        with open(os.path.join(seeds, name)) as handle:
            documented.update((m, normalise(p)) for m, p in finder(handle.read()))
    assert documented, "no request lines found in %s" % module.SEED_FILES
    covered = set((e["method"], normalise(e["path"])) for e in module.ENDPOINTS)
    assert sorted(documented - covered) == []


@pytest.mark.parametrize("module,endpoint", CASES, ids=["%s %s" % (e["method"], e["path"]) for _m, e in CASES])
def test_endpoint_answers_in_the_documented_shape(emu_url, admin, module, endpoint):
    session, variables = module.prepare(emu_url, admin)
    kwargs = {"timeout": 10}
    if "json" in endpoint:
        kwargs["json"] = _fill(endpoint["json"], variables)
    resp = session.request(endpoint["method"], emu_url + _fill(endpoint["url"], variables), **kwargs)
    assert resp.status_code == endpoint["status"], resp.text
    if endpoint.get("content_type"):  # a file, not JSON: check its media type and that it is not empty
        assert resp.headers["Content-Type"].startswith(endpoint["content_type"]) and resp.content
    elif endpoint["shape"] is None:
        assert resp.content == b""
    else:
        assert matches(endpoint["shape"], resp.json()) == []


def test_matches_helper():
    assert matches({"a": "t", "n": 1, "l": [{"x": True}]}, {"a": "s", "n": None, "l": [{"x": False}], "extra": 1}) == []
    assert matches({"a": "t"}, {}) == ["$.a: missing"]
    assert matches([{"n": 1}], [{"n": "1"}]) == ["$[0].n: expected int, got '1'"]
    assert matches({"ANY_ADDITIONAL_PROPERTY": "x"}, {"whatever": 1}) == []
