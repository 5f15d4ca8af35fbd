#!/usr/bin/env bash
# Usage: (from a worktree) bash tests/golden.sh OUTDIR  (the team's /work/notes/golden.sh, plus the outputs
# the views layer added; compare only the files both runs have)
# Runs every command × format on the bundled examples; writes stdout+stderr+exit code per run into OUTDIR.
# Binary outputs (xlsx/docx) are unzipped and their XML (minus docProps) concatenated, so diffs are byte-level.
# Compare two runs with: diff -r /work/golden OUTDIR
set -u
OUT=$1; mkdir -p "$OUT"; rm -f "$OUT"/*
PY="/work/main/.venv/bin/python"
export PYTHONPATH=$PWD COLUMNS=120 PAR_CACHE_DIR=$(mktemp -d) NO_COLOR=1
TMP=$(mktemp -d)
run() {  # name, args...
  local name=$1; shift
  ( cd "$PWD" && $PY -m par_cli "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo "exit $?" >>"$OUT/$name.err" )
}
bin() {  # name, format, args... (writes -o file, then dumps its XML)
  local name=$1 fmt=$2; shift 2
  rm -f "$TMP/o.$fmt"
  $PY -m par_cli "$@" -f "$fmt" -o "$TMP/o.$fmt" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo "exit $?" >>"$OUT/$name.err"
  if [ -f "$TMP/o.$fmt" ]; then
    rm -rf "$TMP/x"; mkdir "$TMP/x"; (cd "$TMP/x" && unzip -q "$TMP/o.$fmt")
    (cd "$TMP/x" && find . -type f ! -path './docProps/*' | sort | while read f; do echo "== $f"; cat "$f"; echo; done) >"$OUT/$name.$fmt.xml"
  fi
}
for lang in en vi; do
  L="--lang $lang"
  for f in table json markdown csv html; do run score-$f-$lang score examples/2024/so-noi-vu.yaml --depth 2 -f $f $L; done
  for f in xlsx docx; do bin score-$f-$lang $f score examples/2024/so-noi-vu.yaml --depth 2 $L; done
  for f in table json; do run explain-$f-$lang explain examples/2024/so-noi-vu.yaml -f $f $L; run explain3-$f-$lang explain examples/2024/so-noi-vu.yaml 3.2 -f $f $L; done
  for f in table json csv markdown html; do run rank-$f-$lang rank examples/2025 --previous examples/2024 -f $f $L --areas; done
  for f in table json csv markdown html; do run rankrob-$f-$lang rank examples/2025 --robustness -f $f $L; done
  for f in xlsx docx; do bin rank-$f-$lang $f rank examples/2024 --previous examples/2023 $L; done
  for f in table json; do run impact-$f-$lang rank examples/2024 --criteria examples/revised-2025/criteria.yaml --against mau-so-nganh -f $f $L; done
  for f in text json github sarif; do run check-$f-$lang check examples tests/check/bad -f $f $L; done
  run crit-list-$lang criteria list $L
  run crit-show-$lang criteria show mau-so-nganh $L
  for f in table json; do run crit-diff-$f-$lang criteria diff mau-so-nganh examples/revised-2025/criteria.yaml -f $f $L; done
  run template-yaml-$lang template mau-so-nganh $L
  bin template-xlsx-$lang xlsx template mau-so-nganh $L
  for f in table json csv html; do run trend-$f-$lang trend examples/2023 examples/2024 examples/2025 -f $f $L; done
  for f in table json csv html; do run gaps-$f-$lang gaps examples/2025 --top 4 -f $f $L; done
  bin gaps-xlsx-$lang xlsx gaps examples/2025 $L
  # new with the views layer (par_cli/views): Markdown and Word for trend and gaps
  run trend-markdown-$lang trend examples/2023 examples/2024 examples/2025 -f markdown $L
  run trendareas-html-$lang trend examples/2023 examples/2024 examples/2025 --areas -f html $L
  bin trend-docx-$lang docx trend examples/2023 examples/2024 examples/2025 $L
  run gaps-markdown-$lang gaps examples/2025 -f markdown $L
  bin gaps-docx-$lang docx gaps examples/2025 $L
  for f in table json csv markdown html; do run survey-$f-$lang survey report examples/survey-2024/survey.yaml -f $f $L; done
  for f in table json csv; do run cuts-$f-$lang appraisal cuts examples/tham-dinh-2025 -f $f $L; done
  bin cuts-xlsx-$lang xlsx appraisal cuts examples/tham-dinh-2025 $L
  run score-err-$lang score tests/check/bad/c-max-sum.yaml $L
done
for f in table json; do run score-nolang-$f score examples/2024/so-noi-vu.yaml -f $f; done
run rank-nolang rank examples/2025
run err-nolang check tests/check/bad
run help-main --help
run help-rank rank --help
run schema-crit schema criteria
run schema-ass schema assessment
rm -rf "$TMP"
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
