import Foundation

/// The lesson's pure rendering: header, the current step's body, footer (key hints or a notice),
/// and the overlays (help, settings, quit confirmation); the too-small notice below 80×24.
public func render(_ state: LessonState, size: Size, theme: Theme) -> CellBuffer {
  let buffer = CellBuffer.draw(size: size) { canvas in
    guard size.fits(LessonState.minimumSize) else {
      canvas.draw(
        TooSmallNotice(current: size, needed: LessonState.minimumSize), in: canvas.bounds,
        theme: theme)
      return
    }
    let parts = Layout.rows(canvas.bounds, [.fixed(1), .flex(1), .fixed(1)])
    let title = state.currentStep?.title ?? ""
    canvas.draw(
      Header(
        step: state.step + 1, stepCount: state.steps.count, title: title,
        badge: state.dataInUse.map { "data: " + $0 }), in: parts[0],
      theme: theme)
    let body = parts[1].inset(top: 0, left: 1, bottom: 0, right: 1)
    canvas.region(body) { c in
      switch state.currentStep?.kind {
      case .data: drawDataStep(state, in: &c, theme: theme)
      case .experiment(let id):
        if let inspect = state.inspect, inspect.experiment == id {
          drawInspect(state, inspect, in: &c, theme: theme)
        } else {
          drawExperimentStep(state, id, in: &c, theme: theme)
        }
      case .generalize: drawGeneralizeStep(state, in: &c, theme: theme)
      case .descent: c.draw(PlaygroundView(state.playground), in: c.bounds, theme: theme)
      default: drawTextStep(state, in: &c, theme: theme)
      }
    }
    drawFooter(state, in: &canvas, row: parts[2], theme: theme)
    switch state.overlay {
    case .help(let scroll):
      canvas.draw(
        Modal(title: "Help: keys", text: lessonHelp, scroll: scroll), in: canvas.bounds,
        theme: theme)
    case .quitConfirm:
      canvas.draw(
        Modal(
          title: "Quit HemoLab?",
          text: "Training is running. Quitting stops it; finished runs are not saved.\n\n"
            + "**y** quit    **n** keep going", maxWidth: 56), in: canvas.bounds, theme: theme)
    case .settings(let form):
      canvas.draw(SettingsPanel(form: form), in: canvas.bounds, theme: theme)
    case .path(let prompt):
      canvas.draw(PathPromptPanel(prompt: prompt), in: canvas.bounds, theme: theme)
    case nil: break
    }
  }
  return theme.glyphs.isUnicode ? buffer : buffer.asciiFallback()
}

/// A section title drawn as a rule across `rect`'s first row; returns the rows below it.
func section(_ canvas: inout Canvas, _ rect: Rect, _ title: String, theme: Theme) -> Rect {
  guard rect.height > 0 else { return rect }
  let g = theme.glyphs
  let rule = String(repeating: g.horizontal, count: max(0, rect.width))
  canvas.put(rule, x: rect.x, y: rect.y, style: theme.style(.border))
  canvas.put(
    " \(Canvas.truncate(title, to: max(0, rect.width - 4), ellipsis: g.ellipsis)) ",
    x: rect.x + 1, y: rect.y, style: theme.style(.title))
  return rect.inset(top: 1)
}

/// A step that is only text (the descent step until its playground is hosted).
func drawTextStep(_ state: LessonState, in canvas: inout Canvas, theme: Theme) {
  let text = reflow(state.currentStep?.text ?? "")
  let pane = section(&canvas, canvas.bounds, "Lesson", theme: theme).inset(left: 1, right: 1)
  canvas.draw(TextPane(text, scroll: state.textScroll), in: pane, theme: theme)
}

/// The footer: the step's key hints, or a notice when there is one.
func drawFooter(_ state: LessonState, in canvas: inout Canvas, row: Rect, theme: Theme) {
  if state.notice == nil, let opening = state.opening, !opening.isFinished {
    let percent = NumberFormat.percent(opening.fraction, decimals: 0)
    canvas.put(
      " Opening \(opening.name): \(opening.stage) \(percent)", x: row.x, y: row.y,
      width: row.width, ellipsis: theme.glyphs.ellipsis, style: theme.style(.warn))
    return
  }
  if let notice = state.notice {
    canvas.put(
      " " + notice, x: row.x, y: row.y, width: row.width, ellipsis: theme.glyphs.ellipsis,
      style: theme.style(.warn))
    return
  }
  canvas.draw(Footer(hints(for: state)), in: row, theme: theme)
}

/// The most useful keys at this moment, most important first.
func hints(for state: LessonState) -> [KeyHint] {
  let navigation = [KeyHint("←/→", "step"), KeyHint("?", "help"), KeyHint("q", "quit")]
  if let inspect = state.inspect {
    switch inspect.focus {
    case .matrix where inspect.pane == .preview:
      let heatmap = inspect.previewFile == nil ? [] : [KeyHint("g", "heatmap")]
      return [KeyHint("↑/↓", "image"), KeyHint("o", "file")] + heatmap + [
        KeyHint("Tab", "pane"), KeyHint("Esc", "back"), KeyHint("?", "help"),
      ]
    case .matrix:
      return [
        KeyHint("arrows", "cell"), KeyHint("Enter", "images"), KeyHint("Tab", "pane"),
        KeyHint(".", "batch"), KeyHint("Esc", "back"), KeyHint("?", "help"),
      ]
    case .list:
      return [
        KeyHint("↑/↓", "image"), KeyHint("Enter", "view"), KeyHint("Esc", "back"),
        KeyHint("?", "help"),
      ]
    case .image:
      return [
        KeyHint("w", "window"), KeyHint("c", "colour"), KeyHint("m", "mask"),
        KeyHint("g", "heatmap"), KeyHint("↑/↓", "next"), KeyHint("Esc", "back"),
      ]
    }
  }
  switch state.currentStep?.kind {
  case .descent:
    return [
      KeyHint("Space", "run"), KeyHint("Tab", "optimizer"), KeyHint("↑/↓", "rate"),
      KeyHint("m", "surface"), KeyHint("t", "text"),
    ] + navigation
  case .data:
    return [
      KeyHint("↑/↓", "image"), KeyHint("w", "window"), KeyHint("c", "colour"),
      KeyHint("m", "mask"), KeyHint("o", "own data"),
    ] + navigation
  case .experiment(let id):
    let run = state.live[id]?.run
    switch run?.state {
    case .running?:
      return [
        KeyHint("Space", "pause"), KeyHint("x", "stop"), KeyHint("a", "acc/loss"),
        KeyHint("f", "speed"),
      ] + navigation
    case .paused?:
      return [
        KeyHint("Space", "resume"), KeyHint(".", "batch"), KeyHint("e", "epoch"),
        KeyHint("i", "inspect"), KeyHint("x", "stop"),
      ] + navigation
    case .finished?, .stopped?:
      return [
        KeyHint("i", "inspect"), KeyHint("Enter", "train again"), KeyHint("s", "settings"),
        KeyHint("a", "acc/loss"),
      ] + navigation
    default:
      return [KeyHint("Enter", "train"), KeyHint("s", "settings"), KeyHint("f", "speed")]
        + navigation
    }
  case .generalize:
    return generalizeHints(state)
  default:
    return navigation + [KeyHint("PgDn", "scroll")]
  }
}

/// The full help text.
let lessonHelp = """
  **Moving through the lesson**
  ←/→ or n/p   previous / next step
  1 … 8        jump to a step
  PgUp/PgDn    scroll the lesson text (↑/↓ too in experiment steps)

  **Gradient descent (step 1)**
  Space run/pause, . one step, Tab next optimizer, a all optimizers, ↑/↓ or +/- learning rate,
  m next surface, n noise, s new seed, r reset, f faster, t the explanation

  **The data (step 2)**
  ↑/↓          previous / next image;  Tab next class
  w            cycle the window: brain, subdural, stroke, bone
  c            colour-coding on/off (blood-range HU in red)
  m            blood mask outline on/off (synthetic images)

  **Experiments (steps 3–7)**
  Enter or t   train (again)
  Space        pause / resume
  .            one batch (while paused)
  e            to the end of the epoch (while paused)
  x            stop the run
  s            settings: epochs, batch size, learning rate, seed, class weighting
  a            chart: loss or accuracy per epoch
  f            speed: watchable or full speed
  i            inspect (paused or finished)

  **Does it generalize? (step 8)**
  Tab/Shift-Tab next / previous view: your runs, threshold, seeds, other hospital,
               weighting, more data, pretrained vs from scratch
  ←/→          (threshold view) move the threshold; [ ] one score at a time;
               n/p change the step there
  Enter        compute the view (in the background; the screen fills in)
  x            stop the computation (results so far stay)
  e            another experiment for this view
  + / -        (seeds view) more or fewer seeds

  **Inspect**
  arrows       move over the confusion matrix
  Enter        the test images in the cell; Enter again shows one large
  Tab          pane: images in cell, epochs, first-layer filters, preview
  ↑/↓          (preview) choose a gallery image to classify
  o            (preview) classify a DICOM, PNG or JPEG file by its path
  w / c / m    window, colour-coding, mask outline in the large view
  Esc          back one level

  **Mouse** (the keys above do everything; clicks are a shortcut)
  click        a step dot in the header: go there; a gallery image: view it;
               a confusion matrix cell: inspect its images; a tab or an image in inspect
  wheel        scroll the lesson text, the help, the inspect list

  **Anywhere**
  o            open your own images: a .tm project, an RSNA folder or class folders
               (Tab completes the path; Enter on an empty path: back to built-in data)
  ?            this help (Esc closes it)
  q            quit HemoLab (asks while training)
  """

/// Markdown-style paragraphs: lines inside a paragraph are joined; blank lines, bullets (`- `)
/// and headings start new lines.
func reflow(_ text: String) -> String {
  var out: [String] = []
  var current = ""
  for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
    let line = raw.trimmingCharacters(in: .whitespaces)
    if line.isEmpty {
      if !current.isEmpty { out.append(current) }
      out.append("")
      current = ""
    } else if line.hasPrefix("- ") || line.hasPrefix("#") || current.isEmpty {
      if !current.isEmpty { out.append(current) }
      current = line.hasPrefix("#") ? "**" + line.drop { $0 == "#" || $0 == " " } + "**" : line
    } else {
      current += " " + line
    }
  }
  if !current.isEmpty { out.append(current) }
  return out.joined(separator: "\n")
}
