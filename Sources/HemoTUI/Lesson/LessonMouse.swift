/// Mouse clicks in the lesson, as a pure transition: the app finds the `ClickTarget` under the
/// click in the last drawn frame and passes it here. Keyboard stays the primary way; a click
/// does what the equivalent keys do.
public func reduce(_ state: LessonState, click target: ClickTarget) -> LessonState {
  var next = state
  guard state.overlay == nil else { return next }
  switch target {
  case .step(let n):
    next.go(to: n - 1)
  case .galleryImage(let index):
    guard state.currentStep?.kind == .data, (0..<GalleryState.count).contains(index) else { break }
    next.gallery.selection = index
  case .matrixCell(let row, let column):
    guard let id = state.currentExperiment?.id else { break }
    let run = state.live[id]?.run
    guard run?.isInspectable == true else {
      next.say(
        run?.state == .running
          ? "Pause first (Space) to inspect." : "Train first: inspect needs a confusion matrix.")
      break
    }
    let colour = state.currentExperiment?.preprocessing.colourCoding != nil
    var inspect = state.inspect ?? InspectState(experiment: id, colourCoding: colour)
    inspect.cursor = ConfusionMatrixView.Position(row: row, column: column)
    inspect.pane = .cell
    inspect.listSelection = 0
    let count = cellImages(run, inspect.cursor).count
    inspect.focus = count > 0 ? .list : .matrix
    if count == 0 { next.say("No test images in this cell.") }
    next.inspect = inspect
  case .inspectTab(let raw):
    guard var inspect = state.inspect, let pane = InspectState.Pane(rawValue: raw) else { break }
    inspect.pane = pane
    inspect.focus = .matrix
    next.inspect = inspect
  case .listItem(let index):
    guard var inspect = state.inspect,
      index < cellImages(state.live[inspect.experiment]?.run, inspect.cursor).count
    else { break }
    inspect.listSelection = index
    inspect.focus = .image
    next.inspect = inspect
  }
  return next
}
