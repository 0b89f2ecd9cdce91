#!/usr/bin/env bash
# End-to-end check of the lesson in a real terminal (tmux at 100×30): step to experiment 1,
# train, pause, step one batch, resume, wait for the final confusion matrix, inspect a cell, quit;
# then check the tty is sane after quit and after SIGTERM; open own data with o (train, preview a
# file, a bad path, back to built-in), a mouse click; NO_COLOR, TERM=vt100 and LANG=C stay
# legible. Builds nothing.
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

# 1b. Experiment 3 at 80x24: where did the model look? Inspect a hemorrhage cell, view an image
# large, g shows the saliency heatmap (computed off the UI thread) with its legend.
cleanup
tmux new-session -d -s "$SESSION" -x 80 -y 24 \
  "TERM=xterm-256color '$BIN' lesson; echo HEMOLAB_EXIT=\$?; stty -a; sleep 60"
wait_for "80x24: lesson opens" "Step 1/8" 30
keys Right Right Right Right
wait_for "step 5 is experiment 3" "Step 5/8 +Experiment 3"
keys Enter
wait_for "experiment 3 finishes" "Confusion matrix .*final" 240
wait_for "the reading says where the model looked" "Right for the right reasons" 120
keys i
wait_for "inspect on experiment 3" "Cell: true Hemorrhage"
keys Enter
wait_for "the hemorrhage cell's images" "#[0-9]+ +true Hemorrhage"
keys Enter
wait_for "the image large" "window brain"
keys g
wait_for "g shows the HiResCAM heatmap" "HiResCAM for Hemorrhage" 30
wait_for "with its legend" "heat low" 30
keys Right
wait_for "right arrow explains the other class" "HiResCAM for Normal" 30
keys g Escape Escape Escape q
wait_for "q quits after the heatmap" "HEMOLAB_EXIT=0" 20
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

# 4. o: open your own images (a course .tm project when ../shared/data is present, else class
# folders written by `hemolab export` into a temporary folder), train on them, preview a file,
# a bad path, and back to the built-in images; a mouse click on a header dot.
WORK=$(mktemp -d)
SHARED_TM=/work/shared/data/spotlight-tm/experiment1.tm
if [ -f "$SHARED_TM" ]; then
  DATA_DIR=$(dirname "$SHARED_TM")
  DATA_STEM="$DATA_DIR/experiment"
  DATA_PATH="$SHARED_TM"
  DATA_NAME="experiment1.tm"
  DATA_KIND="Teachable Machine project"
else
  "$BIN" export --experiment 1 --out "$WORK/cases" >/dev/null 2>&1 || true
  DATA_STEM="$WORK/ca"
  DATA_PATH="$WORK/cases/"
  DATA_NAME="cases"
  DATA_KIND="class folders in cases"
fi
DICOM=$(ls /work/shared/data/rsna-ich-dicom/*.dcm 2>/dev/null | head -1)
[ -n "$DICOM" ] || DICOM=$(ls "$WORK"/cases/Normal/*.png 2>/dev/null | head -1)
[ -n "$DICOM" ] || { "$BIN" export --experiment 1 --out "$WORK/pics" >/dev/null 2>&1; DICOM=$(ls "$WORK"/pics/Normal/*.png | head -1); }
start
wait_for "lesson opens for o" "Step 1/8" 30
keys Right Right
wait_for "step 3 before opening data" "Step 3/8"
keys o
wait_for "o opens the path modal" "Open your own images"
tmux send-keys -t "$SESSION" -l "$DATA_STEM"
keys Tab
if [ -f "$SHARED_TM" ]; then
  wait_for "Tab lists the candidates" "experiment1.tm +experiment4.tm"
  keys 1 Tab
else
  wait_for "Tab completes the folder" "Path: .*cases/"
fi
wait_for "the path is complete" "Path: .*$DATA_NAME"
keys Enter
wait_for "the header names the data in use" "data: $DATA_NAME" 60
wait_for "the step says which data it trains on" "Data: $DATA_KIND"
keys Enter
wait_for "training on it finishes with the final matrix" "Confusion matrix .*final" 120
keys i Tab Tab Tab o
wait_for "o in inspect asks for a file" "Preview a file"
tmux send-keys -t "$SESSION" -l "$DICOM"
keys Enter
wait_for "the file's class probabilities" "File $(basename "$DICOM")" 20
wait_for "as percentage bars" "[0-9]+%$" 20
keys Escape
keys o
tmux send-keys -t "$SESSION" -l "/no/such/project.tm"
keys Enter
wait_for "a bad path is one line naming it" "Cannot open /no/such/project.tm: no such file or folder" 20
if screen | grep -q "data: $DATA_NAME"; then pass "the data in use stays after a bad path"; else fail "the data in use stays after a bad path"; fi
keys o Enter
wait_for "an empty path goes back to built-in data" "Back to the built-in synthetic images" 20
if screen | head -1 | grep -q "data:"; then fail "header still names own data"; else pass "header back to built-in"; fi
# Mouse: an SGR click on step 5's dot (x = 100 - 15 - 1 + 8, 1-based 93) goes there.
tmux send-keys -t "$SESSION" -l $'\e[<0;93;1M\e[<0;93;1m'
wait_for "a click on a header dot goes to its step" "Step 5/8"
keys q
wait_for "q quits after opening data" "HEMOLAB_EXIT=0" 20
tty_sane "after opening data"
rm -rf "$WORK"

# 5. No colour, a terminal without colours, and a non-UTF-8 locale stay legible; q quits.
no_colour_codes() {
  local what=$1
  if tmux capture-pane -e -p -t "$SESSION" | grep -Eq $'\e\\[[0-9;]*(38;5|48;5|3[0-7]|4[0-7])(;[0-9;]*)?m'; then
    fail "$what: colour escape codes on screen"
  else
    pass "$what: no colour codes"
  fi
}
start_env() {
  cleanup
  tmux new-session -d -s "$SESSION" -x 100 -y 30 \
    "env $1 '$BIN' lesson; echo HEMOLAB_EXIT=\$?; stty -a; sleep 60"
}
start_env "TERM=xterm-256color NO_COLOR=1"
wait_for "NO_COLOR: lesson opens" "Step 1/8" 30
keys Right Right
wait_for "NO_COLOR: experiment 1 readable" "Step 3/8 +Experiment 1.*"
wait_for "NO_COLOR: cards readable" "30 images"
no_colour_codes "NO_COLOR"
keys q
wait_for "NO_COLOR: q quits" "HEMOLAB_EXIT=0" 20
tty_sane "after NO_COLOR"

start_env "TERM=vt100"
wait_for "vt100: lesson opens" "Step 1/8" 30
keys Right Right
wait_for "vt100: experiment 1 readable" "Step 3/8 +Experiment 1"
no_colour_codes "vt100"
keys q
wait_for "vt100: q quits" "HEMOLAB_EXIT=0" 20
tty_sane "after vt100"

start_env "TERM=xterm-256color LANG=C LC_ALL=C"
wait_for "LANG=C: lesson opens" "Step 1/8" 30
keys Right
wait_for "LANG=C: the data step" "Step 2/8"
wait_for "LANG=C: a minus sign stays a minus sign" "air is -1000"
keys Right
wait_for "LANG=C: experiment 1 readable" "Step 3/8 +Experiment 1"
wait_for "LANG=C: ASCII progress dots" "\* \* @ \. \. \. \. \."
if screen | LC_ALL=C grep -q $'[\x80-\xff]'; then
  fail "LANG=C: non-ASCII bytes on screen (mojibake)"
else
  pass "LANG=C: only ASCII on screen"
fi
keys q
wait_for "LANG=C: q quits" "HEMOLAB_EXIT=0" 20
tty_sane "after LANG=C"

# 6. Too small: a notice, and q still quits.
start
tmux resize-window -t "$SESSION" -x 60 -y 20 2>/dev/null || tmux resize-pane -t "$SESSION" -x 60 -y 20
wait_for "too small notice" "terminal too small: 60.20, need 80.24" 30
keys q
wait_for "q quits from the too-small notice" "HEMOLAB_EXIT=0" 20

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
