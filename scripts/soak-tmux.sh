#!/usr/bin/env bash
# Memory soak of the lesson: random keys (seeded) and resizes in tmux for DURATION seconds at
# nice 19, sampling the process's resident memory every 20 s. Prints "t_s rss_mb" lines and a
# summary. Usage: soak-tmux.sh path/to/hemolab [DURATION_S=1800] [SEED=1]
set -u
BIN=$(realpath "${1:?usage: soak-tmux.sh path/to/hemolab [seconds] [seed]}")
DURATION=${2:-1800}
RANDOM=${3:-1}
T="tmux -L hemolab-soak-$$"
S=soak
$T new-session -d -s $S -x 100 -y 30 "LANG=C.UTF-8 TERM=xterm-256color nice -n 19 '$BIN' --graphics symbols; sleep 5"
trap '$T kill-server 2>/dev/null' EXIT
sleep 3
PID=$($T list-panes -t $S -F '#{pane_pid}')
APP=$(pgrep -P "$PID" -f hemolab | head -1)
[ -n "$APP" ] || APP=$PID
# Train experiments 1 and 3 once at full speed, so inspect has lists to browse.
$T send-keys -t $S Right Right f Enter; sleep 20
$T send-keys -t $S Right Right f Enter; sleep 60
KEYS=(Right Left Up Down Up Down Tab BTab Enter Escape i i w c m a PageUp PageDown Home End)
SIZES=("80 24" "100 30" "160 48" "120 40")
start=$(date +%s)
next_sample=0
next_resize=30
echo "t_s rss_mb"
while :; do
  now=$(( $(date +%s) - start ))
  [ "$now" -ge "$DURATION" ] && break
  kill -0 "$APP" 2>/dev/null || { echo "soak: the lesson exited"; exit 1; }
  if [ "$now" -ge "$next_sample" ]; then
    rss=$(awk '/VmRSS/{print $2}' /proc/$APP/status)
    echo "$now $((rss / 1024))"
    next_sample=$((next_sample + 20))
  fi
  if [ "$now" -ge "$next_resize" ]; then
    read -r w h <<< "${SIZES[$((RANDOM % ${#SIZES[@]}))]}"
    $T resize-window -t $S -x "$w" -y "$h" 2>/dev/null
    next_resize=$((next_resize + 30))
  fi
  $T send-keys -t $S "${KEYS[$((RANDOM % ${#KEYS[@]}))]}"
  sleep 0.2
done
$T send-keys -t $S q; sleep 0.5; $T send-keys -t $S y
