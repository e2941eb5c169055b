#!/usr/bin/env bash
# The verdict of a `make valgrind` run (tests/valgrind/run.sh): what each
# part ran and how long it took, the load average sampled during the run,
# and memcheck's findings counted from its per-process logs. Exits 1 if a
# part failed or a log holds an error or a definite leak.
#
# A log (valgrind -q) holds one record per error: a first line at the
# prefix's indentation ("==PID== Invalid read of size 8", "==PID== 40
# bytes in 1 blocks are definitely lost in loss record 1 of 2"), then the
# stack indented below it. Valgrind's own warnings ("Warning: ...") are
# shown and counted apart; they are not errors of the program.
# usage: report.sh OUT-DIR WALL-SECONDS
set -uo pipefail
OUT=$1 WALL=$2
fail=0

count() { grep -hoE "$1" "$OUT/$2.out" 2>/dev/null | tail -1; }
# seconds of CPU of a part: the children's line of `times`, "XmY.YYYs XmY.YYYs"
cpu() { sed -n 2p "$OUT/$1.times" 2>/dev/null | tr 'ms' '  ' | awk '{ printf "%d", $1 * 60 + $2 + $3 * 60 + $4 }'; }
total_cpu=0
for p in cli fixtures1 fixtures2 unit fuzz; do
  rc=$(cat "$OUT/$p.rc" 2>/dev/null || echo missing)
  t=$(cat "$OUT/$p.time" 2>/dev/null || echo "?")
  c=$(cpu $p)
  total_cpu=$((total_cpu + ${c:-0}))
  case $p in
    unit) what=$(count '[0-9]+%: Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' unit) ;;
    fixtures*) what=$(count 'fixtures: [0-9]+ passed, [0-9]+ failed' $p) ;;
    fuzz) what=$(count 'fuzz regressions: [0-9]+ passed, [0-9]+ failed' fuzz) ;;
    cli) what=$(count 'cli: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' cli) ;;
  esac
  printf '%-9s wall %5s s, CPU %5s s  %s\n' "$p" "$t" "${c:-?}" "${what:-no summary}"
  if [ "$rc" != 0 ]; then
    fail=1
    echo "  $p failed (status $rc); its output, $OUT/$p.out:"
    grep -vE '^ *[a-z]+$|^Running suite' "$OUT/$p.out" | head -40 | sed 's/^/    /'
  fi
done

processes=$(ls "$OUT/logs" | wc -l)
records=$(cat "$OUT"/logs/*.log 2>/dev/null | grep -E '^==[0-9]+== [^ ]' || true)
warnings=$(grep -c '^==[0-9]*== Warning:' <<<"$records" || true)
errors=$(grep -vc '^==[0-9]*== Warning:' <<<"$records" || true)
[ -n "$records" ] || warnings=0 errors=0
leaks=$(grep -c 'are definitely lost' <<<"$records" || true)
[ -n "$records" ] || leaks=0
loads=$(grep -oE 'load average: [0-9.]+' "$OUT/load.txt" 2>/dev/null | awk '{print $3}' | sort -n)
echo "wall: $WALL s, CPU $total_cpu s; load average (1 min) during the run: min $(head -1 <<<"$loads"), max $(tail -1 <<<"$loads"), mean $(awk '{s+=$1} END {if (NR) printf "%.1f", s/NR}' <<<"$loads") over $(wc -l <<<"$loads") samples"
echo "memcheck: $processes processes, $errors errors ($leaks definite leaks), $warnings valgrind warnings"
if [ "$errors" -gt 0 ] || [ "$warnings" -gt 0 ]; then
  for f in $(grep -lE '^==[0-9]+== [^ ]' "$OUT"/logs/*.log); do
    echo "--- $f"
    head -60 "$f"
  done
fi
[ "$errors" -eq 0 ] || fail=1
[ "$fail" -eq 0 ] && echo "make valgrind: passed" || echo "make valgrind: FAILED"
exit $fail
