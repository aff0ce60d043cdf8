# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral collections, and the jobs as the store holds and the API shows them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from . import jobs
from .job_request import validate_new_job

BASE = "/api/cmc.configurator/1.0"
FEATURES = "scc_features"
SITE_TYPES = "scc_site_types"
SITES = "scc_sites"
APPLIANCES = "scc_appliances"
JOBS = "scc_jobs"
TOKENS = "scc_tokens"
COLLECTIONS = (FEATURES, SITE_TYPES, SITES, APPLIANCES, JOBS, TOKENS)


def epoch(emu):
    """The emulator's clock as epoch seconds."""
    return emu.now().timestamp()


def find(emu, collection, obj_id):
    """An object by id, whether the store key is the int or (after a state reload) its string."""
    coll = emu.collection(collection)
    found = coll.get(obj_id)
    if found is None:
        found = coll.get(str(obj_id))
    return found


def sorted_by_id(objects):
    return sorted(objects, key=lambda obj: (str(type(obj["id"])), obj["id"]))


def next_int_id(objects):
    """One more than the largest integer id among ``objects`` (1 for none)."""
    ids = [obj["id"] for obj in objects if isinstance(obj.get("id"), int) and not isinstance(obj["id"], bool)]
    return max(ids) + 1 if ids else 1


def catalogue(emu):
    """Features, site types, sites and appliances as lists (for job validation)."""
    return {
        "features": emu.list_objects(FEATURES),
        "site_types": emu.list_objects(SITE_TYPES),
        "sites": emu.list_objects(SITES),
        "appliances": emu.list_objects(APPLIANCES),
    }


def render(emu, job, now, as_submitted=False):
    """A job as the API shows it, in the shape chosen by the ``scc_job_*`` switches."""
    return jobs.render_job(job, now, as_submitted=as_submitted,
                           spelling=emu.switch("scc_job_status_spelling"),
                           optional_keys=emu.switch("scc_job_optional_keys"),
                           unused_targets=emu.switch("scc_job_unused_targets"))


def new_job(emu, body, created, script, job_id=None):
    """Validate a job (raises JobError) and make its stored form (the next free id by default)."""
    fields, serials = validate_new_job(body, catalogue(emu))
    if job_id is None:
        job_id = next_int_id(emu.list_objects(JOBS))
    return jobs.new_job(job_id, fields, serials, created, script)
