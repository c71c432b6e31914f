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


def test_parsed_rule_files_come_from_the_cache_and_follow_edits(tmp_path, monkeypatch):
    """Rule files are parsed once; an edited file is parsed again, a broken one always fails."""
    import pytest

    from anyq.engine import loader

    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    rules = tmp_path / "own.toml"
    rule = """[[rule]]
code = "J990"
name = "own-phrase"
languages = ["ru"]
severity = "warning"
kind = "phrase"
message = "«{match}»"
explanation = "x"
suggestion = "y"
phrases = [%s]
bad = [{ text = "Это в целях проверки.", match = "в целях" }]
good = ["Это чтобы проверить."]
"""
    rules.write_text(rule % '"в целях"', encoding="utf-8")
    calls = []
    parse = loader._parse_file
    monkeypatch.setattr(loader, "_parse_file", lambda p: calls.append(p) or parse(p))
    first = loader.load_file(rules)
    again = loader.load_file(rules)
    assert len(calls) == 1 and [p.text for p in again[0].phrases] == ["в целях"] and again[0] is not first[0]
    rules.write_text(rule % '"в целях", "в рамках"', encoding="utf-8")
    assert [p.text for p in loader.load_file(rules)[0].phrases] == ["в целях", "в рамках"]
    rules.write_text(rule.replace("[[rule]]", "[[rule]]\nbogus = 1") % '"в целях"', encoding="utf-8")
    for _ in range(2):  # an error is never cached away
        with pytest.raises(loader.RuleError, match="bogus"):
            loader.load_file(rules)


class _Payload:
    """What an attacker would put in a shared cache folder: unpickling it runs a command."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.system, (f"touch {self.marker}",))


def test_a_poisoned_rule_cache_entry_runs_nothing_and_is_rebuilt(tmp_path, monkeypatch):
    """The data cache may sit in a folder others can write (ANYQ_CACHE_DIR on a shared CI
    cache): a pickle there naming anything but a class of the rule model is refused, and the
    rules are parsed again."""
    import pickle

    from anyq.engine import loader
    from anyq.resources import rules_dir

    cache = tmp_path / "cache"
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(cache))
    source = rules_dir() / "ru" / "jargon-cliches.toml"
    expected = [r.code for r in loader.load_file(source)]
    marker = tmp_path / "owned"
    (entry,) = cache.glob("rules-jargon-cliches-*.pickle")
    entry.write_bytes(pickle.dumps([_Payload(marker)]))
    calls = []
    parse = loader._parse_file
    monkeypatch.setattr(loader, "_parse_file", lambda p: calls.append(p) or parse(p))
    assert [r.code for r in loader.load_file(source)] == expected
    assert not marker.exists() and calls == [source]
    assert [r.code for r in loader.load_file(source)] == expected and calls == [source]  # stored again, read back


def test_phrase_index_matches_like_the_phrase_lists_say():
    from anyq.engine.phrases import PhraseIndex
    from anyq.nlp.pipeline import annotate

    doc = annotate("Проверка проведена в целях проверки, в целях.", "ru")
    index = PhraseIndex(doc.vocab.strings, "LOWER")
    index.add("a", ["в", "целях"])
    index.add("b", ["в", "целях", "проверки"])
    index.add("c", ["целях"])
    found = [(doc.vocab.strings[k], s, e) for k, s, e in index(doc)]
    # every match, overlapping ones too, by position; a phrase cut off at the end does not match
    assert found == [("a", 2, 4), ("b", 2, 5), ("c", 3, 4), ("a", 6, 8), ("c", 7, 8)]


def test_hunspell_dictionaries_with_flag_aliases_answer_as_the_vendored_ones(tmp_path, monkeypatch):
    """The aliased copy (faster to load) spells, stems and suggests exactly as the original."""
    import hunspell

    from anyq.resources import package_data

    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    source = package_data("hunspell")
    words = {
        "kk_KZ": ["балабақшалардың", "мектептерге", "ауданы", "басқармасына", "кітаптарымыз", "балабакша", "qwerty"],
        "ru_RU": ["обращениями", "пенсионного", "рассмотрено", "сообщаем", "обращенние", "вследствии"],
    }
    for name, sample in words.items():
        folder = datacache.hunspell_dir(name, source)
        assert folder != source and "AF " in (folder / f"{name}.aff").read_text(encoding="utf-8")
        assert datacache.hunspell_dir(name, source) == folder  # made once
        original = hunspell.Hunspell(name, hunspell_data_dir=str(source))
        aliased = hunspell.Hunspell(name, hunspell_data_dir=str(folder))
        for w in sample:
            assert aliased.spell(w) == original.spell(w), w
            assert aliased.stem(w) == original.stem(w), w
            assert aliased.suggest(w) == original.suggest(w), w
        assert any(original.spell(w) for w in sample) and not all(original.spell(w) for w in sample)


def test_hunspell_dir_falls_back_to_the_vendored_files(tmp_path, monkeypatch):
    from anyq.resources import package_data

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(blocker / "sub"))  # not writable
    assert datacache.hunspell_dir("kk_KZ", package_data("hunspell")) == package_data("hunspell")
    # files this rewrite does not handle (here: continuation classes) are used as they are
    assert datacache._aliased("SET UTF-8\nSFX A Y 1\nSFX A 0 ы/B .\n", "1\nсөз/A\n") is None
    aff, dic = datacache._aliased("SET UTF-8\r\nSFX A Y 1\r\nSFX A 0 ы .\r\n", "2\r\nсөз/AB\r\nкөз/AB\r\nжоқ\r\n")
    assert aff == "SET UTF-8\r\nAF 1\r\nAF AB\r\nSFX A Y 1\r\nSFX A 0 ы .\r\n" and dic == "2\r\nсөз/1\r\nкөз/1\r\nжоқ\r\n"


def test_compiled_patterns_equal_re_compile_from_the_cache_too(tmp_path, monkeypatch):
    import re

    import pytest

    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    patterns = [(r"\b(?P<act>закон|кодекс)(?:а|у|ом)?\b", re.I), (r"(?<=\d)\s*(?:тг|тенге)\b", 0), ("ә+", re.M)]
    for _ in range(2):  # built, then from the cache
        got = datacache.compiled_patterns("t", patterns)
        assert got == [re.compile(p, f) for p, f in patterns]
        assert got[0].search("по Кодексу о браке").group("act") == "Кодекс"
    assert any(p.name.startswith("regex-t-") for p in (tmp_path / "cache").iterdir())
    for f in (tmp_path / "cache").iterdir():
        f.write_bytes(b"\x00garbage")
    assert datacache.compiled_patterns("t", patterns) == [re.compile(p, f) for p, f in patterns]
    with pytest.raises(re.error):
        datacache.compiled_patterns("t", [("(unclosed", 0)])


def test_startup_regexes_come_back_equal_and_only_after_a_preload(tmp_path, monkeypatch):
    """The regexes in ``re``'s cache after start-up are stored once; the next process gets
    them back ready-made, equal to what ``re.compile`` makes, and a process that did not
    preload (an API user) never writes the store."""
    import re

    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    patterns = [(r"(?<![\w-])стат(?:ья|ьи)\s*(?P<n>\d+)", re.I), (rb"[\x80-\xbf]+", 0), (r"^\s*Исх\.", re.M)]
    monkeypatch.setattr(datacache, "_startup_regexes", None)
    re.purge()
    [re.compile(p, f) for p, f in patterns]
    datacache.remember_regexes()  # no preload in this process: nothing written
    assert not (tmp_path / "cache").exists()

    datacache.preload_regexes()  # no store yet
    datacache.remember_regexes()
    assert len(list((tmp_path / "cache").glob("regex-startup-*"))) == 1

    re.purge()
    datacache.preload_regexes()  # what the next process does first
    for p, f in patterns:
        cached = re._cache[type(p), p, f]
        assert cached == re._compiler.compile(p, f) and cached.groupindex == re._compiler.compile(p, f).groupindex
    assert re.compile(patterns[0][0], re.I).match("Статьи 15").group("n") == "15"
    re.purge()


def test_startup_regex_store_keeps_no_more_than_its_limit(tmp_path, monkeypatch):
    """A process whose ``re`` cache is full (500 patterns) stores at most the limit, so the
    next start never fills ``re``'s cache with preloaded patterns."""
    import marshal
    import re

    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(datacache, "_startup_regexes", None)
    re.purge()
    datacache.preload_regexes()
    for i in range(500):
        re.compile(rf"слово{i}\s+\d")
    datacache.remember_regexes()
    (store,) = (tmp_path / "cache").glob("regex-startup-*")
    assert len(marshal.loads(store.read_bytes())) == datacache._STARTUP_LIMIT
    re.purge()


def test_the_kazakh_lexicon_and_stem_shapes_are_keyed_by_the_code_that_builds_them(tmp_path, monkeypatch):
    """A change to how the lexicon is built (not only to its word lists) must not read an
    old cache entry: the entries' keys cover the building modules' own files."""
    from anyq import datacache
    from anyq.nlp import stem_kk
    from anyq.spell import candidates

    seen: dict[str, list] = {}
    real = datacache.cached
    monkeypatch.setattr(stem_kk, "cached", lambda name, sources, build, *a: seen.setdefault(name, sources) and real(name, sources, build, *a))
    monkeypatch.setattr(datacache, "cached", lambda name, sources, build, *a: seen.setdefault(name, sources) and real(name, sources, build, *a))
    monkeypatch.setenv("ANYQ_CACHE_DIR", str(tmp_path))
    stem_kk.Lexicon()
    candidates._kk_stem_shapes.cache_clear()
    candidates._kk_stem_shapes()
    lexicon_sources = {p.name for p in seen["kk-lexicon-v5"]}
    shape_sources = {p.name for p in seen["kk-stem-shapes"]}
    assert "stem_kk.py" in lexicon_sources and "kk_lexicon.txt" in lexicon_sources
    assert {"stem_kk.py", "candidates.py", "kk_lexicon.txt"} <= shape_sources
