"""Schemathesis hooks for Whistle's fuzz run (loaded through SCHEMATHESIS_HOOKS=whistle_hooks).

- A check that a refused request (4xx) changed nothing: the database's and Temporal's fingerprints, served
  by the test on loopback (FUZZ_FINGERPRINT_URL), are taken before each request and compared after a 4xx.
- Known ids (FUZZ_KNOWN_IDS) are mixed into path parameters, so the fuzzer reaches real cases,
  organizations and rule sets, not only 404s.
- Sign-in attempts never name the accounts the run itself uses (FUZZ_PROTECTED_USERNAMES), so the login
  throttle cannot lock them out halfway through.
- Account edits and password resets (which can end sessions) only reach users the run may change: its own
  target (FUZZ_MUTABLE_USER_IDS) and the users it created; any other id becomes a fresh one (a 404), so the
  run never signs out, demotes or deactivates its own accounts or another suite's.
- Counts every request by status into FUZZ_STATS_FILE.
"""

import atexit
import json
import os
import urllib.request
import uuid
from collections import Counter

import schemathesis
from hypothesis import strategies as st

FINGERPRINT_URL = os.environ.get("FUZZ_FINGERPRINT_URL")
STATS_FILE = os.environ.get("FUZZ_STATS_FILE")
KNOWN_IDS: dict = json.loads(os.environ.get("FUZZ_KNOWN_IDS", "{}"))
PROTECTED_USERNAMES = {u.lower() for u in os.environ.get("FUZZ_PROTECTED_USERNAMES", "").split(",") if u}
# Users whose accounts the run may edit or reset; users it creates are added as they are created.
MUTABLE_USER_IDS = {u.lower() for u in os.environ.get("FUZZ_MUTABLE_USER_IDS", "").split(",") if u}
USER_CHANGES = {"/api/users/{id}": {"PUT"}, "/api/users/{id}/reset-password": {"POST"}}

statuses: Counter = Counter()
# Refused requests whose fingerprints were compared.
refusals_compared = Counter()
_before: dict = {}


def _write_stats() -> None:
    if STATS_FILE:
        with open(STATS_FILE, "w") as out:
            json.dump(
                {
                    "requests": sum(statuses.values()),
                    "byStatus": {str(k): v for k, v in sorted(statuses.items())},
                    "refusalsCompared": refusals_compared["all"],
                },
                out,
            )


atexit.register(_write_stats)


def _fingerprint() -> dict:
    with urllib.request.urlopen(FINGERPRINT_URL, timeout=30) as response:
        return json.load(response)


def _operation_path(context) -> str:
    return context.operation.path if context.operation is not None else ""


def _protect_accounts(case) -> None:
    """Keeps the run off accounts it must not change, in every phase (stateful links included)."""
    path, method = case.operation.path, case.operation.method.upper()
    if method in USER_CHANGES.get(path, ()) and isinstance(case.path_parameters, dict):
        user_id = case.path_parameters.get("id")
        if isinstance(user_id, str) and user_id.lower() not in MUTABLE_USER_IDS:
            case.path_parameters = {**case.path_parameters, "id": str(uuid.uuid4())}
    if path == "/api/auth/login" and isinstance(case.body, dict):
        username = case.body.get("username")
        if isinstance(username, str) and username.strip().lower() in PROTECTED_USERNAMES:
            case.body = {**case.body, "username": f"fuzz-{username}"}


@schemathesis.hook
def before_call(context, case, kwargs):
    _protect_accounts(case)
    if FINGERPRINT_URL:
        _before["state"] = _fingerprint()


@schemathesis.hook
def after_call(context, case, response):
    statuses[response.status_code] += 1
    if sum(statuses.values()) % 200 == 0:
        _write_stats()
    # A user the run created is its own to edit and reset.
    if case.operation.path == "/api/users" and case.operation.method.upper() == "POST" and response.status_code == 201:
        try:
            MUTABLE_USER_IDS.add(str(response.json()["id"]).lower())
        except (ValueError, KeyError, TypeError):
            pass


@schemathesis.check
def refused_requests_change_nothing(ctx, response, case):
    """A request the API refused (4xx) must leave the database and the workflows as they were."""
    if not FINGERPRINT_URL or not 400 <= response.status_code < 500 or "state" not in _before:
        return None
    before, after = _before["state"], _fingerprint()
    refusals_compared["all"] += 1
    changed = sorted(k for k in set(before["tables"]) | set(after["tables"]) if before["tables"].get(k) != after["tables"].get(k))
    if before["workflows"] != after["workflows"]:
        changed.append(f"workflow executions {before['workflows']} -> {after['workflows']}")
    if changed:
        raise AssertionError(f"refused with {response.status_code} but changed: {', '.join(changed)}")
    return None


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, a real id of the kind this path takes (from the test's own street)."""
    known = KNOWN_IDS.get(_operation_path(context))
    if not known or not path_parameters or not next(iter(known.values())):
        return st.just(path_parameters)
    name = next(iter(known))
    return st.one_of(st.just(path_parameters), st.sampled_from(known[name]).map(lambda value: {**path_parameters, name: value}))
