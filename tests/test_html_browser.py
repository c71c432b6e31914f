"""The HTML report of 100 documents in a real browser (headless Debian Chromium, driven
over the DevTools protocol through pipes): no console errors, no request leaves the
page, the charts are drawn, a finding is highlighted with its suggestion beside it, and
the filter works.

CI installs Chromium (.ci/run: apt-get install chromium). On a developer machine
without it the test is skipped with that instruction; under CI (CI=true) it fails.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anyq.cli import app
from cdp import Browser, find_chromium

ROOT = Path(__file__).resolve().parent.parent

PAGE_FACTS = r"""
(() => {
  const box = el => { const r = el.getBoundingClientRect(); return {w: r.width, h: r.height}; };
  const bars = [...document.querySelectorAll('#chart-scores rect.bar')];
  const cats = [...document.querySelectorAll('#chart-categories rect.bar')];
  const folders = [...document.querySelectorAll('#chart-folders rect.bar')];
  const mark = [...document.querySelectorAll('mark[data-codes]')].find(m => /J1\d\d/.test(m.dataset.codes));
  const doc = mark.closest('section.document');
  const note = doc.querySelector('li[data-code="' + mark.dataset.codes.split(' ')[0] + '"]');
  const rows = document.querySelectorAll('#documents tbody tr');
  const filter = document.getElementById('filter');
  filter.value = 'almaty';
  filter.dispatchEvent(new Event('input'));
  const shown = [...rows].filter(r => r.style.display !== 'none').length;
  return {
    title: document.title,
    scoreBars: bars.length,
    scoreBarsDrawn: bars.filter(b => b.getBBox().height > 0).length,
    scoreFiles: bars.reduce((n, b) => n + Number(b.dataset.files), 0),
    categoryBars: cats.length,
    categoryBarsDrawn: cats.filter(b => b.getBBox().width > 0).length,
    folderBars: folders.length,
    chartsVisible: ['chart-scores', 'chart-categories', 'chart-folders'].map(id => box(document.getElementById(id)).w > 100),
    marks: document.querySelectorAll('mark').length,
    markText: mark.textContent,
    markBox: box(mark),
    markBackground: getComputedStyle(mark).backgroundColor,
    noteText: note ? note.textContent : null,
    noteVisible: note ? box(note).h > 0 : false,
    noteRightOfText: note ? note.getBoundingClientRect().left > mark.closest('.text').getBoundingClientRect().right - 1 : false,
    documents: document.querySelectorAll('section.document').length,
    rows: rows.length,
    rowsShownAfterFilter: shown,
    rowsMatchingFilter: [...rows].filter(r => r.textContent.toLowerCase().includes('almaty')).length,
  };
})()
"""


def _generate(dest: Path, n: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_batch", ROOT / "bench" / "batch.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.generate(dest, n, seed=11)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = find_chromium()
    if path is None:
        message = "Debian chromium is not installed (apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_html_report_of_100_documents_in_chromium(chromium, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _generate(tmp_path / "archive", 100)
    result = CliRunner().invoke(app, ["check", "archive", "--format", "html", "--output", "report.html", "--no-cache", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "report.html"
    browser = Browser(chromium)
    try:
        session = browser.open(page.as_uri())
        facts = browser.evaluate(session, PAGE_FACTS)
        browser.drain(0.5)
        if os.environ.get("ANYQ_SCREENSHOT"):
            browser.screenshot(session, os.environ["ANYQ_SCREENSHOT"])
        problems = browser.problems(session)
        requests = browser.requests(session)
    finally:
        browser.close()

    assert problems == []
    assert requests == [page.as_uri()]  # the page itself, nothing else
    assert facts["title"].startswith("anyq")
    assert facts["scoreBars"] == 10 and facts["scoreFiles"] == 100 and facts["scoreBarsDrawn"] >= 2
    assert facts["categoryBars"] >= 3 and facts["categoryBarsDrawn"] == facts["categoryBars"]
    assert facts["folderBars"] == 40  # district/month folders: the 40 lowest, the rest counted below the chart
    assert facts["chartsVisible"] == [True, True, True]
    assert facts["documents"] == 100 and facts["rows"] == 100
    assert facts["marks"] > 100
    assert facts["markBox"]["w"] > 0 and facts["markBackground"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert facts["noteVisible"] and facts["noteRightOfText"]
    assert "→" in facts["noteText"] or len(facts["noteText"]) > 20  # a suggestion or the advice
    assert 0 < facts["rowsShownAfterFilter"] == facts["rowsMatchingFilter"] < 100
