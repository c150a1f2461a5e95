"""Hypothesis profiles of the engine property tests, chosen with `HYPOTHESIS_PROFILE`.

- `ci` (the default): 500 examples, derandomized, so every run of
  `make test` tries the same examples;
- `long`: 5,000 random examples, for `make test-long`.

The profile is applied per test with `@engine_settings()` instead of being
loaded globally, so hypothesis tests in other folders keep their settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}

settings.register_profile("ci", max_examples=500, derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=5_000, **_COMMON)  # type: ignore[arg-type]


def engine_settings() -> settings:
    """Return the profile named by `HYPOTHESIS_PROFILE` (`ci` when unset)."""
    return settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
