#!/usr/bin/env bash
# Usage: (from a worktree) bash tests/golden_language.sh OUTDIR
# /work/notes/golden.sh, then the outputs the language decision adds (issue 27): help and click's own words in
# Vietnamese (PAR_LANG, the locale, --lang in argv), PAR_LANG against the locale and the set, an unknown PAR_LANG.
set -u
OUT=$1
bash /work/notes/golden.sh "$OUT"
PY="/work/main/.venv/bin/python"
export PYTHONPATH=$PWD COLUMNS=120 PAR_CACHE_DIR=$(mktemp -d) NO_COLOR=1
unset LANGUAGE LC_MESSAGES
run() {  # name, env assignments…, --, args…
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  env -u PAR_LANG -u LC_ALL -u LANG "${envs[@]}" $PY -m par_cli "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo "exit $?" >>"$OUT/$name.err"
}
run help-main-vi LANG=vi_VN.UTF-8 -- --help
run help-rank-vi PAR_LANG=vi -- rank --help
run help-rank-argv-vi -- rank --help --lang vi
run help-rank-en-over-locale LANG=vi_VN.UTF-8 -- rank --help --lang en
run usage-missing-vi LANG=vi_VN.UTF-8 -- score
run usage-bad-value-vi PAR_LANG=vi -- score x.yaml --depth a
run usage-no-command-vi LANG=vi_VN.UTF-8 -- scor
run err-missing-locale-vi LANG=vi_VN.UTF-8 -- score nothere.yaml
run err-missing-parlang-en LANG=vi_VN.UTF-8 PAR_LANG=en -- score nothere.yaml
run err-set-vi LANG=en_US.UTF-8 -- score tests/check/bad/a-domain.yaml
run rank-parlang-en PAR_LANG=en -- rank examples/2025
run trend-nolang -- trend examples/2023 examples/2024 examples/2025
run survey-nolang -- survey report examples/survey-2024/survey.yaml
run parlang-unknown PAR_LANG=fr -- score examples/2024/so-noi-vu.yaml
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
