"""Shared test configuration: hypothesis profiles.

``dev`` (the default) explores freshly every run; ``ci`` (chosen when the
``CI`` environment variable is set) is derandomised so a CI run is repeatable.
Neither has a deadline: speed is measured by ``benchmarks/``, not by tests.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
