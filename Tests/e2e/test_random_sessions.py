"""A randomised client against the real `agendac lsp` (lsp_random.py), and its memory over many edits.

The sessions are seeded, so a failure names the session that replays it:
`python3 Tests/e2e/lsp_random.py --seed S --only I -v`. CI runs
E2E_RANDOM_SESSIONS sessions (500); set it to thousands for a long run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import lsp_random as R

SELFTEST = bool(os.environ.get("AGENDAC_REFERENCE_BIN"))
pytestmark = pytest.mark.skipif(SELFTEST, reason="the pygls stand-in of --self-test is not what these sessions test")


def test_random_sessions(agendac: Path, tmp_path: Path):
    import concurrent.futures

    sessions = int(os.environ.get("E2E_RANDOM_SESSIONS", "500"))
    seed = int(os.environ.get("E2E_RANDOM_SEED", "1"))
    jobs = int(os.environ.get("E2E_RANDOM_JOBS", "2"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        failures = [f for f in pool.map(lambda i: R.run_session(str(agendac), seed, i, tmp_path), range(sessions)) if f]
    assert not failures, f"{len(failures)} of {sessions} sessions failed (seed {seed}):\n" + "\n".join(failures[:5])


def test_memory_is_flat_over_ten_thousand_edits(agendac: Path):
    resident = R.memory_over_edits(str(agendac), cycles=10_000, size=1_000_000, probes=(1_000, 10_000))
    early, late = resident[1_000], resident[10_000]
    # bounded growth: a leak of even 1 kB an edit cycle would add 9 MB
    assert late <= early * 1.10 + 4096, f"RSS grew from {early} KiB at cycle 1,000 to {late} KiB at cycle 10,000"
