import HemoLesson

/// Step 8's keys, tried before the lesson's own: Tab / Shift-Tab switch views; on the threshold
/// view ←/→ move the threshold in steps, [ ] (everywhere) one score at a time; Enter computes the view's result in the
/// background, x stops it, e changes the experiment, +/- the number of seeds. Returns false for
/// keys it leaves to the lesson (←/→ elsewhere, q, ?, digits, scrolling).
func reduceGeneralize(_ state: inout LessonState, _ key: Key) -> Bool {
  var step8 = state.generalize
  let view = step8.view
  let views = GeneralizeView.allCases
  switch key {
  case .tab:
    step8.view = views[(view.rawValue + 1) % views.count]
  case .backTab:
    step8.view = views[(view.rawValue + views.count - 1) % views.count]
  case .left where view == .roc, .right where view == .roc:
    // ←/→ take steps of about 2.5 % of the distinct scores (one score on small test sets);
    // [ ] move one score at a time.
    let scores = state.recapCurve?.roc.thresholds.count ?? 0
    let step = max(1, scores / 40)
    state.moveCut(by: key == .right ? step : -step)
    return true
  case .character("["), .character("]"), .character(","):
    state.moveCut(by: key == .character("]") ? 1 : -1)
    return true
  case .character("."):
    state.moveCut(by: 1)
    return true
  case .enter, .character("g"):
    guard view.computes, let task = step8.task(for: view) else { return false }
    if step8.lab.isRunning {
      state.say("Already computing (\(step8.lab.phase)): x stops it.")
    } else {
      state.effects.append(.generalize(task))
      step8.lab.task = task
      step8.lab.progress = .running("starting")
      step8.lab.fraction = 0
    }
  case .character("x") where view.computes:
    if step8.lab.isRunning {
      state.effects.append(.cancelGeneralization)
      state.say("Stopping at the next batch; results so far stay.")
    } else {
      state.say("Nothing is computing.")
    }
  case .character("+") where view == .seeds, .character("=") where view == .seeds,
    .character("-") where view == .seeds:
    let delta = key == .character("-") ? -1 : 1
    let range = GeneralizeState.seedCounts
    step8.seedCount = min(max(step8.seedCount + delta, range.lowerBound), range.upperBound)
  case .character("e") where view.computes:
    let ids = eligibleExperiments(state.experiments, for: view)
    guard !ids.isEmpty else { return true }
    let current = step8.experiment(for: view)
    let next = ids[((ids.firstIndex(of: current) ?? -1) + 1) % ids.count]
    step8.chosen[view] = next
  default:
    return false
  }
  state.generalize = step8
  return true
}

/// The experiments a view can work on: two-class ones for class weighting, all for the others.
func eligibleExperiments(_ experiments: [ExperimentDefinition], for view: GeneralizeView) -> [Int] {
  experiments.filter { view != .weighting || $0.classes.count == 2 }.map(\.id)
}
