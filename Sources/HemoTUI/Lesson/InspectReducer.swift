/// Keys while inspecting: the matrix cursor, the cell's image list, the large image, the panes,
/// and the session controls that make sense while paused (step a batch or an epoch, resume).
func reduceInspect(_ state: inout LessonState, _ key: Key) {
  guard var inspect = state.inspect else { return }
  if case .wheel(let up) = key {
    // The wheel scrolls the image list (or pages through the large images).
    if inspect.focus != .matrix { reduceInspect(&state, up ? .up : .down) }
    return
  }
  let id = inspect.experiment
  let live = state.live[id]
  let classes = live?.classCounts.count ?? 1
  let cell = cellImages(live?.run, inspect.cursor)
  switch key {
  case .character("q"), .character("Q"):
    state.askQuit()
    return
  case .character("?"):
    state.overlay = .help(scroll: 0)
    return
  case .character("i"):
    state.inspect = nil
    return
  case .character("o"):
    state.askPath(.previewFile(experiment: id))
    return
  case .escape, .backspace:
    switch inspect.focus {
    case .image: inspect.focus = .list
    case .list: inspect.focus = .matrix
    case .matrix:
      state.inspect = nil
      return
    }
  case .space, .character("."), .character("e"), .character("x"):
    let run = live?.run
    switch (key, run?.state) {
    case (.space, .paused?): state.effects.append(.resume(id))
    case (.space, .running?): state.effects.append(.pause(id))
    case (.character("."), .paused?): state.effects.append(.stepBatch(id))
    case (.character("e"), .paused?): state.effects.append(.stepEpoch(id))
    case (.character("x"), let s?) where s == .paused || s == .running:
      state.effects.append(.stop(id))
    default: state.say("The run is over: leave inspect (Esc) and train again.")
    }
  default:
    switch inspect.focus {
    case .matrix:
      inspectMatrixKey(&inspect, key, classes: classes, cellCount: cell.count, state: &state)
    case .list:
      switch key {
      case .up, .character("k"): inspect.listSelection = max(0, inspect.listSelection - 1)
      case .down, .character("j"):
        inspect.listSelection = min(max(0, cell.count - 1), inspect.listSelection + 1)
      case .pageUp: inspect.listSelection = max(0, inspect.listSelection - 10)
      case .pageDown:
        inspect.listSelection = min(max(0, cell.count - 1), inspect.listSelection + 10)
      case .enter: if !cell.isEmpty { inspect.focus = .image }
      case .left: inspect.focus = .matrix
      default: break
      }
    case .image:
      switch key {
      case .character("w"): inspect.windowIndex = (inspect.windowIndex + 1) % 4
      case .character("c"): inspect.colourCoding.toggle()
      case .character("m"): inspect.showsMask.toggle()
      case .character("g"): inspect.showsHeatmap.toggle()
      case .left, .right:
        if inspect.showsHeatmap, let item = cell[safe: inspect.listSelection] {
          inspect.heatmapClass = stepHeatmapClass(
            inspect.heatmapClass ?? item.predicted, by: key == .left ? -1 : 1, classes: classes)
        }
      case .up, .character("k"): inspect.listSelection = max(0, inspect.listSelection - 1)
      case .down, .character("j"):
        inspect.listSelection = min(max(0, cell.count - 1), inspect.listSelection + 1)
      default: break
      }
    }
  }
  state.inspect = inspect
}

private func inspectMatrixKey(
  _ inspect: inout InspectState, _ key: Key, classes: Int, cellCount: Int, state: inout LessonState
) {
  switch key {
  case .up, .character("k"):
    if inspect.pane == .preview {
      if inspect.previewFile == nil { inspect.previewIndex = max(0, inspect.previewIndex - 1) }
      inspect.previewFile = nil
    } else {
      inspect.cursor.row = max(0, inspect.cursor.row - 1)
    }
  case .down, .character("j"):
    if inspect.pane == .preview {
      if inspect.previewFile == nil {
        inspect.previewIndex = min(GalleryState.count - 1, inspect.previewIndex + 1)
      }
      inspect.previewFile = nil
    } else {
      inspect.cursor.row = min(classes - 1, inspect.cursor.row + 1)
    }
  case .left, .character("h"): inspect.cursor.column = max(0, inspect.cursor.column - 1)
  case .right, .character("l"): inspect.cursor.column = min(classes - 1, inspect.cursor.column + 1)
  case .tab:
    inspect.pane = InspectState.Pane(rawValue: (inspect.pane.rawValue + 1) % 4) ?? .cell
  case .backTab:
    inspect.pane = InspectState.Pane(rawValue: (inspect.pane.rawValue + 3) % 4) ?? .cell
  case .character("g") where inspect.pane == .preview && inspect.previewFile != nil:
    inspect.showsHeatmap.toggle()
  case .enter:
    inspect.pane = .cell
    if cellCount > 0 {
      inspect.focus = .list
    } else {
      state.say("No test images in this cell.")
    }
  default: break
  }
  if case .up = key, inspect.pane != .preview { inspect.listSelection = 0 }
  if case .down = key, inspect.pane != .preview { inspect.listSelection = 0 }
  if case .left = key { inspect.listSelection = 0 }
  if case .right = key { inspect.listSelection = 0 }
}

/// The test images in the matrix cell at `cursor` (true row, predicted column), most confident
/// mistakes first: sorted by the probability of the predicted class, highest first.
public func cellImages(_ run: LiveRun?, _ cursor: ConfusionMatrixView.Position) -> [TestImage] {
  guard let run else { return [] }
  return run.tests.filter { $0.truth == cursor.row && $0.predicted == cursor.column }
    .sorted { a, b in
      let pa = a.probabilities.indices.contains(a.predicted) ? a.probabilities[a.predicted] : 0
      let pb = b.probabilities.indices.contains(b.predicted) ? b.probabilities[b.predicted] : 0
      return pa != pb ? pa > pb : a.index < b.index
    }
}
