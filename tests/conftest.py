import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_checkout(tmp_path_factory):
    """Runs in tests keep their result cache in a temporary folder, not in the checkout
    (tests of the cache's default location unset this)."""
    os.environ["ANYQ_CACHE_DIR"] = str(tmp_path_factory.mktemp("anyq-cache"))
    yield
    os.environ.pop("ANYQ_CACHE_DIR", None)
