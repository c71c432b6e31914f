"""``--format html``: one self-contained page an editor opens in a browser, offline.

A summary first — counts, a score histogram, findings per category, the average score
per folder (inline SVG charts), the most frequent rules and a table of documents — then
every document: its text with the findings highlighted and, beside each paragraph, the
findings in it with their suggestions. No external script, style sheet, font or image;
a Content-Security-Policy forbids the browser to load any, so the page works (and
stays private) without a network. One small inline script filters the document table.

Labels are in Russian and Kazakh, as the letters are.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
from collections import defaultdict
from typing import Any, TextIO

from anyq import __version__
from anyq.findings import FileReport, Finding
from anyq.reporters import ReportContext, Reporter, relpath
from anyq.scoring import mean_score

CATEGORIES = {
    "jargon": "Канцелярит · Кеңсе тілі",
    "legal": "Ссылки на закон · Заңнама",
    "complexity": "Сложность · Күрделілік",
    "spelling": "Орфография · Емле",
    "typography": "Типографика · Теру",
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
MAX_FOLDERS = 40

_CSS = """
:root{--err:#c62828;--warn:#e69500;--info:#1e78c8;--ink:#1d232a;--mute:#5c6670;--line:#dde2e6;--bg:#f6f7f8}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#12355b;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
main{max-width:1280px;margin:0 auto;padding:20px 28px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 22px}
h2{font-size:19px;margin:0 0 12px}h3{font-size:16px;margin:0 0 8px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}.card{flex:1 1 150px;border:1px solid var(--line);border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:24px}.card span{color:var(--mute);font-size:13px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:18px}
figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px}figcaption{font-weight:600;margin-bottom:6px}
svg text{font:12px system-ui,Arial,sans-serif;fill:var(--ink)}svg .bar{fill:#2f6fad}svg .bar.low{fill:var(--err)}svg .bar.mid{fill:var(--warn)}svg .bar.high{fill:#2e7d32}
svg .axis{stroke:#9aa5ae;stroke-width:1}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f0f2f4}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.score{display:inline-block;min-width:42px;text-align:center;border-radius:4px;padding:0 6px;color:#fff;font-weight:600}
.score.low{background:var(--err)}.score.mid{background:var(--warn)}.score.high{background:#2e7d32}.score.none{background:#8a949c}
#filter{width:100%;max-width:420px;padding:6px 10px;margin:0 0 10px;border:1px solid var(--line);border-radius:4px;font:inherit}
.doc-head{display:flex;flex-wrap:wrap;gap:12px;align-items:baseline}.doc-head h2{word-break:break-all}.sub{color:var(--mute);font-size:13px}
.row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:18px;border-top:1px solid var(--line);padding:8px 0}
.text{white-space:pre-wrap;word-wrap:break-word;font-family:Georgia,"Times New Roman",serif;font-size:15.5px}
mark{background:#fff1c2;border-bottom:2px solid var(--warn);padding:0 1px;color:inherit}
mark.error{background:#fde0e0;border-color:var(--err)}mark.info{background:#e1efff;border-color:var(--info)}
mark:target,li:target{outline:2px solid #12355b}
.notes ul{list-style:none;margin:0;padding:0}.notes li{border-left:4px solid var(--warn);padding:3px 8px;margin:0 0 6px;background:#fafbfc;font-size:13.5px}
.notes li.error{border-color:var(--err)}.notes li.info{border-color:var(--info)}
.notes code{font-weight:700}.sugg{display:block;color:#1b5e20}.advice{display:block;color:var(--mute)}
.errors{color:var(--err)}.skip{color:var(--mute)}
a{color:#12355b}
"""

_SCRIPT = """
(function(){var box=document.getElementById('filter');if(!box)return;
var rows=document.querySelectorAll('#documents tbody tr');
box.addEventListener('input',function(){var q=box.value.toLowerCase();
for(var i=0;i<rows.length;i++){rows[i].style.display=rows[i].textContent.toLowerCase().indexOf(q)>=0?'':'none';}});})();
"""


def _e(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _score_class(score: float | None) -> str:
    if score is None:
        return "none"
    return "low" if score < 50 else "mid" if score < 75 else "high"


def _score_badge(score: float | None) -> str:
    # 0.1, as JSON and the text report show it and --fail-under compares it
    return f'<span class="score {_score_class(score)}">{"—" if score is None else f"{score:.1f}"}</span>'


class HtmlReport(Reporter):
    needs_source = True

    def __init__(self, out: TextIO, ctx: ReportContext) -> None:
        super().__init__(out, ctx)
        self.reports: list[FileReport] = []

    def file(self, report: FileReport) -> None:
        self.reports.append(report)

    # -- charts ----------------------------------------------------------------------
    @staticmethod
    def _histogram(scores: list[float]) -> str:
        counts = [0] * 10
        for s in scores:
            counts[min(int(s // 10), 9)] += 1
        top = max(counts) or 1
        w, h, left, bottom = 460, 220, 34, 28
        bw = (w - left - 10) / 10
        parts = [f'<svg id="chart-scores" class="chart" role="img" viewBox="0 0 {w} {h}" width="100%" aria-label="Score histogram">']
        parts.append(f'<line class="axis" x1="{left}" y1="{h - bottom}" x2="{w - 5}" y2="{h - bottom}"/>')
        for i, n in enumerate(counts):
            bh = (h - bottom - 20) * n / top
            x = left + i * bw + 3
            y = h - bottom - bh
            cls = "low" if i < 5 else "mid" if i < 7 else "high"
            label = f"{i * 10}–{100 if i == 9 else i * 10 + 9}"
            parts.append(f'<rect class="bar {cls}" data-bucket="{label}" data-files="{n}" x="{x:.1f}" y="{y:.1f}" width="{bw - 6:.1f}" height="{bh:.1f}"><title>{label}: {n}</title></rect>')
            if n:
                parts.append(f'<text x="{x + (bw - 6) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{n}</text>')
            parts.append(f'<text x="{x + (bw - 6) / 2:.1f}" y="{h - bottom + 15}" text-anchor="middle">{i * 10}</text>')
        parts.append("</svg>")
        return "".join(parts)

    @staticmethod
    def _hbars(chart_id: str, rows: list[tuple[str, float, str]], maximum: float, label: str, value_fmt: str = "{:.0f}") -> str:
        if not rows:
            return f'<svg id="{chart_id}" class="chart" role="img" viewBox="0 0 460 30" width="100%" aria-label="{_e(label)}"><text x="4" y="20">—</text></svg>'
        row_h, left, w = 22, 190, 460
        h = row_h * len(rows) + 8
        parts = [f'<svg id="{chart_id}" class="chart" role="img" viewBox="0 0 {w} {h}" width="100%" aria-label="{_e(label)}">']
        for i, (name, value, cls) in enumerate(rows):
            y = 4 + i * row_h
            bw = (w - left - 50) * (value / maximum if maximum else 0)
            short = name if len(name) <= 28 else "…" + name[-27:]
            parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{_e(short)}<title>{_e(name)}</title></text>')
            parts.append(f'<rect class="bar {cls}" data-label="{_e(name)}" data-value="{value}" x="{left}" y="{y + 2}" width="{bw:.1f}" height="{row_h - 6}"><title>{_e(name)}: {value_fmt.format(value)}</title></rect>')
            parts.append(f'<text x="{left + bw + 4:.1f}" y="{y + 14}">{value_fmt.format(value)}</text>')
        parts.append("</svg>")
        return "".join(parts)

    # -- page ------------------------------------------------------------------------
    def finish(self) -> None:
        base = self.ctx.base
        reports = self.reports
        scored = [r for r in reports if r.score is not None]
        scores = [r.score for r in scored]
        words = sum(int(r.stats.get("words", 0) or 0) for r in reports)
        n_findings = sum(len(r.findings) for r in reports)
        by_cat: dict[str, int] = defaultdict(int)
        by_code: dict[str, int] = defaultdict(int)
        names: dict[str, str] = {}
        for r in reports:
            for f in r.findings:
                by_cat[f.category] += 1
                by_code[f.code] += 1
                names.setdefault(f.code, f.name)
        folders: dict[str, list[float]] = defaultdict(list)
        for r in scored:
            folders[os.path.dirname(relpath(r.path, base)) or "."].append(r.score)
        folder_rows = sorted(((d, mean_score(v)) for d, v in folders.items()), key=lambda x: (x[1], x[0]))
        more_folders = max(0, len(folder_rows) - MAX_FOLDERS)
        folder_rows = folder_rows[:MAX_FOLDERS]

        w = self.out.write
        w('<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n')
        w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
        w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        w(f"<title>anyq — {len(reports)} документов</title>\n<style>{_CSS}</style>\n</head>\n<body>\n")
        when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        w(f"<header><h1>anyq — отчёт о проверке · тексеру есебі</h1><p>{len(reports)} файлов · anyq {__version__} · {when}</p></header>\n<main>\n")

        # summary
        w('<section id="summary"><h2>Сводка · Жиынтық</h2>\n<div class="cards">')
        mean = f"{mean_score(scores):.1f}" if scores else "—"
        for value, label in ((len(reports), "файлов · файл"), (words, "слов · сөз"), (n_findings, "замечаний · ескерту"), (mean, "средняя оценка · орташа баға")):
            w(f'<div class="card"><b>{_e(value)}</b><span>{label}</span></div>')
        errors = [r for r in reports if r.errors]
        if errors:
            w(f'<div class="card errors"><b>{len(errors)}</b><span>не прочитано · оқылмады</span></div>')
        w("</div>\n<div class=\"charts\">\n")
        w(f'<figure><figcaption>Распределение оценок · Бағалардың бөлінуі</figcaption>{self._histogram(scores)}</figure>\n')
        cat_rows = [(CATEGORIES.get(c, c), float(n), "") for c, n in sorted(by_cat.items(), key=lambda x: -x[1])]
        w(f'<figure><figcaption>Замечания по категориям · Санаттар бойынша ескертулер</figcaption>{self._hbars("chart-categories", cat_rows, max((v for _, v, _ in cat_rows), default=0), "Findings per category")}</figure>\n')
        fold = [(d, round(v, 1), _score_class(v)) for d, v in folder_rows]
        note = f'<p class="sub">и ещё {more_folders} папок · тағы {more_folders} қалта</p>' if more_folders else ""
        w(f'<figure><figcaption>Средняя оценка по папкам · Қалталар бойынша орташа баға</figcaption>{self._hbars("chart-folders", fold, 100.0, "Average score per folder", "{:.1f}")}{note}</figure>\n')
        w("</div>\n")
        if by_code:
            w('<h3 style="margin-top:16px">Частые замечания · Жиі кездесетін ескертулер</h3><table id="codes"><thead><tr><th>код</th><th>правило · ереже</th><th class="num">число · саны</th></tr></thead><tbody>')
            for code, n in sorted(by_code.items(), key=lambda x: (-x[1], x[0]))[:20]:
                w(f"<tr><td><code>{_e(code)}</code></td><td>{_e(names.get(code, ''))}</td><td class=\"num\">{n}</td></tr>")
            w("</tbody></table>\n")
        w("</section>\n")

        # documents table
        w('<section id="documents-list"><h2>Документы · Құжаттар</h2>\n<input id="filter" type="search" placeholder="Фильтр · Сүзгі" aria-label="filter">\n')
        w('<table id="documents"><thead><tr><th>файл · файл</th><th>язык · тіл</th><th class="num">оценка · баға</th><th class="num">ошибки</th><th class="num">предупр.</th><th class="num">инфо</th><th class="num">слов</th></tr></thead><tbody>\n')
        for i, r in enumerate(reports):
            c = {s: r.count(s) for s in ("error", "warning", "info")}
            w(f'<tr><td><a href="#doc-{i}">{_e(relpath(r.path, base))}</a></td><td>{_e(r.language)}</td><td class="num">{_score_badge(r.score)}</td>'
              f'<td class="num">{c["error"]}</td><td class="num">{c["warning"]}</td><td class="num">{c["info"]}</td><td class="num">{r.stats.get("words", 0)}</td></tr>\n')
        w("</tbody></table>\n</section>\n")

        for i, r in enumerate(reports):
            self._document(i, r)
        w(f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")
        self.statistics_to_stderr()

    def _document(self, i: int, r: FileReport) -> None:
        w = self.out.write
        w(f'<section class="document" id="doc-{i}"><div class="doc-head"><h2>{_e(relpath(r.path, self.ctx.base))}</h2>{_score_badge(r.score)}')
        if r.scores:
            subs = " · ".join(f"{_e(c)} {v:.0f}" for c, v in r.scores.items())
            w(f'<span class="sub">{subs} — {r.stats.get("words", 0)} слов, язык {_e(r.language)}</span>')
        w("</div>\n")
        for e in r.errors:
            w(f'<p class="errors">{_e(e)}</p>\n')
        if r.extra.get("not_checked"):
            w(f'<p class="skip">не проверялся · тексерілмеді: {_e(r.extra["not_checked"])}</p>\n')
        if r.not_scored:  # checked (its findings are below), but no prose to score
            w(f'<p class="skip">без оценки · бағаланбады: {_e(r.extra["not_scored"])}</p>\n')
        text = r.source_text
        if text is None:
            w("</section>\n")
            return
        findings = sorted(r.findings, key=lambda f: (f.start, f.end, f.code))
        # blocks: paragraphs separated by blank lines; each finding belongs to the block it starts in
        blocks = []
        pos = 0
        for m in _BLOCK_SPLIT.finditer(text):
            blocks.append((pos, m.start()))
            pos = m.end()
        blocks.append((pos, len(text)))
        fid = {id(f): n for n, f in enumerate(findings)}
        for a, b in blocks:
            if not text[a:b].strip():
                continue
            inside = [f for f in findings if a <= f.start < b or (f.start == f.end == b)]
            w('<div class="row"><div class="text">')
            w(self._highlight(i, text, a, b, findings, fid))
            w('</div><aside class="notes">')
            if inside:
                w("<ul>")
                for f in inside:
                    w(self._note(i, fid[id(f)], f))
                w("</ul>")
            w("</aside></div>\n")
        w("</section>\n")

    @staticmethod
    def _highlight(doc: int, text: str, a: int, b: int, findings: list[Finding], fid: dict[int, int]) -> str:
        spans = [f for f in findings if f.end > f.start and f.start < b and f.end > a]
        if not spans:
            return _e(text[a:b])
        cuts = sorted({a, b} | {max(a, f.start) for f in spans} | {min(b, f.end) for f in spans})
        out = []
        for x, y in zip(cuts, cuts[1:]):
            # an anchor where each finding starts, so its note can link to it
            out += [f'<span class="anchor" id="m-{doc}-{fid[id(f)]}"></span>' for f in spans if f.start == x]
            covering = [f for f in spans if f.start <= x and f.end >= y]
            piece = _e(text[x:y])
            if not covering:
                out.append(piece)
                continue
            worst = max(covering, key=lambda f: SEVERITY_RANK.get(f.severity, 1))
            codes = " ".join(dict.fromkeys(f.code for f in covering))
            title = " | ".join(f"{f.code}: {f.message}" for f in covering)
            out.append(f'<mark class="{_e(worst.severity)}" data-codes="{_e(codes)}" title="{_e(title)}">{piece}</mark>')
        return "".join(out)

    @staticmethod
    def _note(doc: int, n: int, f: Finding) -> str:
        code = f"<code>{_e(f.code)}</code>"
        if f.end > f.start:
            code = f'<a href="#m-{doc}-{n}">{code}</a>'
        parts = [f'<li id="f-{doc}-{n}" class="{_e(f.severity)}" data-code="{_e(f.code)}">{code} {_e(f.message)}']
        if f.suggestions:
            parts.append('<span class="sugg">→ ' + ", ".join(f"«{_e(s)}»" for s in f.suggestions[:3]) + "</span>")
        elif f.advice:
            parts.append(f'<span class="advice">{_e(f.advice)}</span>')
        if f.location:
            parts.append('<span class="advice">' + _e(", ".join(f"{k} {v}" for k, v in f.location.items() if k != "excerpt")) + "</span>")
        parts.append("</li>")
        return "".join(parts)
