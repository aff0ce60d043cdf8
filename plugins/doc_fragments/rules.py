# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every module of the collection needs and the rules it keeps, stated once for every
module's docs (ansible-doc adds a fragment's ``requirements`` and ``notes`` to the module's own)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    DOCUMENTATION = r"""
options: {}
requirements:
  - The Python library C(requests), on the host the module runs on. A task on a local connection
    runs the module in the controller's worker process, so it needs C(requests) in the controller's
    own Python (where ansible-core runs); a task delegated to another host, or run with C(become),
    C(async) or another C(ansible_python_interpreter), needs it in that Python (see "Where a task
    runs" in the collection's README). An execution environment built with ansible-builder gets it
    from the collection's C(requirements.txt).
notes:
  - Credentials given in the task (by C(module_defaults) too) win over the environment as a whole,
    so a login never mixes the two sources; an environment variable that is empty (or only spaces)
    counts as unset.
  - Every number option, C(api.timeout) and C(api.retries) as well as the module's own, must be
    finite and at most its stated maximum; NaN, infinities and larger values fail before any
    request, naming the option.
  - A wait's deadline (C(wait_timeout), C(transaction_timeout)) bounds every sleep within it, the
    HTTP layer's retries and the server's C(Retry-After) included; a server that asks to be asked
    again only after the deadline ends the wait at once, and the message says what it asked.
  - In the modules and roles that manage many objects, an empty list never means "all";
    C(state=overridden) with an empty or missing C(config) fails before any request, and
    C(state=deleted) with C(config=[]) deletes nothing.
  - Every HTTP error message shows the full URL that was requested.
  - C(module_defaults) for C(group/ncm.platforms.all) can carry only the C(api) keys every platform
    has (C(url), C(username), C(password), C(validate_certs), C(ca_path), C(timeout), C(retries));
    give the others (C(api_key), C(access_code)) under C(group/ncm.platforms.infraon),
    C(group/ncm.platforms.scc) or C(group/ncm.platforms.voss). ansible-core does not merge the
    C(api) dicts of two groups (the last one found replaces the other as a whole), so a platform
    group that sets C(api) must give every key that platform needs.
"""
