# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading the Controller's appliance inventory (``cmc.appliance_inventory`` 1.0), for
``cmc_appliance_info`` and the ``scc_appliances`` inventory plugin: one appliance shape for
both (``appliance_view``), the host variables made of it (``host_vars``), and the filters, sent
to the server where the service declares them and applied here in every case.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, validate

# The fields of an appliance (the service definition's ``appliance``), in the order shown.
FIELDS = ("id", "serial", "uuid", "hostname", "address", "auto_detected_address", "override_address", "model",
          "product_code", "arch", "version", "time_zone", "state", "health", "connectivity", "interfaces")
# The filters the service takes as query parameters; the other filters are applied here only.
SERVER_FILTERS = ("serial", "uuid", "health")
FILTERS = ("id", "serial", "uuid", "hostname", "address", "model", "product_code", "arch", "time_zone", "state",
           "health")
# Filters whose values are status words: compared without regard to case or separators.
WORDS = ("product_code", "state", "health")
HEALTH = ("normal", "degraded", "critical", "unknown")
HOST_VAR_PREFIX = "scc_"


def appliance_view(item):
    """An appliance as the module returns it and the inventory keeps it: every field of
    ``FIELDS`` (a field the answer lacks is None), nothing else."""
    return dict((key, item.get(key)) for key in FIELDS)


def host_name(view):
    """The inventory host name of an appliance: its hostname, else its serial."""
    return view.get("hostname") or view.get("serial")


def host_vars(view, prefix=HOST_VAR_PREFIX):
    """The host variables of an appliance: each field under ``prefix`` (``scc_serial``...)."""
    return dict((prefix + key, value) for key, value in view.items())


def checked_filters(filters, option="filters"):
    """``{field: [values]}`` from ``filters`` (a field -> a value or a list of values); an unknown
    field, an empty list or a health outside the service's words fails naming ``option.field``."""
    checked = {}
    for key, value in (filters or {}).items():
        if key not in FILTERS:
            raise errors.InputError("%s.%s is not a field that can be filtered on; use one of: %s."
                                    % (option, key, ", ".join(FILTERS)))
        values = value if isinstance(value, list) else [value]
        if not values or any(item is None for item in values):
            raise errors.InputError("%s.%s needs at least one value, and no null." % (option, key))
        for item in values:
            validate.not_blank("%s.%s" % (option, key), str(item))
        if key == "health":
            values = [_health(option, item) for item in values]
        checked[key] = values
    return checked


def _health(option, value):
    word = compare.spelled_as(value, HEALTH)
    if word is not None:
        return word
    raise errors.InputError("%s.health %r is not one of %s." % (option, value, ", ".join(HEALTH)))


def _same(key, actual, wanted):
    if actual is None:
        return False
    if key in WORDS:
        return compare.status_key(actual) == compare.status_key(wanted)
    return str(actual) == str(wanted)


def matches(view, filters):
    """Whether the appliance matches every filter of ``checked_filters`` (any of its values)."""
    return all(any(_same(key, view.get(key), wanted) for wanted in values) for key, values in filters.items())


def read_appliances(client, filters):
    """The appliances (``appliance_view``) that every filter matches: a server-side filter with one
    value is sent as a query parameter; every filter is applied again here (a server ignores an
    unknown parameter, and may be more tolerant than asked)."""
    query = dict((key, values[0]) for key, values in filters.items() if key in SERVER_FILTERS and len(values) == 1)
    views = [appliance_view(item) for item in client.appliances(**query) if isinstance(item, dict)]
    return [view for view in views if matches(view, filters)]


def read(client, params):
    """``cmc_appliance_info``: one appliance by ``id``, or those that ``serial`` and ``filters`` select."""
    validate.at_least("id", params.get("id"), 1)
    validate.not_blank("serial", params.get("serial"))
    if params.get("id") is not None:
        item = client.appliance(params["id"])
        return False, {"appliances": [appliance_view(item)] if isinstance(item, dict) else []}
    filters = checked_filters(params.get("filters"))
    if params.get("serial") is not None:
        if "serial" in filters:
            raise errors.InputError("serial and filters.serial are mutually exclusive: give one of them.")
        filters["serial"] = [params["serial"]]
    return False, {"appliances": read_appliances(client, filters)}
