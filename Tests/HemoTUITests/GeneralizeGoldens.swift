// Golden screens of step 8's views (see GeneralizeScreenTests): built from hand-made lab
// results, so every number on them is checked against the fixtures.

let GOLDEN_SEEDS = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ Run ×5: experiment 3, Balanced data ────────────────────────────────────────────────────────────
    Computed in 92 s. Enter computes again; e: another experiment.

    accuracy    ·····························●······●·····●··●····●·············  mean 79% · 74%–84%
    sensitivity ··············●························●··●●····●···············  mean 78% · 67%–83%
    specificity ·····························●···············2●·····●···········  mean 81% · 74%–85%
    seed 1                                      ├─────────●────────┤              acc 80% (75–84)
    seed 2                        ├──────────●─────────┤                          acc 74% (69–79)
    seed 3                                              ├─────────●───────┤       acc 84% (79–87)
    seed 4                               ├──────────●────────┤                    acc 77% (72–81)
    seed 5                                         ├─────────●───────┤            acc 81% (77–85)
                ┬────────────────────┬────────────────────┬────────────────────┬
                60%                 70%                  80%                 90%
    ● a seed   2 two seeds   ┃ median   ├─┤ one run's 95% interval

    The same recipe gives 74%–84% depending only on the seed: one run proves little. Across 5 seeds
    on the same images, test accuracy ran from 74% to 84% (median 80%): a spread of 10 points that
    comes only from the starting weights, the order of the batches and which images fell in the test
    split. Each run's own 95% interval is about ±5 points, so one run's number is one draw, not the
    model's accuracy. Sensitivity for Hemorrhage moved more, from 67% to 83%. Specificity moved from
    74% to 85%.






   Enter compute  e experiment  +/- seeds  Tab view  ←/→ step  ? help  q quit
  """

let GOLDEN_SEEDS_80 = """
   Step 8/8  Does it generalize?                                  ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data
   ─ Run ×5: experiment 3, Balanced data ────────────────────────────────────────
    ██████████░░░░░░░░░░ 50%  seed 3 (3 of 5) · 41 s   x stops

    accuracy    ····················●···┃····●··············  mean 77% · 74%–80%
    sensitivity ··········●·······┃········●················  mean 73% · 67%–79%
    specificity ·······························2············  mean 81% · 81%–81%
    seed 1                            ├──────●─────┤          acc 80% (75–84)
    seed 2                   ├──────●──────┤                  acc 74% (69–79)
                ┬─────────────┬──────────────┬─────────────┬
                60%          70%            80%          90%
    ● a seed   2 two seeds   ┃ median   ├─┤ one run's 95% interval

    So far 2 of 5 seeds. The same recipe gives 74%–80% depending only on the
    seed: one run proves little. Across 2 seeds on the same images, test
    accuracy ran from 74% to 80% (median 77%): a spread of 6 points that comes
    only from the starting weights, the order of the batches and which images
    fell in the test split. Each run's own 95% interval is about ±5 points, so
    one run's number is one draw, not the model's accuracy. Sensitivity for
    Hemorrhage moved more, from 67% to 79%.


   x stop  e experiment  +/- seeds  Tab view  ←/→ step  ? help  q quit
  """

let GOLDEN_EXTERNAL = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ Another hospital: experiment 3, Balanced data ──────────────────────────────────────────────────
    Enter tests experiment 3's model (yours, or a new one) at the other hospital.

    Own test split (seed 1) · 300 images             Other hospital · 300 images
    true\\pred   Hemorrhage    Normal    correct      true\\pred   Hemorrhage    Normal    correct
    Hemorrhage     120         30        80.0%       Hemorrhage     96          54        64.0%
    Normal         30          120       80.0%       Normal         45          105       70.0%

    accuracy    80% (75–84)                          accuracy    67% (61–72)
    sensitivity 80% (73–86) · 120/150                sensitivity 64% (56–71) · 96/150
    specificity 80% (73–86) · 120/150                specificity 70% (62–77) · 105/150
    AUC 0.96 (0.94–0.98)                             AUC 0.89 (0.85–0.93)

    At the other hospital accuracy fell from 80% to 67% (13 points); the intervals do not overlap.
    Sensitivity for Hemorrhage went from 80% to 64%. Specificity went from 80% to 70%. The AUC fell
    too (0.96 → 0.89): the model separates these scans less well, not only at its threshold. A
    model's test score holds for images like its training images; before using it at another site,
    measure it on that site's own scans.

    The other hospital: another scanner (noise 6.0–8.0 HU), images windowed 90/35.







   Enter compute  e experiment  Tab view  ←/→ step  ? help  q quit
  """

let GOLDEN_WEIGHTING = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ Class weighting: experiment 2, Class imbalance ─────────────────────────────────────────────────
    Enter trains experiment 2 twice, one seed: without and with class weighting.

    Without weighting (seed 1)                       With class weighting
    true\\pred   Hemorrhage    Normal    correct      true\\pred   Hemorrhage    Normal    correct
    Hemorrhage      0           5         0.0%       Hemorrhage      3           2        60.0%
    Normal          0          150      100.0%       Normal         12          138       92.0%

    accuracy    97% (93–99)                          accuracy    91% (85–95)
    sensitivity 0% (0–43) · 0/5                      sensitivity 60% (23–88) · 3/5
    specificity 100% (98–100) · 150/150              specificity 92% (87–95) · 138/150

    With 25 Hemorrhage and 850 other training images, weighting counts each Hemorrhage image about
    ×18 in the loss. It found 3 of 5 Hemorrhage test images against 0 without (sensitivity 0% →
    60%), specificity 100% → 92%, accuracy 97% → 91%. More bleeds found for a lower accuracy:
    accuracy rewarded calling everything the majority class. With only 5 Hemorrhage test images each
    one is 20 points of sensitivity: read the intervals.










   Enter compute  e experiment  Tab view  ←/→ step  ? help  q quit
  """

let GOLDEN_CURVE = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ More data: experiment 3, Balanced data ─────────────────────────────────────────────────────────
    Enter trains on 30, 100, 300, 1000 images per class (capped at what there is).

    30/class         ├───────●───────┤                                     acc 60% (55–66)  sens 60%
    100/class                   ├───────●──────┤                           acc 68% (63–73)  sens 68%
    300/class                              ├───────●─────┤                 acc 75% (70–80)  sens 75%
    850/class                                      ├──────●─────┤          acc 80% (75–84)  sens 80%
              ┬─────────────┬──────────────┬──────────────┬─────────────┬
    test acc. 50%          60%            70%            80%          90%

    From 60 to 1700 training images, test accuracy went from 60% to 80% (+20 points; the intervals
    do not overlap): more data helped. The last step (600 → 1700 images) changed it by +5 points.
    Each point is one run with one seed; its 95% interval is the bar. All sizes are tested on the
    same 300 images (150 Hemorrhage, 150 Normal).













   Enter compute  e experiment  Tab view  ←/→ step  ? help  q quit
  """

let GOLDEN_THRESHOLD = """
   Step 8/8  Does it generalize?                                                      ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data             Tab: next view
   ─ ROC curve of experiment 3, seed 1  ·  ←/→ move the threshold ───────────────────────────────────
    ─── chance   ─── ROC   ─●─ threshold                AUC 0.94 (95% CI 0.78–1.00)
    1.0┤         ⡏⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⡩⠋  Threshold: Hemorrhage if p ≥ 0.450
       │         ⡇                                ⡠⠊    true\\pred   Hemorrhage    Normal    correct
       │         ⡇                              ⡠⠊      Hemorrhage      4           1        80.0%
       │         ⡇                            ⡠⠊        Normal          2           8        80.0%
    0.8┤    ⢠⠤⠤⠤⠤●                          ⡠⠊
       │    ⢸                             ⡠⠊            sensitivity 80.0%  specificity 80.0%
       │    ⢸                           ⡠⠊              at 10.0% prevalence: PPV 30.8% NPV 97.3%
       │    ⢸                         ⡠⠊                [ ] move the threshold
       │    ⢸                       ⡠⠊
    0.6┤⡏⠉⠉⠉⠉                     ⡠⠊
       │⡇                       ⡠⠊
       │⡇                     ⡠⠊
       │⡇                   ⡠⠊
    0.4┤⡇                 ⡠⠊
       │⡇               ⡠⠊
       │⡇             ⡠⠊
       │⡇           ⡠⠊
       │⡇         ⡠⠊
    0.2┤⡇       ⡠⠊
       │⡇     ⡠⠊
       │⡇   ⡠⠊
       │⡇ ⡠⠊
    0.0┤⡧⠊
       └┬──────────┬───────────┬──────────┬──────────┬
      0.00       0.25        0.50       0.75      1.00
   ←/→ threshold  [ ] fine  Tab view  n/p step  ? help  q quit
  """

let GOLDEN_SEEDS_160 = """
   Step 8/8  Does it generalize?                                                                                                                  ● ● ● ● ● ● ● ◉
    Your runs │ Threshold │ Seeds │ Other hospital │ Weighting │ More data                                                                         Tab: next view
   ─ Run ×5: experiment 3, Balanced data ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
    Enter trains experiment 3 with 5 seeds, one by one, on the same images.

    accuracy    ··········································································●········●········●···●·······●···················  mean 79% · 74%–84%
    sensitivity ···················································●····································●···●·●·····●·······················  mean 78% · 67%–83%
    specificity ··········································································●·····················2·●········●················  mean 81% · 74%–85%
    seed 1                                                                                   ├──────────────●────────────┤                    acc 80% (75–84)
    seed 2                                                                ├───────────────●─────────────┤                                     acc 74% (69–79)
    seed 3                                                                                               ├──────────────●──────────┤          acc 84% (79–87)
    seed 4                                                                         ├───────────────●─────────────┤                            acc 77% (72–81)
    seed 5                                                                                        ├─────────────●────────────┤                acc 81% (77–85)
    seed 1 sens                                                                   ├─────────────────────●─────────────────┤                   sens 79% (71–84)
    seed 2 sens                            ├───────────────────────●─────────────────────┤                                                    sens 67% (59–74)
    seed 3 sens                                                                                ├────────────────────●────────────────┤        sens 83% (76–88)
    seed 4 sens                                                                       ├─────────────────────●─────────────────┤               sens 80% (73–86)
    seed 5 sens                                                                          ├────────────────────●────────────────┤              sens 81% (74–86)
    seed 1 spec                                                                            ├────────────────────●────────────────┤            spec 81% (74–87)
    seed 2 spec                                                                            ├────────────────────●────────────────┤            spec 81% (74–87)
    seed 3 spec                                                                                       ├────────────────────●──────────────┤   spec 85% (78–90)
    seed 4 spec                                                    ├──────────────────────●──────────────────┤                                spec 74% (66–80)
    seed 5 spec                                                                              ├────────────────────●────────────────┤          spec 82% (75–87)
                ┬──────────────────────────────┬─────────────────────────────┬──────────────────────────────┬──────────────────────────────┬
                50%                           60%                           70%                            80%                           90%
    ● a seed   2 two seeds   ┃ median   ├─┤ one run's 95% interval

    The same recipe gives 74%–84% depending only on the seed: one run proves little. Across 5 seeds on the same images, test accuracy ran from 74% to 84%
    (median 80%): a spread of 10 points that comes only from the starting weights, the order of the batches and which images fell in the test split. Each run's
    own 95% interval is about ±5 points, so one run's number is one draw, not the model's accuracy. Sensitivity for Hemorrhage moved more, from 67% to 83%.
    Specificity moved from 74% to 85%.
















   Enter compute  e experiment  +/- seeds  Tab view  ←/→ step  ? help  q quit
  """
