# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""emulator_admin: one call to the emulator's admin API (/_emulator/...), made on the controller.

The integration targets reset, seed and read the emulator hundreds of times per run; as
``ansible.builtin.uri`` tasks each call cost a module process (about 0.8 s of CPU here), as
an action it costs a few milliseconds. Not for the collection's own API calls: those go
through the modules under test.

Options: ``url`` (required), ``method`` (GET), ``body`` (sent as JSON when given),
``status_code`` (the accepted status or a list of them, 200). Returns ``status`` and ``json`` (the
answer parsed, or None when it is empty), as ``uri`` does; never ``changed``.
"""

from __future__ import annotations

import json

from urllib.error import HTTPError
from ansible.module_utils.urls import open_url
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(("url", "method", "body", "status_code"))

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        args = self._task.args
        if not args.get("url"):
            return dict(result, failed=True, msg="emulator_admin: url is required")
        method = args.get("method", "GET").upper()
        codes = args.get("status_code", 200)
        accepted = [int(code) for code in (codes if isinstance(codes, list) else [codes])]
        data = None if args.get("body") is None else json.dumps(args["body"])
        headers = {"Content-Type": "application/json"} if data is not None else {}
        try:
            answer = open_url(args["url"], method=method, data=data, headers=headers, timeout=30)
            status, text = answer.getcode(), answer.read()
        except HTTPError as exc:
            status, text = exc.code, exc.read()
        parsed = json.loads(text) if text and text.strip() else None
        result.update(changed=False, status=status, json=parsed)
        if status not in accepted:
            result.update(failed=True, msg="%s %s answered HTTP %s, not one of %s" % (method, args["url"], status, accepted))
        return result
