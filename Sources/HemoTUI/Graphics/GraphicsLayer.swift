import HemoCore

/// Shows a frame's pixel images (sixel, kitty, iTerm2) after ncurses has drawn its text, into the
/// blank rectangles the screens reserved. Draws an image only when it is new, moved or changed
/// (never on every frame, so training redraws do not flicker), deletes the ones that went (kitty:
/// by id; sixel and iTerm2: ncurses repaints their rows), hides images a modal covers, and
/// redraws everything after ncurses redraws the whole screen (resize).
public final class GraphicsLayer {
  public let proto: PixelProtocol
  /// One cell in pixels (re-read on resize).
  public var cellSize: Size
  /// Wrap sequences for tmux's passthrough (`ESC Ptmux; … ESC \`).
  public var tmuxPassthrough = false

  private struct Shown {
    var placement: ImagePlacement
    var id: UInt32
  }
  private var shown: [Shown] = []
  private var lastFrame: CellBuffer?
  private var fullRedraws = -1
  private var configured = false
  private var nextID: UInt32 = 1

  /// Where to write what is drawn, for checking screenshots (`HEMOLAB_GRAPHICS_DUMP=dir`).
  private let dump = GraphicsDump.fromEnvironment()

  public init(proto: PixelProtocol, cellSize: Size) {
    self.proto = proto
    self.cellSize = cellSize
  }

  /// The images of `frame` nothing covers: every cell of their rectangle is still the blank the
  /// thumbnail left there (a modal or a menu drawn over it hides the whole image).
  static func visible(_ frame: CellBuffer) -> [ImagePlacement] {
    frame.images.filter { placement in
      let r = placement.rect
      guard r.width > 0, r.height > 0, r.maxX <= frame.width, r.maxY <= frame.height else {
        return false
      }
      for y in r.y..<r.maxY {
        for x in r.x..<r.maxX where frame[x, y] != .blank { return false }
      }
      return true
    }
  }

  /// What to delete and what to draw, given what is on screen and what the frame wants.
  static func plan(shown: [ImagePlacement], wanted: [ImagePlacement], everything: Bool) -> (
    removed: [Int], added: [Int]
  ) {
    if everything { return (Array(shown.indices), Array(wanted.indices)) }
    let removed = shown.indices.filter { i in !wanted.contains { $0.sameAs(shown[i]) } }
    let added = wanted.indices.filter { i in !shown.contains { $0.sameAs(wanted[i]) } }
    return (removed, added)
  }

  /// Brings the terminal's images in line with `frame`, just drawn by `terminal`.
  public func present(_ frame: CellBuffer, on terminal: Terminal) {
    if !configured {
      terminal.keepBlankCells()
      configured = true
    }
    let wanted = Self.visible(frame)
    let everything = terminal.fullRedraws != fullRedraws
    fullRedraws = terminal.fullRedraws
    var (removed, added) = Self.plan(
      shown: shown.map(\.placement), wanted: wanted, everything: everything)
    if proto != .kitty, !everything, let lastFrame, lastFrame.size == frame.size {
      // ncurses rewrites a line from its first changed cell to its last, blanks between
      // included: a sixel under such a span has lost pixels and is drawn again.
      let spans = Self.changedSpans(lastFrame, frame)
      for (i, placement) in wanted.enumerated() where !added.contains(i) {
        let r = placement.rect
        let hit = (r.y..<r.maxY).contains { y in
          spans[y].map { $0.lowerBound < r.maxX && $0.upperBound > r.x } ?? false
        }
        if hit { added.append(i) }
      }
    }
    lastFrame = frame
    guard !removed.isEmpty || !added.isEmpty else { return }
    var out = ""
    var draw = Set(added)
    var kept = shown.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    switch proto {
    case .kitty:
      for i in removed { out += wrap("\u{1B}_Ga=d,d=i,i=\(shown[i].id),q=2\u{1B}\\") }
    case .sixel, .iterm:
      // Pixels cannot be deleted: ncurses repaints the rows they covered, which also wipes
      // the kept images on those rows, so those are drawn again.
      var rows = Set<Int>()
      for i in removed where !everything {
        rows.formUnion(shown[i].placement.rect.y..<shown[i].placement.rect.maxY)
      }
      if let low = rows.min(), let high = rows.max() {
        terminal.repaint(rows: low..<(high + 1))
        for (i, placement) in wanted.enumerated()
        where placement.rect.maxY > low && placement.rect.y <= high {
          draw.insert(i)
        }
      }
    }
    for i in draw.sorted() {
      let placement = wanted[i]
      kept.removeAll { $0.placement.rect == placement.rect }
      let id = nextID
      nextID = nextID == UInt32.max ? 1 : nextID + 1
      dump?.record(placement, cellSize: cellSize)
      out += "\u{1B}[\(placement.rect.y + 1);\(placement.rect.x + 1)H"
      out += wrap(sequence(placement, id: id))
      kept.append(Shown(placement: placement, id: id))
    }
    shown = kept
    if !out.isEmpty { terminal.writeAround(out) }
  }

  /// Per row, the columns from the first to the last cell that differ between two frames.
  static func changedSpans(_ old: CellBuffer, _ new: CellBuffer) -> [Range<Int>?] {
    (0..<new.height).map { y in
      var first: Int?
      var last = 0
      for x in 0..<new.width where old[x, y] != new[x, y] {
        if first == nil { first = x }
        last = x
      }
      return first.map { $0..<(last + 1) }
    }
  }

  /// Forgets and deletes every image (before the program leaves the screen).
  public func clear(on terminal: Terminal) {
    if proto == .kitty && !shown.isEmpty {
      terminal.writeAround(wrap("\u{1B}_Ga=d,d=A,q=2\u{1B}\\"))
    }
    shown = []
  }

  /// chafa's sequence for one placement, with an id and no answers for kitty.
  func sequence(_ placement: ImagePlacement, id: UInt32) -> String {
    let r = placement.rect
    let source = placement.mask.map {
      MaskOverlay.outlined(
        placement.image, mask: $0, width: r.width * cellSize.width,
        height: r.height * cellSize.height, scale: 3)
    }
    var text = ChafaRenderer.pixels(
      source ?? placement.image, columns: r.width, rows: r.height, cellSize: cellSize,
      proto: proto)
    if proto == .kitty, let range = text.range(of: "\u{1B}_Ga=T,") {
      text.replaceSubrange(range, with: "\u{1B}_Ga=T,i=\(id),q=2,C=1,")
    }
    return text
  }

  private func wrap(_ sequence: String) -> String {
    guard tmuxPassthrough else { return sequence }
    return "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
      + "\u{1B}\\"
  }
}
