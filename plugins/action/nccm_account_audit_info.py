# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs ncm.platforms.nccm_account_audit_info in the controller's worker process when the task runs there
(plugin_utils/in_process.py says when), else as a module."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.modules import nccm_account_audit_info
from ansible_collections.ncm.platforms.plugins.plugin_utils.in_process import ModuleAction


class ActionModule(ModuleAction):
    module = nccm_account_audit_info
