"""Write loadtest/RESULTS.md from locust's CSV files and the workers' RSS samples."""

from __future__ import annotations

import argparse
import csv
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
VAR = HERE / "var"


def _mb(text: str) -> list[float]:
    return [float(x) for x in text.split()]


def _fmt(values: list[float]) -> str:
    return " + ".join(f"{v:.0f}" for v in values) + f" = {sum(values):.0f} MB" if values else "—"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", required=True)
    parser.add_argument("--duration", required=True)
    parser.add_argument("--start-rss", default="")
    parser.add_argument("--end-rss", default="")
    parser.add_argument("--db", default="")
    args = parser.parse_args()

    with (VAR / "locust_stats.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    failures = []
    failures_path = VAR / "locust_failures.csv"
    if failures_path.exists():
        with failures_path.open(encoding="utf-8") as handle:
            failures = list(csv.DictReader(handle))
    samples = []
    for line in (VAR / "rss.log").read_text(encoding="utf-8").splitlines():
        stamp, *values = line.split()
        if values:
            samples.append((int(stamp), [float(v) for v in values]))
    warm = samples[min(4, len(samples) - 1)] if samples else None  # ≈ 1 minute in

    threads = os.environ.get("LOADTEST_THREADS", "4")
    count = int(total["Request Count"])
    errors = int(total["Failure Count"])
    lines = [
        "# Load test results",
        "",
        f"Run {datetime.now().astimezone():%d/%m/%Y %H:%M %Z} by `make loadtest` on "
        f"{platform.node()} ({os.cpu_count()} cores, Python {platform.python_version()}); "
        f"PostgreSQL database `{args.db}`; gunicorn, 2 workers × {threads} threads (gthread), loopback; locust headless, "
        f"{args.users} users (spawn 20/s), {args.duration}. The locust process shares the "
        "machine's cores with the server and the database.",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| requests | {count:,} |".replace(",", "."),
        f"| errors | {errors} ({(errors / count * 100 if count else 0):.2f} %) |",
        f"| requests/s | {float(total['Requests/s']):.1f} |",
        f"| p50 | {total['50%']} ms |",
        f"| p95 | {total['95%']} ms |",
        f"| p99 | {total['99%']} ms |",
        f"| max | {float(total['Max Response Time']):.0f} ms |",
        f"| RSS of the workers at start | {_fmt(_mb(args.start_rss))} |",
        f"| RSS after ≈ 1 minute (warm) | {_fmt(warm[1]) if warm else '—'} |",
        f"| RSS at the end | {_fmt(_mb(args.end_rss))} |",
        "",
        "## Per request",
        "",
        "| Request | Count | Errors | p50 ms | p95 ms | req/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r["Name"] == "Aggregated":
            continue
        lines.append(
            f"| {r['Type']} {r['Name']} | {r['Request Count']} | {r['Failure Count']} | "
            f"{r['50%']} | {r['95%']} | {float(r['Requests/s']):.1f} |"
        )
    if failures:
        lines += ["", "## Errors", "", "| Request | Occurrences | Error |", "|---|---:|---|"]
        for f in failures:
            message = f["Error"].replace("|", "\\|").replace("\n", " ")[:300]
            lines.append(f"| {f['Method']} {f['Name']} | {f['Occurrences']} | {message} |")
    if samples:
        lines += ["", "## Worker RSS over the run (MB, every 15 s)", "", "```"]
        t0 = samples[0][0]
        lines += [f"{s - t0:>4} s  " + "  ".join(f"{v:6.0f}" for v in vals) for s, vals in samples]
        lines.append("```")
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write("\n".join(lines[:20]) + "\n")


if __name__ == "__main__":
    main()
