"""Config files: discovery (closest wins), every kind of key, errors naming file and key,
command-line overrides, `anyq config`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import anyq
from anyq.cli import app
from anyq.config import Settings
from anyq.configfile import ConfigError, Resolver, load_config

runner = CliRunner()
OFFICIALESE = "В целях обеспечения безопасности данного решения осуществляется контроль. Рассмотрев Ваше обращение, сообщаем следующее.\n"
# 30 words in one sentence: over the Russian limit of C101 (25), under 35
LONG = (
    "Сообщаем, что ремонт кровли многоквартирного жилого дома по улице Абая будет выполнен подрядной "
    "организацией в течение летнего периода текущего года после завершения конкурсных процедур и "
    "заключения договора с победителем конкурса в установленные сроки.\n"
)


def _codes(result) -> list[str]:
    data = json.loads(result.stdout)
    return [f["code"] for file in data["files"] for f in file["findings"]]


def _check(*args: str):
    return runner.invoke(app, ["check", "--no-cache", "--format", "json", *args])


def test_closest_config_wins_and_pyproject_needs_its_table(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "letters"\n\n[tool.anyq]\nignore = ["J101"]\n', encoding="utf-8")
    sub = tmp_path / "kk"
    sub.mkdir()
    (sub / "anyq.toml").write_text('select = ["J101"]\n', encoding="utf-8")
    deeper = sub / "drafts"
    deeper.mkdir()
    (deeper / "pyproject.toml").write_text('[project]\nname = "no anyq table here"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    (deeper / "b.txt").write_text(OFFICIALESE, encoding="utf-8")

    data = json.loads(_check(".").stdout)
    by_file = {f["path"]: {x["code"] for x in f["findings"]} for f in data["files"]}
    assert "J101" not in by_file["a.txt"] and by_file["a.txt"]  # root pyproject: J101 ignored, the rest kept
    assert by_file["kk/drafts/b.txt"] == {"J101"}  # kk/anyq.toml (the pyproject without a table is skipped)


def test_dot_anyq_toml_beats_anyq_toml_and_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.anyq]\nlang = "kk"\n', encoding="utf-8")
    (tmp_path / "anyq.toml").write_text('lang = "ru"\n', encoding="utf-8")
    (tmp_path / ".anyq.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    s = Resolver().settings_for(tmp_path / "x.txt")
    assert s.config_file == str(tmp_path / ".anyq.toml")
    assert (s.fail_on, s.lang) == ("error", "auto")  # no merging with the other files


@pytest.mark.parametrize(
    "content, key, words",
    [
        ('selct = ["J"]\n', "selct", "did you mean 'select'"),
        ('fail-on = "often"\n', "fail-on", "must be one of"),
        ('lang = "en"\n', "lang", "kk, ru or auto"),
        ('ignore = "J101"\n', "ignore", "must be a list of strings"),
        ('severity = { J101 = "fatal" }\n', "severity", "must be one of error, warning, info"),
        ('ignore = ["J999"]\n', "ignore", "no rule 'J999'"),
        ('ignore = ["jargon!"]\n', "ignore", "not a rule selector"),
        ('select = ["Q1"]\n', "select", "'Q1' matches no rule"),
        ('extend-select = ["Q12"]\n', "extend-select", "'Q12' matches no rule"),
        ('extend_select = ["J1", "Q1!"]\n', "extend_select", "'Q1!' is not a rule selector"),
        ('ignore = ["J", "Z"]\n', "ignore", "'Z' matches no rule"),
        ('[per-file-ignores]\n"archive/**" = ["Q9"]\n', "per-file-ignores", "'Q9' matches no rule"),
        ('per-file-ignores = { "archive/**" = ["X12345"] }\n', "per-file-ignores", "not a rule selector"),
        ('params = { C101 = { max_wordz = 30 } }\n', "params.C101", "no parameter 'max_wordz'"),
        ('params = { C101 = { max_words = "x" } }\n', "params.C101", "max_words must be an integer, not str 'x'"),
        ("params = { C101 = { max_words = -3 } }\n", "params.C101", "max_words must be 0 or more, not -3"),
        ('params = { C101 = { max_words = { business = { ru = "30" } } } }\n', "params.C101", "max_words.business.ru must be an integer"),
        ("params = { C110 = { max_level = inf } }\n", "params.C110", "max_level must be a finite number"),
        ('params = { S101 = { skip_quoted = "no" } }\n', "params.S101", "skip_quoted must be true or false"),
        ("params = { S101 = { min_length = true } }\n", "params.S101", "min_length must be an integer, not bool"),
        ('params = { J341 = { exclude = "связать" } }\n', "params.J341", "exclude must be a list of strings"),
        ("params = { L120 = { weights = { no_desicion = 0.5 } } }\n", "params.L120", "weights has no key 'no_desicion'"),
        ('rules = ["missing-dir"]\n', "rules", "not found"),
        ('fail-under = 120\n', "fail-under", "0 to 100"),
        ("respect-gitignore = 1\n", "respect-gitignore", "true or false"),
        ('[per-file-ignores]\n"l.txt" = "J"\n', "per-file-ignores", "must be a table of lists of strings, not dict"),
        ("[params]\nC101 = 5\n", "params", "must be a table of tables of values, not dict"),
        ("timeout = inf\n", "timeout", "finite number of seconds"),
        ("timeout = nan\n", "timeout", "finite number of seconds"),
        ('fail_on = "never"\nfail-on = "error"\n', "fail-on", "set twice, as 'fail_on' and as 'fail-on'"),
        ("lang = \n", None, "invalid TOML"),
        ('allowlist = ["жапсаржай", "жылжымайтын мүлік"]\n', "allowlist", "'жылжымайтын мүлік' is several words"),
        ('appeal = "nope.txt"\n', "appeal", "nope.txt: no such file"),  # was an internal error of the file
        # a file name in the words' key was taken as a word, in silence
        ('allowlist = ["words.txt"]\n', "allowlist", "'words.txt' is not a word (a file name?): the speller checks words of letters; a file of words goes in allowlist-files"),
        ('allowlist-files = ["nope.txt"]\n', "allowlist-files", "nope.txt: cannot be read (No such file or directory)"),
        ('allowlist-files = "words.txt"\n', "allowlist-files", "must be a list of files of words"),
    ],
)
def test_bad_config_names_file_and_key_and_exits_2(tmp_path, content, key, words):
    cfg = tmp_path / "anyq.toml"
    cfg.write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path / "a.txt"), "--no-cache"])
    assert result.exit_code == 2
    message = result.output.strip().splitlines()[-1]
    assert message.startswith(f"anyq: error: {cfg}: ")
    if key:
        assert f": {key}: " in message, message
    assert words in message, message
    assert "Traceback" not in result.output


def test_params_of_the_right_type_load_in_every_shape_the_rules_read(tmp_path):
    # a number for every profile and language, by language, by profile; an integer where a
    # number is expected; lists and flags as the rule declares them
    cfg = tmp_path / "anyq.toml"
    cfg.write_text(
        "[params]\n"
        "C101 = { max_words = 35 }\n"
        "C102 = { max_sentences = { ru = 6, kk = 5 } }\n"
        "C110 = { max_level = { business = 4 }, min_reading_ease = 35 }\n"
        'S101 = { skip_quoted = false, fix_margin = 1, min_length = 4 }\n'
        'J341 = { exclude = ["связать"] }\n'
        "L120 = { threshold = 0.6, weights = { no_decision = 0.5 } }\n",
        encoding="utf-8",
    )
    s = load_config(cfg)
    assert s.params["C101"] == {"max_words": 35} and s.params["S101"]["fix_margin"] == 1
    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    data = json.loads(_check(str(tmp_path / "a.txt")).stdout)
    assert "C101" not in {f["code"] for f in data["files"][0]["findings"]}  # under the raised limit
    assert not data["files"][0]["errors"]


def test_pyproject_errors_name_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.anyq]\nfail_on = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.anyq\] fail_on: must be string"):
        load_config(tmp_path / "pyproject.toml")


def test_every_settings_field_is_a_config_key(tmp_path):
    """A field a teammate adds to Settings is configurable with no change to the loader."""
    import dataclasses

    from anyq.config import PROVENANCE_FIELDS

    names = [f.name for f in dataclasses.fields(Settings) if f.name not in PROVENANCE_FIELDS]
    cfg = tmp_path / "anyq.toml"
    for name in names:
        cfg.write_text(f"{name.replace('_', '-')} = {{ x = 1 }}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as info:
            load_config(cfg)
        assert "unknown key" not in str(info.value), name  # known, just a wrong type
    cfg.write_text('max-file-size = "2M"\n', encoding="utf-8")  # sizes as on the command line
    assert load_config(cfg).max_file_size == 2 * 1024 * 1024


def test_severity_params_per_file_ignores_and_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "house-rules"
    rules.mkdir()
    (rules / "house.toml").write_text(
        """
[[rule]]
code = "J990"
name = "nastoyashchim"
languages = ["ru"]
severity = "warning"
kind = "phrase"
phrases = [{ text = "настоящим сообщаем", replace = ["сообщаем"] }]
message = "«{match}» — лишнее слово."
explanation = "Слово «настоящим» ничего не добавляет."
bad = [{ text = "Настоящим сообщаем, что заявление принято.", match = "Настоящим сообщаем" }]
good = ["Сообщаем, что заявление принято."]
""",
        encoding="utf-8",
    )
    (tmp_path / "anyq.toml").write_text(
        """
rules = ["house-rules"]
severity = { J101 = "info" }
params = { C101 = { max_words = { ru = 35, kk = 30 } } }

[per-file-ignores]
"archive/**" = ["J"]
""",
        encoding="utf-8",
    )
    (tmp_path / "archive").mkdir()
    (tmp_path / "letter.txt").write_text("Настоящим сообщаем следующее.\n" + OFFICIALESE + LONG, encoding="utf-8")
    (tmp_path / "archive" / "old.txt").write_text(OFFICIALESE + LONG, encoding="utf-8")

    data = json.loads(_check(".").stdout)
    files = {f["path"]: f["findings"] for f in data["files"]}
    letter = {f["code"]: f for f in files["letter.txt"]}
    assert "J990" in letter  # the organisation's own rule, from a folder relative to the config
    assert letter["J101"]["severity"] == "info"  # severity override
    assert "C101" not in letter  # 30 words: under the raised threshold of 35
    assert not any(f["code"].startswith("J") for f in files["archive/old.txt"])  # per-file-ignores

    # without the config: C101 fires on the same sentence (the threshold did the work)
    data = json.loads(_check("letter.txt", "--isolated").stdout)
    assert "C101" in {f["code"] for f in data["files"][0]["findings"]}


def test_command_line_overrides_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "anyq.toml").write_text('select = ["J101"]\nfail-on = "error"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    result = _check("a.txt")
    assert set(_codes(result)) == {"J101"} and result.exit_code == 0  # J101 is a warning; fail-on error
    result = _check("a.txt", "--select", "J104", "--fail-on", "warning")
    assert set(_codes(result)) == {"J104"} and result.exit_code == 1
    result = _check("a.txt", "--ignore", "J101")  # ignore adds to the config's selection
    assert _codes(result) == []


def test_explicit_config_and_isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "anyq.toml").write_text('select = ["J101"]\n', encoding="utf-8")
    other = tmp_path / "ci.toml"
    other.write_text('select = ["J104"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    assert set(_codes(_check("a.txt", "--config", str(other)))) == {"J104"}
    assert {"J101", "J104", "J106"} <= set(_codes(_check("a.txt", "--isolated")))


def test_anyq_config_prints_effective_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.anyq]\nignore = ["T"]\nfail-on = "error"\n[tool.anyq.per-file-ignores]\n"old/*.txt" = ["J101"]\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["config", "old/a.txt"])
    assert result.exit_code == 0, result.output
    assert f"# from {tmp_path / 'pyproject.toml'}" in result.output
    assert 'ignore = ["T"]' in result.output and 'fail-on = "error"' in result.output
    assert "per-file-ignores that apply to old/a.txt: J101" in result.output
    data = json.loads(runner.invoke(app, ["config", "old/a.txt", "--format", "json"]).stdout)
    assert data["settings"]["ignore"] == ["T"] and data["file_ignores"] == ["J101"]
    assert json.loads(runner.invoke(app, ["config", "--isolated", "--format", "json"]).stdout)["config_file"] is None


def test_anyq_config_exits_2_on_a_config_that_check_refuses(tmp_path, monkeypatch):
    # it printed selectors that name no rule and exited 0, while `anyq check` exited 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    for content in ('select = ["Q1"]\n', '[per-file-ignores]\n"a.txt" = ["Q9"]\n', "params = { C101 = { max_words = -3 } }\n"):
        (tmp_path / "anyq.toml").write_text(content, encoding="utf-8")
        assert _check("a.txt").exit_code == 2, content
        result = runner.invoke(app, ["config", "a.txt"])
        assert result.exit_code == 2, (content, result.output)
        assert result.output.startswith(f"anyq: error: {tmp_path / 'anyq.toml'}: ")
    (tmp_path / "anyq.toml").write_text('select = ["jargon", "C1"]\nextend-select = ["S"]\n', encoding="utf-8")
    assert runner.invoke(app, ["config", "a.txt"]).exit_code == 0


def test_appeal_in_a_config_file_is_relative_to_its_folder(tmp_path, monkeypatch):
    # it was read from the working directory: an «internal error» of every reply, and
    # `anyq config` showed it as written while it showed cache-dir resolved
    monkeypatch.chdir(tmp_path)
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "appeal.txt").write_text("Прошу сообщить, когда отремонтируют крышу дома № 12 по улице Абая?\n", encoding="utf-8")
    reply = "Уважаемая Айгуль Сериковна!\n\nКрышу дома № 12 по улице Абая отремонтируем до 15 июня 2027 года.\n"
    (letters / "reply.txt").write_text(reply, encoding="utf-8")
    (letters / "anyq.toml").write_text('appeal = "appeal.txt"\n', encoding="utf-8")
    result = _check("letters/reply.txt")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)["files"][0]
    assert report["errors"] == []
    assert [q["status"] for q in report["appeal"]["questions"]] == ["answered"]
    data = json.loads(runner.invoke(app, ["config", "letters/reply.txt", "--format", "json"]).stdout)
    assert data["settings"]["appeal"] == str(letters / "appeal.txt")
    # a missing appeal: one line naming the config file and the key, from any folder
    (letters / "anyq.toml").write_text('appeal = "nope.txt"\n', encoding="utf-8")
    expected = [f"anyq: error: {letters / 'anyq.toml'}: appeal: {letters / 'nope.txt'}: no such file"]
    for cwd, arg in ((tmp_path, "letters/reply.txt"), (letters, "reply.txt")):
        monkeypatch.chdir(cwd)
        for command in (["check", "--no-cache", arg], ["config", arg]):
            result = runner.invoke(app, command)
            assert result.exit_code == 2, (cwd, command)
            assert result.output.strip().splitlines() == expected, (cwd, command)


def test_allowlist_files_in_a_config_file_are_read_relative_to_it(tmp_path, monkeypatch):
    # a config file had no key for an allowlist file, as --allowlist is on the command line
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "a.txt").write_text("Платформа цифроакимат заработала, в цифроакимате доступны госуслуги.\n", encoding="utf-8")
    (letters / "words.txt").write_text("# слова нашего акимата\nцифроакимат\n", encoding="utf-8")
    (letters / "bad.txt").write_text("жапсаржай\nжылжымайтын мүлік\n", encoding="utf-8")
    (letters / "anyq.toml").write_text('allowlist-files = ["words.txt"]\nallowlist = ["егов"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _codes(_check("letters/a.txt", "--select", "S", "--isolated")) == ["S101", "S101"]
    assert _codes(_check("letters/a.txt", "--select", "S")) == []
    data = json.loads(runner.invoke(app, ["config", "letters", "--format", "json"]).stdout)
    assert data["settings"]["allowlist"] == ["цифроакимат", "егов"]
    (letters / "anyq.toml").write_text('allowlist-files = ["bad.txt"]\n', encoding="utf-8")
    result = _check("letters/a.txt")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"anyq: error: {letters / 'anyq.toml'}: allowlist-files: {letters / 'bad.txt'}: line 2: "
        "'жылжымайтын мүлік' is several words; the speller checks single words, so allow each word"
    ]
    # the API's words: a file name is a ValueError there too
    with pytest.raises(ValueError, match="'words.txt' is not a word"):
        anyq.check("Ваше обращение рассмотрено.", settings=Settings(allowlist=["words.txt"]))


def test_bad_config_in_a_subfolder_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "anyq.toml").write_text('colour = "red"\n', encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(OFFICIALESE, encoding="utf-8")
    result = runner.invoke(app, ["check", ".", "--no-cache"])
    assert result.exit_code == 2
    assert "sub/anyq.toml: colour: unknown key" in result.output


def test_the_readme_example_config_loads(tmp_path, root):
    """The example in the README is a working config (with its house-rules folder)."""
    import re

    block = re.search(r"```toml\n(# anyq.toml.*?)```", (root / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    (tmp_path / "anyq.toml").write_text(block, encoding="utf-8")
    (tmp_path / "house-rules").mkdir()
    (tmp_path / "house-rules" / "house.toml").write_text((root / "tests" / "data" / "house_rule.toml").read_text(encoding="utf-8"), encoding="utf-8")
    s = load_config(tmp_path / "anyq.toml")
    assert s.fail_under == 60 and s.params["C101"]["max_words"]["ru"] == 30
    assert s.profile == "citizen" and s.max_file_size == 20 * 1024 * 1024
    assert s.rule_dirs == [str(tmp_path / "house-rules")] and s.per_file_ignores["signed/*.docx"] == ["jargon"]


# 24 words in one Kazakh sentence: over the citizen limit of C101 (18) and the business one (22)
LONG_KK = (
    "Шебер үшінші подъездің үстіндегі шатырды сізбен және бесінші пәтердегі көршіңізбен бірге қарап, төбедегі "
    "дымқыл жерлерді суретке түсірді де, барлық зақымды тексеру актісіне жазып алды.\n"
)
# Flesch 37.6: under the citizen threshold of C110 (40)
HARD_RU = (
    "Мы проверили ваш дом по улице Абая вместе с мастером из управляющей компании и увидели, что крыша над "
    "третьим подъездом протекает в двух местах после дождя.\n\n"
    "Мастер осмотрел чердак над третьим подъездом вместе с вами и с соседом из пятой квартиры, сделал "
    "фотографии мокрых мест на потолке и записал все повреждения в акт осмотра.\n\n"
    "Ремонт крыши над третьим подъездом начнётся в первой половине июня, когда подрядчик закончит работы на "
    "соседнем доме по улице Абая, а жильцов дома заранее предупредят объявлением на двери каждого подъезда и "
    "сообщением в общем чате дома в мессенджере.\n"
)


def test_a_partial_params_value_keeps_the_rules_other_profiles_and_languages(tmp_path):
    # a value for one profile or language replaced the whole parameter: the README's
    # { business = { ru = 35 } } made the Kazakh citizen limit 25, { ru = 30 } gave Kazakh 30,
    # and the same shape for C110 switched the Russian readability check off
    (tmp_path / "kk.txt").write_text(LONG_KK, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(LONG, encoding="utf-8")
    (tmp_path / "hard.txt").write_text(HARD_RU, encoding="utf-8")
    cfg = tmp_path / "anyq.toml"

    def messages(*args):
        data = json.loads(_check("--config", str(cfg), *args).stdout)
        return {f["path"].rsplit("/", 1)[-1]: [x["message"] for x in f["findings"]] for f in data["files"]}

    cfg.write_text("[params]\nC101 = { max_words = { business = { ru = 35 } } }\n", encoding="utf-8")
    got = messages("--select", "C101", str(tmp_path / "kk.txt"), str(tmp_path / "ru.txt"))
    assert "(шегі 18)" in got["kk.txt"][0] and "(порог 25)" in got["ru.txt"][0]
    got = messages("--select", "C101", "--profile", "business", str(tmp_path / "kk.txt"), str(tmp_path / "ru.txt"))
    assert "(шегі 22)" in got["kk.txt"][0] and got["ru.txt"] == []  # under the business ru limit, now 35
    cfg.write_text("[params]\nC101 = { max_words = { ru = 35 } }\n", encoding="utf-8")
    got = messages("--select", "C101", str(tmp_path / "kk.txt"), str(tmp_path / "ru.txt"))
    assert "(шегі 18)" in got["kk.txt"][0] and got["ru.txt"] == []
    cfg.write_text("[params]\nC110 = { min_reading_ease = { business = { ru = 35 } } }\n", encoding="utf-8")
    assert "(порог 40;" in messages("--select", "C110", str(tmp_path / "hard.txt"))["hard.txt"][0]


@pytest.mark.parametrize(
    "value, words",
    [
        ("{ max_words = { citizen = {} } }", "max_words.citizen is an empty table"),
        ("{ max_words = {} }", "max_words is an empty table"),
        ('{ split_hint = { ru = " Разделите после {where}." } }', "split_hint.ru has an unknown placeholder {where} (it may use {at})"),
        ('{ split_hint = { kk = " Бөліңіз: {" } }', "split_hint.kk is not a valid template"),
        ("{ max_words = { ru = { business = 3 } } }", "max_words.ru must be an integer, not dict"),
        ("{ max_words = { business = 30, ru = 3 } }", "max_words mixes profiles and languages"),
        ("{ max_words = { ru = 30, en = 5 } }", "max_words has no key 'en' (its keys: citizen, business, official, ru, kk)"),
    ],
)
def test_params_that_would_break_every_file_are_refused_up_front(tmp_path, value, words):
    # they passed the check and then every file was «internal error while checking»
    cfg = tmp_path / "anyq.toml"
    cfg.write_text(f"[params]\nC101 = {value}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(LONG, encoding="utf-8")
    for command in (["check", "--no-cache", str(tmp_path / "a.txt")], ["config"]):
        result = runner.invoke(app, [*command, "--config", str(cfg)])
        assert result.exit_code == 2, result.output
        message = result.output.strip().splitlines()[-1]
        assert message.startswith(f"anyq: error: {cfg}: params.C101: {words}"), message
        assert "internal error" not in result.output


def test_rules_and_explain_read_the_config_files_rules(tmp_path, monkeypatch):
    # `check` reported J990 from the config's rule folder; `explain J990` said «no rule»
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "r.toml").write_text(
        '[[rule]]\ncode = "J990"\nname = "prinyat-mery"\nlanguages = ["ru"]\nkind = "phrase"\nphrases = ["принять меры"]\n'
        'message = "«{match}» — канцелярит."\nexplanation = "Пустой оборот: скажите, что сделано."\n'
        'bad = [{ text = "Акимат принял меры.", match = "принял меры" }]\ngood = ["Акимат отремонтировал крышу."]\n',
        encoding="utf-8",
    )
    (tmp_path / "anyq.toml").write_text('rules = ["house/"]\n', encoding="utf-8")
    (tmp_path / "letter.txt").write_text("Акимат принял меры по вашему обращению.\n", encoding="utf-8")
    assert "J990" in _codes(_check("letter.txt", "--select", "J990"))

    explained = runner.invoke(app, ["explain", "J990"])
    assert explained.exit_code == 0, explained.output
    assert "Пустой оборот: скажите, что сделано." in explained.output
    listed = runner.invoke(app, ["rules", "--category", "J990"])
    assert listed.exit_code == 0 and "prinyat-mery" in listed.output
    tested = runner.invoke(app, ["rules", "--test"])  # the config's rules, not the built-in ones
    assert tested.exit_code == 0 and tested.output == "2 examples of 1 rule: all pass\n"
    # --isolated ignores the config file, as for `check`
    assert runner.invoke(app, ["explain", "J990", "--isolated"]).exit_code == 2
    assert runner.invoke(app, ["rules", "--category", "J990", "--isolated"]).exit_code == 2


@pytest.mark.parametrize(
    "params, error, words",
    [
        ({"C101": {"max_words": "тридцать"}}, ValueError, "params.C101: max_words must be an integer, not str 'тридцать'"),
        ({"C101": {"max_words": {}}}, ValueError, "params.C101: max_words is an empty table"),
        ({"C101": {"split_hint": " Разделите после {where}."}}, ValueError, "params.C101: split_hint has an unknown placeholder {where}"),
        ({"C101": {"max_word": 30}}, ValueError, "params.C101: rule C101 has no parameter 'max_word'"),
        ({"C199": {"max_words": 30}}, ValueError, "params: no rule 'C199'"),
    ],
)
def test_api_settings_params_are_checked_as_the_config_files_are(params, error, words):
    # review2 #9: a bare «invalid literal for int()» in every letter, or a bad hint taken without a word
    import anyq

    with pytest.raises(error) as info:
        anyq.check(LONG, lang="ru", settings=Settings(params=params))
    assert str(info.value).startswith(words) and "\n" not in str(info.value)
    # a right value still applies
    report = anyq.check(LONG, lang="ru", settings=Settings(params={"C101": {"max_words": 35}}), select=["C101"])
    assert report.findings == []
