/// Key hints in the shell's footer, most important first.
let shellHints = [
  KeyHint("←/→", "step"), KeyHint("?", "help"), KeyHint("q", "quit"), KeyHint("1-8", "jump"),
]

/// The full help text of the shell.
let shellHelp = """
  **Moving through the lesson**
  ←/→ or n/p   previous / next step
  1 … 8        jump to a step
  Home/End     first / last step

  **Anywhere**
  ?            this help (Esc closes it)
  q            quit HemoLab

  The lesson steps are being built: training, the confusion matrix and the image viewer arrive \
  with them.
  """

/// The shell's pure rendering: header, step body, footer, help overlay, or the too-small notice.
public func render(_ state: AppState, size: Size, theme: Theme) -> CellBuffer {
  let buffer = CellBuffer.draw(size: size) { canvas in
    guard size.fits(AppState.minimumSize) else {
      canvas.draw(
        TooSmallNotice(current: size, needed: AppState.minimumSize), in: canvas.bounds,
        theme: theme)
      return
    }
    let parts = Layout.rows(canvas.bounds, [.fixed(1), .flex(1), .fixed(1)])
    canvas.draw(
      Header(step: state.step + 1, stepCount: AppState.stepTitles.count, title: state.stepTitle),
      in: parts[0], theme: theme)
    let body = parts[1].inset(top: 1, left: 1, bottom: 0, right: 1)
    canvas.box(
      body, title: state.stepTitle, glyphs: theme.glyphs, style: theme.style(.border),
      titleStyle: theme.style(.title))
    canvas.draw(
      TextPane(
        "This step is coming in the lesson build.",
        role: .text), in: body.inset(top: 1, left: 2, bottom: 1, right: 2), theme: theme)
    canvas.draw(Footer(shellHints), in: parts[2], theme: theme)
    if state.showsHelp {
      canvas.draw(
        Modal(title: "Help", text: shellHelp, scroll: state.helpScroll), in: canvas.bounds,
        theme: theme)
    }
  }
  return theme.glyphs.isUnicode ? buffer : buffer.asciiFallback()
}
