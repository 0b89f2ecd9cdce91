#!/usr/bin/env bash
# End-to-end check of the lesson in a real terminal (tmux at 100×30): step to experiment 1,
# train, pause, step one batch, resume, wait for the final confusion matrix, inspect a cell, quit;
# then check the tty is sane after quit and after SIGTERM. Builds nothing.
# Usage: scripts/e2e-tmux.sh path/to/hemolab
set -u
BIN=${1:?usage: e2e-tmux.sh path/to/hemolab}
[ -x "$BIN" ] || { echo "e2e: $BIN is not executable"; echo "0 passed, 1 failed"; exit 1; }
command -v tmux >/dev/null || { echo "e2e: tmux missing"; echo "0 passed, 1 failed"; exit 1; }
export SWIFT_BACKTRACE=interactive=no
SESSION="hemolab-e2e-$$"
PASSED=0
FAILED=0
TIMEOUT=${E2E_TIMEOUT:-60}

screen() { tmux capture-pane -p -t "$SESSION" 2>/dev/null; }
pass() { PASSED=$((PASSED + 1)); echo "ok    $1"; }
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL  $1"
  echo "----- screen -----"
  screen
  echo "------------------"
}
# wait_for "description" pattern [timeout]: polls the pane until grep -E matches.
wait_for() {
  local what=$1 pattern=$2 limit=${3:-$TIMEOUT} waited=0
  while [ "$waited" -lt $((limit * 10)) ]; do
    if screen | grep -Eq -- "$pattern"; then
      pass "$what"
      return 0
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  fail "$what (no /$pattern/ within ${limit}s)"
  return 1
}
keys() { tmux send-keys -t "$SESSION" "$@"; }
cleanup() { tmux kill-session -t "$SESSION" 2>/dev/null; }
trap cleanup EXIT
# tty_sane: after the program ends, the pane's shell prints `stty -a`.
tty_sane() {
  local what=$1
  if wait_for "$what: stty output" "icanon" 10; then
    local s
    s=$(screen)
    if echo "$s" | grep -Eq -- '(^| )icanon' && echo "$s" | grep -Eq -- '(^| )echo( |$)'; then
      pass "$what: tty has icanon and echo"
    else
      fail "$what: tty not restored (icanon/echo missing)"
    fi
  fi
}
start() {
  cleanup
  tmux new-session -d -s "$SESSION" -x 100 -y 30 \
    "TERM=xterm-256color '$BIN' lesson; echo HEMOLAB_EXIT=\$?; stty -a; sleep 60"
}

# 1. The lesson, experiment 1 end to end.
start
wait_for "lesson opens on step 1" "Step 1/8" 30
keys Right Right
wait_for "step 3 is experiment 1" "Step 3/8 +Experiment 1"
keys Enter
wait_for "training starts" "training +epoch [0-9]+/15"
keys Space
if wait_for "Space pauses" "paused +epoch"; then
  before=$(screen | grep -Eo "epoch [0-9]+/15 +batch [0-9]+/[0-9]+" | head -1)
  keys .
  waited=0
  after=$before
  while [ "$after" = "$before" ] && [ $waited -lt $((TIMEOUT * 10)) ]; do
    sleep 0.1
    waited=$((waited + 1))
    after=$(screen | grep -Eo "epoch [0-9]+/15 +batch [0-9]+/[0-9]+" | head -1)
  done
  if [ "$after" != "$before" ] && screen | grep -q "paused"; then
    pass ". trains one batch and stays paused ($before -> $after)"
  else
    fail ". trains one batch ($before -> $after)"
  fi
  wait_for "paused run shows the matrix" "true.pred"
  keys Space
fi
wait_for "run finishes with the final matrix" "Confusion matrix .*final" 120
wait_for "the reading appears" "What happened"
keys i
wait_for "i opens inspect" "Images in cell"
keys Enter
wait_for "Enter lists the cell's test images" "#[0-9]+ +true"
keys Enter
wait_for "Enter shows the image large with probabilities" "window brain"
keys Escape Escape Escape
wait_for "Esc leaves inspect" "What happened"
keys q
wait_for "q quits with status 0" "HEMOLAB_EXIT=0" 20
tty_sane "after q"

# 2. q while training asks, y quits and stops the trainer. Experiment 3 (2000 images, 12 epochs)
# is long enough that training is surely still running when q arrives.
start
wait_for "lesson opens again" "Step 1/8" 30
keys Right Right Right Right Enter
wait_for "training again" "training +epoch" 120
keys q
wait_for "q while training asks first" "Quit HemoLab\\?"
keys y
wait_for "y quits mid-training" "HEMOLAB_EXIT=0" 20
tty_sane "after quitting mid-training"

# 3. SIGTERM mid-training restores the terminal.
start
wait_for "lesson opens a third time" "Step 1/8" 30
keys Right Right Right Right f Enter
wait_for "training at full speed" "training +epoch" 120
pane=$(tmux display -p -t "$SESSION" '#{pane_pid}')
pid=$(pgrep -P "$pane" -f hemolab | head -1)
if [ -n "$pid" ]; then
  kill -TERM "$pid"
  wait_for "SIGTERM ends it with 128+15" "HEMOLAB_EXIT=143" 20
  tty_sane "after SIGTERM"
else
  fail "find the hemolab process"
fi

# 4. Too small: a notice, and q still quits.
start
tmux resize-window -t "$SESSION" -x 60 -y 20 2>/dev/null || tmux resize-pane -t "$SESSION" -x 60 -y 20
wait_for "too small notice" "terminal too small: 60.20, need 80.24" 30
keys q
wait_for "q quits from the too-small notice" "HEMOLAB_EXIT=0" 20

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
