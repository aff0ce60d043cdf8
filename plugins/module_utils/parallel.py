# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run independent requests a few at a time (deletes of a purge, VOSS transactions).

The calls share one ``rest.RestClient``: its ``requests.Session`` pools connections for
threads. The first failure stops new calls from starting; the ones in flight end first.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from ansible_collections.ncm.platforms.plugins.module_utils import errors


def run_all(calls, max_in_flight, keep_going=False):
    """Run ``calls`` (``(key, function)`` pairs), at most ``max_in_flight`` at once.

    Returns ``[(key, result)]`` in the order the calls ended. On the first ``NcmError``
    no further call starts (unless ``keep_going``); after the running ones end, that error
    is raised with ``details["done"]``, the keys of the calls that succeeded. With
    ``keep_going`` every call runs, and one ``NcmError`` says which failed and why
    (``details["failed"]``: ``[(key, error)]``).
    """
    pending = list(calls)
    pending.reverse()
    done, failures, running = [], [], {}
    with ThreadPoolExecutor(max_workers=max(1, max_in_flight)) as pool:
        while pending or running:
            while pending and (keep_going or not failures) and len(running) < max_in_flight:
                key, function = pending.pop()
                running[pool.submit(function)] = key
            if not running:
                break
            finished, dummy = wait(list(running), return_when=FIRST_COMPLETED)
            for future in finished:
                key = running.pop(future)
                try:
                    done.append((key, future.result()))
                except errors.NcmError as exc:
                    failures.append((key, exc))
    if not failures:
        return done
    failure = failures[0][1]
    if keep_going:
        failure = errors.NcmError("%d of %d failed: %s" % (len(failures), len(calls), "; ".join(
            "%s: %s" % (key, exc.message) for key, exc in failures)), failed=failures)
    failure.details["done"] = [key for key, dummy in done]
    raise failure
