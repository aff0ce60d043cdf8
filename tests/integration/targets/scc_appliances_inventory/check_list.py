"""Checks the JSON of `ansible-inventory --list` against the emulator's default appliances."""

import json
import sys


def plain(data):
    """The data without the markers --output writes around values from an inventory source."""
    if isinstance(data, dict):
        if set(data) == {"__ansible_unsafe"}:
            return data["__ansible_unsafe"]
        return dict((key, plain(value)) for key, value in data.items())
    if isinstance(data, list):
        return [plain(item) for item in data]
    return data


with open(sys.argv[1]) as listing:
    inventory = plain(json.load(listing))
hostvars = inventory["_meta"]["hostvars"]


def hosts(group):
    return sorted(inventory.get(group, {}).get("hosts", []))


def expect(what, got, wanted):
    if got != wanted:
        sys.exit("%s: %r, expected %r" % (what, got, wanted))


expect("hosts", sorted(hostvars), ["XN99Z0009A01", "branch-madrid-sh1", "branch-paris-sh1", "dc-frankfurt-sh1",
                                   "dc-frankfurt-sh2", "hq-london-sh1", "hq-london-sh2"])
expect("scc_health_normal", hosts("scc_health_normal"), ["branch-paris-sh1", "dc-frankfurt-sh1", "hq-london-sh1", "hq-london-sh2"])
expect("scc_product_ex", hosts("scc_product_ex"), ["dc-frankfurt-sh1", "dc-frankfurt-sh2"])
expect("scc_state_read_only", hosts("scc_state_read_only"), ["branch-madrid-sh1"])
expect("scc_product_gc", hosts("scc_product_gc"), ["XN99Z0009A01"])
expect("keyed group tz_Europe_Berlin", hosts("tz_Europe_Berlin"), ["dc-frankfurt-sh1", "dc-frankfurt-sh2"])
frankfurt = hostvars["dc-frankfurt-sh2"]
expect("ansible_host", frankfurt["ansible_host"], "dc-fra-sh2.example.net")
expect("scc_serial", frankfurt["scc_serial"], "XN20D0002A02")
expect("composed scc_major_version", frankfurt["scc_major_version"], "9")
expect("no address, no ansible_host", "ansible_host" in hostvars["XN99Z0009A01"], False)
print("ansible-inventory --list: %d hosts, groups and variables as expected" % len(hostvars))
