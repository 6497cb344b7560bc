import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import e2e_support as S  # noqa: E402


@pytest.fixture(scope="session")
def agendac() -> Path:
    """The binary under test; a missing binary fails (never skips) every test."""
    try:
        return S.agendac_bin()
    except S.BinaryMissing as e:
        pytest.fail(str(e), pytrace=False)


def pytest_report_header(config):
    try:
        line = f"agendac under test: {S.agendac_bin()}"
    except S.BinaryMissing as e:
        return f"agendac under test: MISSING ({e})"
    if os.environ.get("AGENDAC_REFERENCE_BIN"):
        line += f"  [SELF-TEST: check/fmt reference is {os.environ['AGENDAC_REFERENCE_BIN']}]"
    return line
