// Golden screens for OpenDataGoldenTests (80×24).

let GOLDEN_PATH_MODAL = #"""
   Step 3/8  Experiment 1: small data                             ● ● ◉ ○ ○ ○ ○ ○
   ┌ Hemorrhage ──────────────────────┐  ─ Training ─────────────────────────────
   │ 30 images ██████████████████████ │  ▸ idle
   │ train 0 · test 0                 │  images are made when you train
   │                                  │  epochs 15 · batch 16 · lr 0.001
   │                                  │  seed 1 · weighting off · watchable speed
   └┌ Open your own images ────────────────────────────────────────────────────┐─
   ┌│ A Teachable Machine project (.tm), an RSNA folder (stage_2_train.csv +   │
   ││ ID_*.dcm) or a folder with one subfolder of images per class. Empty +    │
   ││ Enter: back to built-in data.                                            │
   ││                                                                          │
   ││ Path: /work/shared/data/spotlight-tm/experiment                          │
   └│                                                                          │
   ─│ experiment1.tm  experiment4.tm  experiment5.tm                           │
    │                                                                          │
    │ Tab complete  Enter open  Esc cancel                                     │─
    └──────────────────────────────────────────────────────────────────────────┘…
    set so small (10 images) that the│
    95 % interval is very wide.      │
                                     │
    The simplest possible task:      │
    hemorrhage or normal, 30 images  │
    each. As in Teachable Machine, 15▼
   Enter train  s settings  f speed  ←/→ step  ? help  q quit
  """#

let GOLDEN_FILE_PREVIEW = #"""
   Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○
   ─ Confusion matrix · 155 test · fin… ─   Cell   Epochs   Filters  [Preview]
   true\pred  Hemorrha… Normal   correct
   Hemorrhage [  1   ]    4       20.0%    File ID_000000e27.dcm (o: another)
   Normal        2       148      98.7%
                                           ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
   accuracy 96.1% (95% CI 91.8–98.2)       ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
   sensitivity 20.0% (95% CI 3.6–62.4)     ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
   specificity 98.7% (95% CI 95.3–99.6)    ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
   ─ Inspect ────────────────────────────  ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    Cell: true Hemorrhage, predicted       ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    Hemorrhage: 1 test image.              ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
                                           ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    Enter lists them, with the model's     ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    probabilities. Tab shows the epochs,   ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    the first-layer filters, or a preview  ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    on the gallery images. Esc leaves      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
    inspect.                               ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
                                           ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀
                                           ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀

                                           Hemorrhage ███████████████████▏    83%
                                           Normal     ███▉                    17%
   ↑/↓ image  o file  Tab pane  Esc back  ? help
  """#

let GOLDEN_CARDS_80x24 = #"""
   Step 6/8  Experiment 4: three classes          data: my-cases  ● ● ● ● ● ◉ ○ ○
   ┌ Normal ─┐ ┌ SDH ────┐ ┌ IPH ────┐   ─ Training ─────────────────────────────
   │80 images│ │80 images│ │80 images│   ▸ ready
   │█████████│ │█████████│ │█████████│
   │train 68 │ │train 68 │ │train 68 │   epochs 30 · batch 16 · lr 0.001
   │test 12  │ │test 12  │ │test 12  │   seed 1 · weighting off · watchable speed
   │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │   ─ Loss (a: accuracy) ───────────────────
   │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │   The curve appears when training starts.
   │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │
   │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │ │▀▀▀▀▀▀▀▀ │
   └─────────┘ └─────────┘ └─────────┘
   ─ What to expect ───────────────────
    Data: class folders in my-cases  █
    (o: other data)                  █
                                     █
    Normal, subdural and             █
    intraparenchymal, 80 images each.│   ─ Confusion matrix (test set) ──────────
    Expect an unimpressive accuracy: │   Rows: true class; columns: predicted. F…
    few cases per class, and a gap   │
    between training and test        │
    accuracy. Each class is tested on│
    100 images: 12 held out of its 80│
    and 88 from new patients, so one ▼
   Enter train  s settings  f speed  ←/→ step  ? help  q quit
  """#

let GOLDEN_EIGHT_COLOURS = #"""
   Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○
   ┌ Hemorrhage ──────────────────────┐  ─ Training ─────────────────────────────
   │ 30 images ▋                      │  ▸ done   epoch 8/8  batch 55/55
   │ train 25 · test 5                │  412 img/s
   │                                  │  epochs 30 · batch 64 · lr 0.001
   │                                  │  seed 1 · weighting off · full speed
   └──────────────────────────────────┘  ─ Loss (a: accuracy) ───────────────────
   ┌ Normal ──────────────────────────┐  ─── train (batches)   ─○─ test (epochs)
   │ 1000 images ████████████████████ │  1┤
   │ train 850 · test 150             │   │⢀
   │                                  │   │⠈⢆
   │                                  │   │  ⠑⠤○⡑⠒⠤⠤○⣀⣀
   └──────────────────────────────────┘  0┤     ⠈⠉⠑⠒⠒⠒⠒⠛⠛○⠭⠵⠶⠶○⠶⠶⠶○⠶⠶⠶⠶○⠶⠶⠶⠶○⠶⠶⠶○
   ─ What happened ────────────────────   └┬──────────────────────┬──────────────
    The model found 1 of 5           █     0                      5
    hemorrhages (sensitivity 20%).   │   ─ Confusion matrix · 155 test · final ──
                                     │   true\pred  Hemorrhage  Normal   correct
    What to expect                   │   Hemorrhage ░░░░1░░░░     4       20.0%
    30 hemorrhages against 1000      │   Normal     ░░░░2░░░░    148      98.7%
    normal slices. Expect a very high│
    accuracy. Then read the confusion│   accuracy 96.1% (95% CI 91.8–98.2)
    matrix: how many of the          │   sensitivity 20.0% (95% CI 3.6–62.4)
    hemorrhages did the model find?  ▼   specificity 98.7% (95% CI 95.3–99.6)
   i inspect  Enter train again  s settings  a acc/loss  ←/→ step  ? help  q quit
  --
  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
  .bccccccccccccbbbbbbbbbbbbbbbbbbbbbbb..bccccccccccbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
  .b...........d......................b..eeeeee
  .b.fffffffffffffffff................b..fffffffff
  .b..................................b
  .b..................................b
  .bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb..bccccccccccccccccccccbbbbbbbbbbbbbbbbbbb
  .bccccccccbbbbbbbbbbbbbbbbbbbbbbbbbbb..ggg...................hhh
  .b.............iiiiiiiiiiiiiiiiiiii.b..ff
  .b.ffffffffffffffffffff.............b...fg
  .b..................................b...fgg
  .b..................................b...f..gghjjjjhjj
  .bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb..ff.....gggggggjjhjjjjhjjjhjjjjhjjjjhjjjh
  .bcccccccccccccccbbbbbbbbbbbbbbbbbbbb...fffffffffffffffffffffffffffffffffffffff
  ..................cccccc...........f.....f......................f
  ...................................f...bcccccccccccccccccccccccccccccccccccccbb
  ...................................f...fffffffff..cccccccccccccccccccc.fffffff
  ..cccccccccccccc...................f...cccccccccc.iiiiiiiii.kkkkkkkkk
  ...................................f...cccccc.....ddddddddd.lllllllll
  ...................................f
  ...................................f
  ...................................f
  ...................................g
  .gffffffff..gggggffffffffffff..gfffffffff..gfffffffff..gggfffff..gfffff..gfffff
  a: fg=7 bg=4 bold
  b: fg=4
  c: bold
  d: fg=1
  e: fg=2 bold
  f: dim
  g: fg=6 bold
  h: fg=3 bold
  i: fg=2
  j: fg=3
  k: fg=0 bg=1
  l: fg=0 bg=2
  """#
