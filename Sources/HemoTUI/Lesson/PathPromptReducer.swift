import Foundation

/// Keys in the path modal: typing edits the line (q and ? are letters here), Tab asks the app to
/// complete it, Enter opens (or previews), Esc cancels.
func reducePathPrompt(_ state: inout LessonState, _ prompt: PathPrompt, _ key: Key) {
  var prompt = prompt
  prompt.message = nil
  switch key {
  case .escape:
    state.overlay = nil
    return
  case .character(let c):
    if prompt.text.count < PathPrompt.maxLength { prompt.text.append(c) }
    prompt.candidates = []
  case .space:
    if prompt.text.count < PathPrompt.maxLength { prompt.text.append(" ") }
    prompt.candidates = []
  case .backspace, .delete:
    if !prompt.text.isEmpty { prompt.text.removeLast() }
    prompt.candidates = []
  case .tab:
    state.effects.append(.completePath)
  case .enter:
    submit(&state, &prompt)
    return
  default: break
  }
  state.overlay = .path(prompt)
}

private func submit(_ state: inout LessonState, _ prompt: inout PathPrompt) {
  let path = prompt.text.trimmingCharacters(in: .whitespaces)
  switch prompt.purpose {
  case .openData:
    if path.isEmpty {
      if state.dataInUse != nil {
        state.overlay = nil
        state.inspect = nil
        state.effects.append(.useBuiltInData)
        state.say("Back to the built-in synthetic images.")
      } else {
        prompt.message = "Type a path (Tab completes), or Esc to cancel."
        state.overlay = .path(prompt)
      }
      return
    }
    state.overlay = nil
    state.inspect = nil
    state.effects.append(.openData(path: path, first: state.currentExperiment?.id))
  case .previewFile(let id):
    guard !path.isEmpty else {
      prompt.message = "Type the path of a DICOM, PNG or JPEG file, or Esc to cancel."
      state.overlay = .path(prompt)
      return
    }
    state.overlay = nil
    if var inspect = state.inspect, inspect.experiment == id {
      inspect.pane = .preview
      inspect.focus = .matrix
      inspect.previewFile = path
      state.inspect = inspect
    }
  }
}

extension LessonState {
  /// The name of the learner's own data when the experiments use it (nil: built-in images).
  public var dataInUse: String? {
    guard let opening, opening.isInUse else { return nil }
    return opening.name
  }

  /// Opens the path modal for `purpose`.
  mutating func askPath(_ purpose: PathPrompt.Purpose) {
    overlay = .path(PathPrompt(purpose: purpose))
  }
}
