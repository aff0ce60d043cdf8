# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: scc_appliances
short_description: SteelCentral Controller appliances as an Ansible inventory
version_added: 0.1.0
description:
  - One host per appliance of the Controller's appliance inventory (service
    C(cmc.appliance_inventory) 1.0, C(GET /api/cmc.appliance_inventory/1.0/appliances)), named
    by its hostname, or by its serial number when it has none (or when its hostname is already taken).
  - C(ansible_host) is the appliance's C(address) (the override address when set, else the auto-detected one).
  - Every field of the appliance is a host variable with the prefix C(scc_) (V(scc_serial),
    V(scc_hostname), V(scc_address), V(scc_product_code), V(scc_health), V(scc_state),
    V(scc_version), ...), the shape M(ncm.platforms.cmc_appliance_info) returns without the prefix.
  - Every host is in the group C(scc_appliances) and, with O(default_groups), in
    C(scc_product_<code>), C(scc_health_<health>) and C(scc_state_<state>) (lower case, for example
    C(scc_product_sh), C(scc_health_normal), C(scc_state_read_only)).
  - The configuration file's name must end in C(scc_appliances.yml) or C(scc_appliances.yaml).
  - The connection settings are the O(api) option of the modules, with the same environment
    variables; a secret may be vault-encrypted in the file (C(!vault)) and is never shown, at any verbosity.
author:
  - ncm.platforms contributors (@ncm-platforms)
requirements:
  - requests
extends_documentation_fragment:
  - constructed
  - inventory_cache
  - ncm.platforms.scc
options:
  plugin:
    description: The name of this plugin; it marks the file as this plugin's configuration.
    required: true
    type: str
    choices: [ncm.platforms.scc_appliances]
  filters:
    description:
      - Only the appliances whose field matches, for every field given; a field maps to a value
        or a list of values (any of them).
      - The fields are C(id), C(serial), C(uuid), C(hostname), C(address), C(model),
        C(product_code), C(arch), C(time_zone), C(state) and C(health); another key fails.
      - C(serial), C(uuid) and C(health) with one value are sent to the Controller as query
        parameters; every filter is also applied to its answer.
      - C(product_code), C(state) and C(health) compare without regard to case or separators.
    type: dict
    default: {}
  default_groups:
    description:
      - Whether to add each host to the groups C(scc_product_<code>), C(scc_health_<health>)
        and C(scc_state_<state>).
    type: bool
    default: true
seealso:
  - module: ncm.platforms.cmc_appliance_info
  - module: ncm.platforms.cmc_push_job
"""

EXAMPLES = r"""
# scc.scc_appliances.yml: every appliance, grouped by product code, health and state;
# the URL and access code from SCC_URL and SCC_ACCESS_CODE.
plugin: ncm.platforms.scc_appliances

---
# prod.scc_appliances.yml: the managed SteelHeads, with a vault-encrypted access code,
# cached for an hour, grouped by time zone, with a variable of their own.
plugin: ncm.platforms.scc_appliances
api:
  url: https://scc.example.com
  access_code: !vault |
    $ANSIBLE_VAULT;1.1;AES256
    62313365396662343061393464336163383764373764613633653634306231386433626436623361
    6534333731323335626334626661386233613866643066370a343836366463623765333232313363
    3264
  ca_path: /etc/pki/scc-ca.pem
filters:
  product_code: SH
  state: managed
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/scc_appliances
cache_timeout: 3600
keyed_groups:
  - key: scc_time_zone
    prefix: tz
compose:
  scc_major_version: scc_version.version_number.split('.')[0]

# Then push to the healthy appliances of a group:
#   ansible.builtin.include_role:
#     name: ncm.platforms.push_config
#   vars:
#     push_config_features: [ntp]
#     push_config_hosts: "{{ groups['scc_health_normal'] }}"
"""

from ansible.errors import AnsibleParserError
from ansible.inventory.group import to_safe_group_name
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.utils.display import Display

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, runner
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, inventory as appliances
from ansible_collections.ncm.platforms.plugins.plugin_utils import api_settings

display = Display()

ALL_GROUP = "scc_appliances"
# default group -> the appliance field it is made of
DEFAULT_GROUPS = (("product", "product_code"), ("health", "health"), ("state", "state"))


def default_groups(view):
    """The default group names of an appliance (a field without a value gives no group)."""
    return [to_safe_group_name("%s%s_%s" % (appliances.HOST_VAR_PREFIX, kind, str(view[field]).lower()))
            for kind, field in DEFAULT_GROUPS if view.get(field)]


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "ncm.platforms.scc_appliances"

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(
            ("scc_appliances.yml", "scc_appliances.yaml"))

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)
        cache_key = self.get_cache_key(path)
        views = None
        if cache and self.get_option("cache"):
            try:
                views = self._cache[cache_key]
            except KeyError:
                pass  # not cached yet, or expired
        if views is None:
            views = self.read(path)
            if self.get_option("cache"):
                self._cache[cache_key] = views
        self.populate(views)

    def read(self, path):
        """The appliances the configuration selects, read from the Controller."""
        task = None
        try:
            filters = appliances.checked_filters(self.get_option("filters"))
            task = api_settings.task_of("scc", self.get_option("api"), debug=display.vvvv, warn=display.warning)
            return appliances.read_appliances(scc.connect(task), filters)
        except errors.NcmError as exc:
            secrets = runner.secret_forms(task) if task is not None else ()
            raise AnsibleParserError("%s: %s" % (path, rest.redact(str(exc), secrets))) from None

    def populate(self, views):
        """One host per appliance, its variables, the default and the constructed groups."""
        strict = self.get_option("strict")
        self.inventory.add_group(ALL_GROUP)
        for view in views:
            name = self.host_name(view)
            self.inventory.add_host(name, group=ALL_GROUP)
            host_vars = appliances.host_vars(view)
            for key, value in host_vars.items():
                self.inventory.set_variable(name, key, value)
            if view.get("address"):
                self.inventory.set_variable(name, "ansible_host", view["address"])
            if self.get_option("default_groups"):
                for group in default_groups(view):
                    self.inventory.add_group(group)
                    self.inventory.add_child(group, name)
            self._set_composite_vars(self.get_option("compose"), host_vars, name, strict=strict)
            self._add_host_to_composed_groups(self.get_option("groups"), host_vars, name, strict=strict)
            self._add_host_to_keyed_groups(self.get_option("keyed_groups"), host_vars, name, strict=strict)

    def host_name(self, view):
        """The appliance's hostname, else its serial; its serial too when another appliance has the name."""
        name = appliances.host_name(view)
        if name in self.inventory.hosts and name != view.get("serial"):
            display.warning("Two appliances have the hostname %s: the one with serial %s is named by its serial."
                            % (name, view.get("serial")))
            return view.get("serial")
        return name
