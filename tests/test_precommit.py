"""The pre-commit hooks: run the real ``pre-commit`` against a temporary git repository
that uses this checkout as its hook repository — offline.

How pre-commit installs a ``language: python`` hook: it creates a virtualenv (pip,
setuptools and wheel come from virtualenv's bundled wheels, no network) and runs
``pip install .`` in a clone of the hook repository — which needs the build backend
(hatchling) and every dependency from a package index. Offline, pip can take them from a
local folder instead (``PIP_NO_INDEX=1``, ``PIP_FIND_LINKS=folder``), which is also how a
document repository on a closed network would run this hook. The test builds that folder
from the distributions installed in this environment (each one zipped back into a wheel
from its RECORD), and points every proxy at a closed port, so any attempt to reach the
network fails the test.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import sys_tags
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OFFICIALESE = "В целях обеспечения безопасности данного решения осуществляется контроль.\n"
PLAIN = "Мы отремонтируем крышу до 15 мая. Если вы не согласны, напишите нам.\n"


def _closure(roots: list[Requirement]) -> dict[str, metadata.Distribution]:
    """Installed distributions needed by ``roots``, following extras and markers."""
    env = default_environment()
    out: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    todo = [(r.name, e) for r in roots for e in ("", *r.extras)]
    while todo:
        name, extra = todo.pop()
        key = canonicalize_name(name)
        if (key, extra) in done:
            continue
        done.add((key, extra))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        out[key] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker and not req.marker.evaluate({**env, "extra": extra}):
                continue
            if not req.marker and extra:
                continue  # already followed for the plain distribution
            todo += [(req.name, e) for e in ("", *req.extras)]
    return out


def _wheel_tag(dist: metadata.Distribution) -> str:
    tags = [line.split(":", 1)[1].strip() for line in (dist.read_text("WHEEL") or "").splitlines() if line.startswith("Tag:")]
    supported = {str(t) for t in sys_tags()}
    for tag in tags:
        for py in tag.split("-")[0].split("."):
            for abi in tag.split("-")[1].split("."):
                for plat in tag.split("-")[2].split("."):
                    if f"{py}-{abi}-{plat}" in supported:
                        return f"{py}-{abi}-{plat}"
    raise AssertionError(f"no installable tag for {dist.metadata['Name']}: {tags}")


def repack(dist: metadata.Distribution, dest: Path) -> Path:
    """Zip an installed distribution back into a wheel (files from its RECORD, RECORD rewritten)."""
    name = re.sub(r"[-.]+", "_", dist.metadata["Name"])
    version = dist.version
    target = dest / f"{name}-{version}-{_wheel_tag(dist)}.whl"
    records = []
    info_dir = None
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zf:
        for f in dist.files or []:
            rel = f.as_posix()
            if rel.startswith("..") or "__pycache__" in rel or rel.endswith((".pyc", "RECORD", "INSTALLER", "direct_url.json", "REQUESTED")):
                continue
            path = Path(dist.locate_file(f))
            if not path.is_file():
                continue
            data = path.read_bytes()
            zf.writestr(rel, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append((rel, f"sha256={digest}", str(len(data))))
            if ".dist-info/" in rel:
                info_dir = rel.split("/")[0]
        assert info_dir, f"no dist-info in {dist.metadata['Name']}"
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerows(records)
        w.writerow((f"{info_dir}/RECORD", "", ""))
        zf.writestr(f"{info_dir}/RECORD", buf.getvalue())
    return target


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("wheelhouse")
    deps = [Requirement(r) for r in metadata.distribution("anyq").requires or [] if "extra ==" not in r]
    for dist in _closure(deps + [Requirement("hatchling")]).values():
        repack(dist, dest)
    return dest


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _offline_env(tmp: Path, wheelhouse: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "PRE_COMMIT"))}
    closed = "http://127.0.0.1:9"  # nothing listens there: any download fails at once
    env.update({
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
        "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "ALL_PROXY": closed,
        "http_proxy": closed, "https_proxy": closed, "all_proxy": closed,
        "GIT_AUTHOR_NAME": "anyq test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "anyq test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    })
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    return env


def test_manifest_declares_both_hooks():
    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"anyq", "anyq-documents"}
    assert hooks["anyq"]["types_or"] == ["plain-text", "markdown"]
    for ext in ("docx", "odt", "pdf", "rtf", "html", "htm"):  # every document format anyq reads
        assert re.search(hooks["anyq-documents"]["files"], f"letters/reply.{ext}"), ext
    for other in ("letters/reply.txt", "letters/reply.doc", "letters/reply.htmlx"):
        assert not re.search(hooks["anyq-documents"]["files"], other), other
    for h in hooks.values():
        assert h["language"] == "python" and h["require_serial"] is True
        assert "--force-exclude" in h["entry"]


def test_pre_commit_runs_the_hook_offline(tmp_path, wheelhouse):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    assert pre_commit, "the pre-commit package (a dev dependency) is not installed"
    repo = tmp_path / "letters"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "bad.txt").write_text(OFFICIALESE, encoding="utf-8")
    (repo / "good.md").write_text(PLAIN, encoding="utf-8")
    (repo / "notes.py").write_text("x = 1  # not a letter\n", encoding="utf-8")
    (repo / "anyq.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "draft.txt").write_text(OFFICIALESE, encoding="utf-8")
    _git(repo, "add", "-A")
    env = _offline_env(tmp_path, wheelhouse)

    result = subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "anyq", "--all-files", "--verbose"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )
    out = result.stdout + result.stderr
    assert "Installing environment" in out, out[-3000:]
    assert result.returncode == 1, out[-3000:]  # the hook found officialese
    assert "bad.txt:1:1: J101" in out, out[-3000:]
    assert re.search(r"good.md: score \d+\.\d/100 .*no findings", out)
    assert "2 files checked" in out  # bad.txt and good.md
    assert "draft.txt" not in out  # excluded by the repository's anyq.toml (--force-exclude)
    assert "notes.py" not in out   # not a text or Markdown file: pre-commit never passes it

    # the same environment, now with only the plain letter staged: the hook passes
    (repo / "bad.txt").unlink()
    _git(repo, "add", "-A")
    result = subprocess.run(
        [pre_commit, "try-repo", str(ROOT), "anyq", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "Passed" in result.stdout
