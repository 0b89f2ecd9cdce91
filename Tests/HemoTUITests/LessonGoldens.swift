// Golden screens of the lesson (80×24), compared by LessonGoldenTests.

let GOLDEN_GALLERY = #"""
   Step 2/8  The data: head CT in Hounsfield units                ● ◉ ○ ○ ○ ○ ○ ○
   ─ Head CT in Hounsfield units ──────  ─ Viewer ───────────────────────────────
    A CT pixel is a Hounsfield unit  █     ████████████▗▀▀▀▀▀▀▀▀▀▀▖████████████
    (HU) value: air is −1000, fat    █     ███████▕🬭🬭▔▔▔█🬞🬭🬭🬭🬭🬭🬭🬏█▔▔▔🬭🬭🬏███████
    about −50 to −100, water and CSF █     █████▁▊▔█▕▂▔▔▔▔██████▔▔▔▔▂██▔▎🬏█████
    0 to 15, white matter 20 to 30,  │     ███▁🬦🬀▁▕🬂🬂▏██████████████🬁🬂🬂🬓▁🬁🬓▁███
    gray matter 30 to 45, fresh      │     ██▁▎██▊▔██████████████▁▁▁▁▁█▔▎▁█▊▁██
    clotted blood 50 to 90, bone     │     ██▎█🬞🬄▔██████████████🬞🬖🬋🬋🬋🬋🬭🬏▔🬉🬏█▊██
    several hundred to over a        │     ▕▔▔█▌███████████████🬦🬅██████🬈🬓█▌█▔▔▏
    thousand. A screen shows only 256│     ▕██🬂🬀███████████████▌🬏███████▌█🬁🬂██▏
    greys, so a window picks the     │     ▕██▎████████████████▔▌🬏████🬭🬆🬄██▊██▏
    range to spread them over: the   │     ▕██▎█████████████████▔🬉🬋🬋🬋🬍▏▔███▊██▏
    brain window (width 80, level 40)│     ▕██🬭🬏██████████████████████████🬞🬭██▏
    shows 0 to 80 HU and makes acute │     ▕▁▁█▌██████████████████████████▌█▁▁▏
    blood bright against brain.      │     ██▎█🬁🬓▁██████████████████████▁🬦🬀█▊██
                                     ▼     ██▔▎██▊▁████████████████████▁▎▔█▊▔██
   ─ Gallery (Tab: next class) ────────    ███▔🬉🬏▔▕🬭🬭▏██████████████🬞🬭🬭🬄▔🬞🬄▔███
    Normal  EDH  IPH  IVH [SAH] SDH        █████▔▔🬭▏▕▆🬭🬭🬭🬭██████🬭🬭🬭🬭▔██🬞▔🬀█████
    █🬞🬂🬋▀▀🬋🬂🬏█ █🬞🬂🬋▀▀🬋🬂🬏█ █🬞🬂🬋▀▀🬋🬂🬏█       ███████▕🬂🬂▁▁▁█🬁🬂🬂🬂🬂🬂🬂🬀█▁▁▁🬂🬂🬀███████
    🬦🬆▔██🬞🬂🬱🬱🬓 🬦🬆▔██🬞🬂🬱🬱🬓 🬦🬆▔██🬞🬂🬱🬱🬓       ████████████▝▀▀▀▀▀▀▀▀▀▀▘████████████
    ▎▏███🬁🬭🬆🬀▊▸▎▏███🬁🬭🬆🬀▊ ▎▏███🬁🬭🬆🬀▊     Subarachnoid · image 2 of 3 · synthetic
    🬉🬱▁████▁🬆🬄 🬉🬱▁████▁🬆🬄 🬉🬱▁████▁🬆🬄     window brain (W80 L40)  colour-coding o…
    █🬁🬭🬋▀▀🬋🬭🬀█ █🬁🬭🬋▀▀🬋🬭🬀█ █🬁🬭🬋▀▀🬋🬭🬀█     labels: subdural  mask: on
   ↑/↓ image  w window  c colour  m mask  o own data  ←/→ step  ? help  q quit
  """#

let GOLDEN_MIDTRAINING = #"""
   Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○
   ┌ Hemorrhage ──────────────────────┐  ─ Training ─────────────────────────────
   │ 30 images ▋                      │  ▸ training   epoch 3/8  batch 20/55
   │ train 25 · test 5                │  412 img/s  ETA 0:21
   │                                  │  epochs 30 · batch 64 · lr 0.001
   │                                  │  seed 1 · weighting off · full speed
   └──────────────────────────────────┘  ─ Loss (a: accuracy) ───────────────────
   ┌ Normal ──────────────────────────┐  ─── train (batches)   ─○─ test (epochs)
   │ 1000 images ████████████████████ │  1┤
   │ train 850 · test 150             │   │⢄
   │                                  │   │⠘⣄
   │                                  │   │ ⠈⠳⢤○⡑⠒⠤⠤○
   └──────────────────────────────────┘  0┤     ⠉⠉⠙⠒⠒⠒⠂
   ─ What to expect ───────────────────   └┬──────────────────────┬──────────────
    30 hemorrhages against 1000      █     0                      5
    normal slices. Expect a very high█   ─ Confusion matrix · 155 test · epoch… ─
    accuracy. Then read the confusion│   true\pred  Hemorrhage  Normal   correct
    matrix: how many of the          │   Hemorrhage     0         5        0.0%
    hemorrhages did the model find?  │   Normal         0        150     100.0%
                                     │
    In a real emergency department   │   accuracy 96.8% (95% CI 92.7–98.6)
    most head CTs are normal. Here   │   sensitivity 0.0% (95% CI 0.0–43.4)
    the model gets 30 hemorrhages and▼   specificity 100.0% (95% CI 97.5–100.0)
   Space pause  x stop  a acc/loss  f speed  ←/→ step  ? help  q quit
  """#

let GOLDEN_FINISHED = #"""
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
    What to expect                   │   Hemorrhage     1         4       20.0%
    30 hemorrhages against 1000      │   Normal         2        148      98.7%
    normal slices. Expect a very high│
    accuracy. Then read the confusion│   accuracy 96.1% (95% CI 91.8–98.2)
    matrix: how many of the          │   sensitivity 20.0% (95% CI 3.6–62.4)
    hemorrhages did the model find?  ▼   specificity 98.7% (95% CI 95.3–99.6)
   i inspect  Enter train again  s settings  a acc/loss  ←/→ step  ? help  q quit
  """#

let GOLDEN_INSPECT = #"""
   Step 4/8  Experiment 2: class imbalance                        ● ● ● ◉ ○ ○ ○ ○
   ─ Confusion matrix · 155 test · fin… ─  [Cell]  Epochs   Filters   Preview
   true\pred  Hemorrha… Normal   correct
   Hemorrhage    1     [  4   ]   20.0%    ▸ …    #1  true Hemorrhage → Normal
   Normal        2       148      98.7%           Hemorrhage 30% · Normal 70%
                                             …    #2  true Hemorrhage → Normal
   accuracy 96.1% (95% CI 91.8–98.2)              Hemorrhage 30% · Normal 70%
   sensitivity 20.0% (95% CI 3.6–62.4)       …    #3  true Hemorrhage → Normal
   specificity 98.7% (95% CI 95.3–99.6)           Hemorrhage 30% · Normal 70%
   ─ Inspect ────────────────────────────    …    #4  true Hemorrhage → Normal
    Cell: true Hemorrhage, predicted              Hemorrhage 30% · Normal 70%
    Normal: 4 test images. These are
    mistakes. Missed: false negatives.

    Enter lists them, with the model's
    probabilities. Tab shows the epochs,
    the first-layer filters, or a preview
    on the gallery images. Esc leaves
    inspect.




   ↑/↓ image  Enter view  Esc back  ? help
  """#

let GOLDEN_SMALL = #"""




             terminal too small: 60×12, need 80×24

            Enlarge the window, or press q to quit.





  """#

let GOLDEN_ASCII = #"""
   Step 4/8  Experiment 2: class imbalance                        * * * @ . . . .
   + Hemorrhage ----------------------+  - Training -----------------------------
   | 30 images #                      |  > paused   epoch 3/8  batch 20/55
   | train 25 - test 5                |  412 img/s  ETA 0:21
   |                                  |  epochs 30 - batch 64 - lr 0.001
   |                                  |  seed 1 - weighting off - full speed
   +----------------------------------+  - Loss (a: accuracy) -------------------
   + Normal --------------------------+  --- train (batches)   -o- test (epochs)
   | 1000 images #################### |  1+
   | train 850 - test 150             |   |+
   |                                  |   | |
   |                                  |   |  ++.o--.o
   +----------------------------------+  0+     '''''--
   - What to expect -------------------   ++----------------------+--------------
    30 hemorrhages against 1000      #     0                      5
    normal slices. Expect a very high#   - Confusion matrix - 155 test - at pa~ -
    accuracy. Then read the confusion|   true\pred  Hemorrhage  Normal   correct
    matrix: how many of the          |   Hemorrhage ....1....     4       20.0%
    hemorrhages did the model find?  |   Normal     ....3....    147      98.0%
                                     |
    In a real emergency department   |   accuracy 95.5% (95% CI 91.0-97.8)
    most head CTs are normal. Here   |   sensitivity 20.0% (95% CI 3.6-62.4)
    the model gets 30 hemorrhages andv   specificity 98.0% (95% CI 94.3-99.3)
   Space resume  . batch  e epoch  i inspect  x stop  </> step  ? help  q quit
  """#
