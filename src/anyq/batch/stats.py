"""``--statistics``: what an editor wants to know about an archive after a run."""

from __future__ import annotations

import statistics as st
from collections import Counter
from typing import Any, TextIO

from anyq.findings import CachedReport, FileReport
from anyq.scoring import mean_score

BUCKETS = 10  # score histogram: 0–9, 10–19, … 90–100
WORST = 10


def bucket(score: float) -> int:
    return min(int(score // (100 / BUCKETS)), BUCKETS - 1)


class Statistics:
    def __init__(self) -> None:
        self.files = 0
        self.with_errors = 0
        self.not_checked = 0
        self.not_scored = 0  # checked, findings counted, but no score (a letter of requisites alone)
        self.cached = 0
        self.words = 0
        self.by_code: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.by_category: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.by_language: Counter[str] = Counter()
        self.histogram = [0] * BUCKETS
        self.scores: list[tuple[float, str, int]] = []

    def add(self, report: FileReport | CachedReport, cached: bool = False) -> None:
        self.files += 1
        self.cached += cached
        if report.errors:
            self.with_errors += 1
        self.not_checked += report.not_checked
        self.not_scored += report.not_scored
        self.words += report.words
        findings = 0
        for code, name, category, severity, n in report.finding_counts():
            self.by_code[code] += n
            self.names.setdefault(code, name)
            self.by_category[category] += n
            self.by_severity[severity] += n
            findings += n
        if report.score is not None:
            self.by_language[report.language] += 1
            self.histogram[bucket(report.score)] += 1
            self.scores.append((report.score, report.path, findings))

    def to_dict(self, run: dict[str, Any] | None = None) -> dict[str, Any]:
        scores = [s for s, _, _ in self.scores]
        width = 100 // BUCKETS
        out: dict[str, Any] = {
            "files": self.files,
            "files_scored": len(scores),
            "files_with_errors": self.with_errors,
            "files_not_checked": self.not_checked,
            "files_not_scored": self.not_scored,
            "files_from_cache": self.cached,
            "words": self.words,
            "findings": sum(self.by_code.values()),
            "by_code": [{"code": c, "name": self.names.get(c, ""), "count": n} for c, n in sorted(self.by_code.items(), key=lambda x: (-x[1], x[0]))],
            "by_category": dict(sorted(self.by_category.items(), key=lambda x: -x[1])),
            "by_severity": {s: self.by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "by_language": dict(sorted(self.by_language.items())),
            "score": {
                "mean": mean_score(scores),
                "median": round(st.median(scores), 1) if scores else None,
                "min": min(scores) if scores else None,
                "max": max(scores) if scores else None,
                "histogram": [{"from": i * width, "to": 100 if i == BUCKETS - 1 else i * width + width - 1, "files": n} for i, n in enumerate(self.histogram)],
            },
            "worst_files": [{"path": p, "score": s, "findings": n} for s, p, n in sorted(self.scores, key=lambda x: (x[0], x[1]))[:WORST]],
        }
        if run:
            out["run"] = run
        return out

    def write_text(self, out: TextIO, run: dict[str, Any] | None = None) -> None:
        d = self.to_dict(run)
        w = out.write
        w("\nStatistics\n")
        # scored + not scored + errors + not checked = files; «not scored» only when there is one
        not_scored = f", not scored {d['files_not_scored']}" if d["files_not_scored"] else ""
        w(f"  files      {d['files']}  (scored {d['files_scored']}{not_scored}, from cache {d['files_from_cache']}, errors {d['files_with_errors']}, not checked {d['files_not_checked']})\n")
        w(f"  words      {d['words']}\n")
        sev = d["by_severity"]
        w(f"  findings   {d['findings']}  (error {sev['error']}, warning {sev['warning']}, info {sev['info']})\n")
        if d["by_category"]:
            w("  by category\n")
            for c, n in d["by_category"].items():
                w(f"    {c:<12} {n:>7}\n")
        if d["by_code"]:
            w("  by code\n")
            for row in d["by_code"]:
                w(f"    {row['code']:<6} {row['count']:>7}  {row['name']}\n")
        sc = d["score"]
        if sc["mean"] is not None:
            w(f"  score      mean {sc['mean']}, median {sc['median']}, min {sc['min']}, max {sc['max']}\n")
            top = max(h["files"] for h in sc["histogram"]) or 1
            for h in sc["histogram"]:
                bar = "█" * round(30 * h["files"] / top)
                w(f"    {h['from']:>3}–{h['to']:<3} {h['files']:>7}  {bar}\n")
        if d["worst_files"]:
            w("  worst files\n")
            for row in d["worst_files"]:
                w(f"    {row['score']:>5.1f}  {row['path']}  ({row['findings']} findings)\n")
        if run:
            where = f"in {run['workers']} worker processes" if run["workers"] else "in one process"
            w(f"  run        {run['seconds']:.1f} s, {run['files_per_second']:.1f} files/s, {run['words_per_second']:.0f} words/s; "
              f"linted {run['linted']} {where} (jobs {run['jobs']}), {run['from_cache']} from cache; "
              f"{run['cpu_seconds']:.1f} CPU s; peak worker memory {run['peak_worker_rss_mb']:.0f} MB\n")
