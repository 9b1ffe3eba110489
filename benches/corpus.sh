#!/usr/bin/env bash
# End-to-end throughput and memory on a large generated corpus.
#
#   benches/corpus.sh [SIZE_MB ...]      (default: 50 200 400)
#   RUNS=5 benches/corpus.sh 200         (runs per figure, default 3)
#
# Builds a corpus of SIZE_MB on the fly by replicating and varying the
# articles of corpus/ (and, when ../shared/corpora/gnad-test.csv exists, the
# real news articles in it) into many files, runs the release binary over
# it and prints MB/s, articles/s, CPU seconds and peak resident memory
# (/usr/bin/time -v). For the 200 MB corpus it also compares -j 1 with
# -j 2.
#
# Each figure is the fastest of RUNS runs: on a shared machine a run can be
# slowed by others, never sped up. Every run writes into a new, empty
# folder, removed after the timing (overwriting the last run's tables made
# the file system's discards part of the next run's time).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 200 400)
cargo build --release --quiet
bin=target/release/anpfiff
work=${ANPFIFF_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
timer=/usr/bin/time
[ -x "$timer" ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

make_corpus() { # SIZE_MB DIR
  python3 - "$1" "$2" <<'PY'
import csv, os, random, re, sys
size, out = int(sys.argv[1]) * 1_000_000, sys.argv[2]
texts = []
for root, _, files in os.walk("corpus"):
    for f in sorted(files):
        raw = open(os.path.join(root, f), "rb").read()
        try:
            texts.append(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            texts.append(raw.decode("cp1252"))
gnad = "../shared/corpora/gnad-test.csv"
if os.path.exists(gnad):
    csv.field_size_limit(10**8)
    with open(gnad, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            if len(row) == 2:
                texts.append("date: 2016-03-01\n" + row[1])
rng = random.Random(7)
def vary(t):
    # new numbers keep patterns realistic but the text different
    t = re.sub(r"\b(\d):(\d)\b", lambda m: f"{rng.randint(0,6)}:{rng.randint(0,6)}", t)
    t = re.sub(r"\((\d{1,2})\.\)", lambda m: f"({rng.randint(1,90)}.)", t)
    paras = t.split("\n\n")
    if len(paras) > 3:
        head, body = paras[:2], paras[2:]
        rng.shuffle(body)
        paras = head + body
    return "\n\n".join(paras)
total = n = 0
while total < size:
    t = vary(rng.choice(texts)).encode("utf-8")
    d = os.path.join(out, f"{n // 1000:04d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{n:07d}.txt"), "wb") as f:
        f.write(t)
    total += len(t)
    n += 1
print(n, total)
PY
}

runs=${RUNS:-3}

once() { # DIR JOBS -> "seconds cpu_seconds rss_kb"
  local log="$work/time.log" out="$work/out"
  rm -rf "$out"
  sync
  "$timer" -v "$bin" "$1" -o "$out" -j "$2" -q 2>"$log" >/dev/null || true
  rm -rf "$out"
  awk -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]}
    /User time/ {u=$2} /System time/ {y=$2}
    /Maximum resident set size/ {r=$2}
    END {print s, u+y, r}' "$log"
}

best() { # DIR JOBS -> fastest of $runs runs, and the highest peak memory
  local i secs cpu rss b="" bc="" br=0
  for ((i = 0; i < runs; i++)); do
    read -r secs cpu rss < <(once "$1" "$2")
    if [ -z "$b" ] || awk -v a="$secs" -v c="$b" 'BEGIN {exit !(a < c)}'; then
      b=$secs bc=$cpu
    fi
    [ "$rss" -gt "$br" ] && br=$rss
  done
  echo "$b $bc $br"
}

printf '%-8s %-6s %10s %12s %10s %10s %12s\n' size jobs MB/s articles/s seconds cpu_s peak_RSS_MB
for mb in "${sizes[@]}"; do
  dir="$work/corpus-$mb"
  read -r count bytes < <(make_corpus "$mb" "$dir")
  for jobs in $( [ "$mb" = 200 ] && echo "1 2" || echo 2 ); do
    read -r secs cpu rss < <(best "$dir" "$jobs")
    awk -v mb="$mb" -v j="$jobs" -v b="$bytes" -v n="$count" -v s="$secs" -v c="$cpu" -v r="$rss" \
      'BEGIN { printf "%-8s %-6s %10.1f %12.0f %10.2f %10.2f %12.1f\n", mb "MB", j, b/1e6/s, n/s, s, c, r/1024 }'
  done
  rm -rf "$dir"
done
