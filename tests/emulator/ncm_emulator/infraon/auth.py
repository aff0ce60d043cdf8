"""Infraon NCCM authentication: the API key, or a token from ``POST /ux/api-token-auth/``."""

import binascii
import os

from flask import request

from ..context import answer
from .fields import MSG_BLANK, MSG_REQUIRED
from .store import TOKENS


def admit(emu):
    """None when the ``Authorization`` header holds the API key or a token, else the 401 answer."""
    given = request.headers.get("Authorization")
    if given:
        if given == emu.config["infraon"]["api_key"]:
            return None
        if emu.get_object(TOKENS, given) is not None:
            return None
    return answer({"error": "Invalid API key."}, 401)


def login(emu, body):
    """The answer of a token login with these credentials: the user's token (made once)."""
    if not isinstance(body, dict):
        body = {}
    errors = {}
    for name in ("username", "password"):
        if not body.get(name):
            errors[name] = [MSG_REQUIRED if name not in body else MSG_BLANK]
    if errors:
        return answer(errors, 400)
    conf = emu.config["infraon"]
    if body["username"] != conf["username"] or body["password"] != conf["password"]:
        return answer({"non_field_errors": ["Unable to log in with provided credentials."]}, 400)
    for token in emu.list_objects(TOKENS):
        if token.get("username") == body["username"]:
            return answer({"token": token["id"]})
    token = {"id": binascii.hexlify(os.urandom(20)).decode(), "username": body["username"]}
    emu.put_object(TOKENS, token)
    return answer({"token": token["id"]})
