"""Schemathesis hooks for Whistle's fuzz run (loaded through SCHEMATHESIS_HOOKS=whistle_hooks).

- A check that a refused request (4xx) changed nothing: the database's and Temporal's fingerprints, served
  by the test on loopback (FUZZ_FINGERPRINT_URL), are taken before each request and compared after a 4xx.
- Known ids (FUZZ_KNOWN_IDS) are mixed into path parameters, so the fuzzer reaches real cases,
  organizations and rule sets, not only 404s.
- Sign-in attempts never name the accounts the run itself uses (FUZZ_PROTECTED_USERNAMES), so the login
  throttle cannot lock them out halfway through.
- Counts every request by status into FUZZ_STATS_FILE.
"""

import atexit
import json
import os
import urllib.request
from collections import Counter

import schemathesis
from hypothesis import strategies as st

FINGERPRINT_URL = os.environ.get("FUZZ_FINGERPRINT_URL")
STATS_FILE = os.environ.get("FUZZ_STATS_FILE")
KNOWN_IDS: dict = json.loads(os.environ.get("FUZZ_KNOWN_IDS", "{}"))
PROTECTED_USERNAMES = {u.lower() for u in os.environ.get("FUZZ_PROTECTED_USERNAMES", "").split(",") if u}

statuses: Counter = Counter()
_before: dict = {}


def _write_stats() -> None:
    if STATS_FILE:
        with open(STATS_FILE, "w") as out:
            json.dump({"requests": sum(statuses.values()), "byStatus": {str(k): v for k, v in sorted(statuses.items())}}, out)


atexit.register(_write_stats)


def _fingerprint() -> dict:
    with urllib.request.urlopen(FINGERPRINT_URL, timeout=30) as response:
        return json.load(response)


def _operation_path(context) -> str:
    return context.operation.path if context.operation is not None else ""


@schemathesis.hook
def before_call(context, case, kwargs):
    if FINGERPRINT_URL:
        _before["state"] = _fingerprint()


@schemathesis.hook
def after_call(context, case, response):
    statuses[response.status_code] += 1
    if sum(statuses.values()) % 200 == 0:
        _write_stats()


@schemathesis.check
def refused_requests_change_nothing(ctx, response, case):
    """A request the API refused (4xx) must leave the database and the workflows as they were."""
    if not FINGERPRINT_URL or not 400 <= response.status_code < 500 or "state" not in _before:
        return None
    before, after = _before["state"], _fingerprint()
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
    if not known or not path_parameters:
        return st.just(path_parameters)
    name = next(iter(known))
    return st.one_of(st.just(path_parameters), st.sampled_from(known[name]).map(lambda value: {**path_parameters, name: value}))


@schemathesis.hook
def map_body(context, body):
    """Fuzzed sign-ins never use the run's own accounts: the login throttle must not lock them out."""
    if _operation_path(context).endswith("/auth/login") and isinstance(body, dict):
        username = body.get("username")
        if isinstance(username, str) and username.strip().lower() in PROTECTED_USERNAMES:
            return {**body, "username": f"fuzz-{username}"}
    return body
