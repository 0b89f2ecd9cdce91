/// A width×height grid of cells: what a screen renders to and the terminal blits.
public struct CellBuffer: Sendable, Equatable {
  public let size: Size
  public private(set) var cells: [Cell]
  /// Parts of the screen that answer mouse clicks (see `ClickRegion`).
  public var regions: [ClickRegion] = []
  /// Images to show with real pixels over blank cells (see `GraphicsLayer`); empty unless the
  /// theme asks for pixel images.
  public var images: [ImagePlacement] = []

  public init(size: Size, fill: Cell = .blank) {
    self.size = size
    self.cells = Array(repeating: fill, count: size.width * size.height)
  }

  public var width: Int { size.width }
  public var height: Int { size.height }

  /// The cell at column `x`, row `y`; reads outside the grid give a blank cell, writes are ignored.
  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return .blank }
      return cells[y * width + x]
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      cells[y * width + x] = newValue
    }
  }

  /// The characters, one line per row, trailing spaces removed (for golden tests).
  public var text: String {
    (0..<height).map { y in
      var line = String((0..<width).map { self[$0, y].character })
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  /// The characters, then `--`, then one letter per cell naming its style (`.` for plain), then
  /// the legend `a: fg=… bg=… bold`. Letters are given in order of first appearance; trailing
  /// plain cells are trimmed. Compact enough for golden tests of the colour depths.
  public var styledText: String {
    var letters: [Style: Character] = [:]
    var legend: [String] = []
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var rows: [String] = []
    for y in 0..<height {
      var row = ""
      for x in 0..<width {
        let style = self[x, y].style
        if style == .plain {
          row.append(".")
          continue
        }
        if let letter = letters[style] {
          row.append(letter)
        } else {
          let letter: Character = letters.count < alphabet.count ? alphabet[letters.count] : "?"
          letters[style] = letter
          legend.append("\(letter): \(style)")
          row.append(letter)
        }
      }
      while row.last == "." { row.removeLast() }
      rows.append(row)
    }
    return ([text, "--"] + rows + legend).joined(separator: "\n")
  }

  /// A canvas drawing on the whole buffer.
  public static func draw(size: Size, _ body: (inout Canvas) -> Void) -> CellBuffer {
    var canvas = Canvas(size: size)
    body(&canvas)
    return canvas.buffer
  }
}

extension CellBuffer {
  /// The same cells with every non-ASCII character replaced by its ASCII stand-in (for
  /// terminals whose locale is not UTF-8).
  public func asciiFallback() -> CellBuffer {
    var copy = self
    for i in copy.cells.indices where !copy.cells[i].character.isASCII {
      copy.cells[i].character = Glyphs.asciiFallback(copy.cells[i].character)
    }
    return copy
  }
}
