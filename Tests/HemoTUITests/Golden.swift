import Testing

@testable import HemoTUI

/// Renders one widget into a fresh buffer of `size`.
func render(_ widget: some Widget, _ width: Int, _ height: Int, theme: Theme = .extended)
  -> CellBuffer
{
  CellBuffer.draw(size: Size(width: width, height: height)) { canvas in
    widget.draw(in: &canvas, theme: theme)
  }
}

/// Compares golden text, printing the actual text on a mismatch so a reviewer can read it.
func expectGolden(
  _ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual == expected, "actual:\n\(actual)", sourceLocation: sourceLocation)
}
