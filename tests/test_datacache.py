"""The cache of derived lexicon data: fresh entries are reused, stale or corrupt ones rebuilt."""

from anyq import datacache


def test_cache_reuses_rebuilds_and_ignores_corruption(tmp_path, monkeypatch):
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "words.txt"
    src.write_text("a\nb\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return frozenset(src.read_text(encoding="utf-8").split())

    assert datacache.cached("t", [src], build) == {"a", "b"}
    assert datacache.cached("t", [src], build) == {"a", "b"}
    assert len(calls) == 1  # second time from the cache
    for f in (tmp_path / "cache").iterdir():
        f.write_bytes(b"\x00garbage")
    assert datacache.cached("t", [src], build) == {"a", "b"}
    assert len(calls) == 2  # corrupt entry ignored
    src.write_text("a\nb\nc\n", encoding="utf-8")
    assert datacache.cached("t", [src], build) == {"a", "b", "c"}  # changed source, new key


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(blocker / "sub"))  # a file where a directory should be
    src = tmp_path / "w.txt"
    src.write_text("x", encoding="utf-8")
    assert datacache.cached("t", [src], lambda: {"x": "y"}) == {"x": "y"}
