"""Prints the table of bench runs that took turns: wrk-summary.py RESULTS TITLE NAME=LABEL... RATIO...

RESULTS holds lines "NAME req/s p99-ms non2xx" (bench/lib.sh wrk_run); each NAME=LABEL is a row
(median, min and max of requests/s and of p99, and the non-2xx answers); each RATIO is "A/B=words",
printed as the ratio of the medians of A and B.
"""
import statistics
import sys

results, title, *specs = sys.argv[1:]
rows = {}
for line in open(results):
    name, rps, p99, bad = line.split()
    rows.setdefault(name, []).append((float(rps), float(p99), int(bad)))
labels = dict(s.split("=", 1) for s in specs if "/" not in s.split("=", 1)[0])
ratios = [s.split("=", 1) for s in specs if "/" in s.split("=", 1)[0]]
width = max(len(label) for label in labels.values()) + 2
print(f"{title}; {len(next(iter(rows.values())))} rounds")
print(f"{'':{width}} {'req/s median':>12} {'min':>8} {'max':>8} {'p99 ms median':>14} {'min':>6} {'max':>6} {'non-2xx':>8}")
med = {}
for name, label in labels.items():
    rps = sorted(r[0] for r in rows[name])
    p99 = sorted(r[1] for r in rows[name])
    med[name] = statistics.median(rps)
    print(f"{label:{width}} {med[name]:12.0f} {rps[0]:8.0f} {rps[-1]:8.0f} {statistics.median(p99):14.2f} "
          f"{p99[0]:6.2f} {p99[-1]:6.2f} {sum(r[2] for r in rows[name]):8d}")
for pair, words in ratios:
    a, b = pair.split("/")
    print(f"ratio {words}: {med[a] / med[b]:.2f}")
