"""anyq's regular expressions behave the same under every Python >= 3.11 found on the machine.

The package supports any Python from 3.11 on, and the regex engine is not the same in all of
them: Debian 12's python3.11 (3.11.2) mishandles possessive repeats of a group, which once gave
empty words and an IndexError in language identification while pyenv's 3.11.7 was fine. The
test collects every pattern anyq compiles (module patterns, rule patterns, cue and act lists),
runs each over the corpus texts under this interpreter and under each other one, and compares
the match spans.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "portability"


def _other_interpreters() -> list[str]:
    """Real CPython >= 3.11 executables on PATH, in the usual system folders and in pyenv's
    versions, other than the one running the tests (pyenv's shims are scripts, not Pythons)."""
    names = [f"python3.{minor}" for minor in range(11, 20)]
    folders = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and "shims" not in Path(p).parts]
    folders += ["/usr/bin", "/usr/local/bin"]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    folders += [str(p / "bin") for p in sorted(pyenv.glob("3.*"))] if pyenv.is_dir() else []
    mine = {os.path.realpath(sys.executable), os.path.realpath(getattr(sys, "_base_executable", sys.executable))}
    seen, found = set(mine), []
    for folder in dict.fromkeys(folders):
        for name in names:
            path = shutil.which(name, path=folder)
            if not path or (real := os.path.realpath(path)) in seen:
                continue
            seen.add(real)
            probe = subprocess.run(
                [path, "-I", "-c", "import sys; print(sys.version_info >= (3, 11))"],
                capture_output=True, text=True, timeout=30,
            )
            if probe.returncode == 0 and probe.stdout.strip() == "True":
                found.append(path)
    return found


def _corpus_texts(corpora: Path) -> list[str]:
    # every example and spelling letter (mixed scripts, lost letters), a third of the legal
    # replies (they repeat each other's forms), and the language-id and splitter sets
    files = [*sorted((corpora / "examples").rglob("*.txt")), *sorted((corpora / "spelling").rglob("*.txt"))]
    files += sorted((corpora / "legal").rglob("*.txt"))[::3]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in files]
    for jsonl in ("langid/paragraphs.jsonl", "sentences/ru.jsonl", "sentences/kk.jsonl"):
        texts += [json.loads(line)["text"] for line in (corpora / jsonl).read_text(encoding="utf-8").splitlines()]
    return texts


def _digests(python: str, job: str) -> list[str]:
    run = subprocess.run([python, "-I", str(HERE / "match_digests.py")], input=job, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{python}: {run.stderr[-2000:]}"
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def patterns(root) -> list[list]:
    run = subprocess.run([sys.executable, str(HERE / "collect_patterns.py")], capture_output=True, text=True, timeout=600, cwd=root)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def test_the_collection_sees_every_route_patterns_take(patterns):
    where = {w.split(" (")[0] for _, _, w in patterns}
    # module patterns, rule regexes and exceptions, and the legal cue and act lists
    assert {"langid/detect.py", "legal/citations.py", "nlp/sentences.py", "rules"} <= where
    kinds = {w for _, _, w in patterns if w.startswith("rules")}
    assert {"rules (exceptions)", "rules (paragraph-ru)", "rules (paragraph-kk)", "rules (cues-ru)", "rules (act-names-kk)"} <= kinds
    assert len(patterns) > 200


@pytest.fixture(scope="module")
def job(patterns, corpora) -> str:
    return json.dumps({"patterns": [[p, f] for p, f, _ in patterns], "texts": _corpus_texts(corpora)})


@pytest.fixture(scope="module")
def my_digests(job) -> list[str]:
    return _digests(sys.executable, job)


@pytest.mark.parametrize("python", _other_interpreters() or [pytest.param(None, marks=pytest.mark.skip(reason="no other Python >= 3.11 on this machine"))])
def test_patterns_match_alike_under_another_python(python, patterns, job, my_digests):
    theirs = _digests(python, job)
    assert len(my_digests) == len(theirs) == len(patterns)
    differ = [(w, p[:80]) for (p, _, w), a, b in zip(patterns, my_digests, theirs) if a != b]
    assert not differ, f"{python} matches differently: {differ[:10]}"
