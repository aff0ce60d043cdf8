# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r"""
options:
  api:
    description:
      - How to reach and authenticate to the SteelCentral Controller (cmc.configurator) API.
      - Every key can also be set for a whole play with C(module_defaults) and the
        C(group/ncm.platforms.scc) action group.
      - Credentials given in the task win over the environment as a whole (see the notes); when
        the task gives any of O(api.access_code), O(api.username) and O(api.password), none of them is taken from the environment.
    type: dict
    suboptions:
      url:
        description:
          - Base URL of the SteelCentral Controller, C(scheme://host[:port]) with an optional path prefix.
          - It must start with C(https://) or C(http://), name a host, and carry no spaces, query
            string or fragment; anything else fails before any request.
          - It must not end in C(/api), the API's own path prefix, which the module appends itself
            (that fails before any request); a reverse proxy's own path prefix, such as C(/nccm), stays.
          - The module appends the documented paths (C(/api/cmc.configurator/1.0/...)).
          - If not set, the value of the E(SCC_URL) environment variable is used.
        type: str
        required: true
      access_code:
        description:
          - The REST API access code generated in the Controller (Administration > Security >
            REST API Access); exchanged for an OAuth bearer token at C(/api/common/1.0/oauth/token).
          - Used when set; otherwise O(api.username) and O(api.password) are sent as HTTP Basic.
          - If not set, the value of the E(SCC_ACCESS_CODE) environment variable is used.
        type: str
      username:
        description:
          - User for HTTP Basic authentication, when O(api.access_code) is not set.
          - If not set, the value of the E(SCC_USERNAME) environment variable is used.
        type: str
      password:
        description:
          - Password for HTTP Basic authentication.
          - If not set, the value of the E(SCC_PASSWORD) environment variable is used.
        type: str
      validate_certs:
        description:
          - Whether to verify the server's TLS certificate.
          - V(false) wins over O(api.ca_path), whether that is set in the task or the
            environment; nothing is verified then, and the module warns once on an C(https://) URL.
          - If not set, the value of the E(SCC_VALIDATE_CERTS) environment variable is used.
        type: bool
        default: true
      ca_path:
        description:
          - A PEM file of CA certificates to verify the server against.
          - Used only when O(api.validate_certs=true); the file must exist then.
          - If not set, the value of the E(SCC_CA_PATH) environment variable is used.
        type: path
      timeout:
        description:
          - Seconds to wait for each HTTP answer; more than 0 and at most 3600 (a finite number).
          - If not set, the value of the E(SCC_TIMEOUT) environment variable is used.
        type: int
        default: 30
      retries:
        description:
          - How many times (0 or more, at most 10) a request is retried after a transient fault (connection error,
            HTTP 429, 502, 503 or 504), with capped exponential backoff.
          - A POST is retried only when it never reached the server.
        type: int
        default: 3
"""
