import HemoLesson
import Testing

@testable import HemoTUI

@Suite struct PlaygroundMapTests {
  @Test(arguments: LossSurface.Kind.allCases)
  func bandsRiseWithTheLossAndTheMinimumIsInTheLowest(kind: LossSurface.Kind) {
    let surface = LossSurface(kind)
    let raster = ContourRaster(
      surface: surface, columns: 40, pixelRows: 30, thresholds: SurfaceContours.colour(surface))
    #expect(raster.levels.count == 1200)
    #expect(raster.levels.min() == 0 && raster.levels.max() == 9)
    // Across the grid, a higher band never means a lower loss.
    let (xs, ys) = surface.domain
    var pairs: [(Double, Int)] = []
    for row in 0..<30 {
      for column in 0..<40 {
        let x = xs.lowerBound + (Double(column) + 0.5) / 40 * (xs.upperBound - xs.lowerBound)
        let y = ys.upperBound - (Double(row) + 0.5) / 30 * (ys.upperBound - ys.lowerBound)
        pairs.append((surface.loss(at: Point2(x, y)), raster.level(column: column, row: row)))
      }
    }
    pairs.sort { $0.0 < $1.0 }
    #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.1 <= $1.1 })
  }

  @Test func theShallowBasinIsAnIslandBelowTheSaddle() throws {
    let surface = LossSurface.basins
    let marks = surface.landmarks
    let local = try #require(marks.first { $0.kind == .localMinimum }).point
    let saddle = try #require(marks.first { $0.kind == .saddle }).point
    func band(_ p: Point2, _ thresholds: [Double]) -> Int {
      thresholds.count { surface.loss(at: p) >= $0 }
    }
    for thresholds in [SurfaceContours.colour(surface), SurfaceContours.shades(surface)] {
      #expect(band(local, thresholds) < band(saddle, thresholds))
    }
  }

  @Test func monochromeGoldenAfterTwentySteps() {
    // Basins, gradient descent, lr 0.05, default start (2, 1): the ball drops into the shallow
    // right basin (the ░ island) and stays there; × marks the deeper minimum on the left.
    // Checked by hand: start (2, 1) → column ⌊4.2/4.4·30⌋ = 28, row ⌊0.76/3.52·10⌋ = 2; step 1
    // (0.775, 0.92) → column 20, row 2; × at (−1.0575, 0) → column 7, row 5. The first step's
    // jump is joined by dots on columns 21–27 of row 2.
    var state = PlaygroundState()
    for _ in 0..<20 { state = PlaygroundReducer.reduce(state, .step) }
    let text = PlaygroundMap.text(PlaygroundMap.cells(state, columns: 30, rows: 10, colour: false))
    let expected = """
      ▓▓▓▓▓▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓
      ▓▓▓▓▒▒▒░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓
      ▓▓▓▓▒▒░░░░░▒▒▒▒▒▒▒▒▒·········▓
      ▓▓▓▓▒░    ░░▒▒▒▒▒▒▒▒░·▒▒▒▓▓▓▓▓
      ▓▓▓▓▒░     ░░▒▒▒▒▒▒░░●░▒▒▓▓▓▓▓
      ▓▓▓▓▒░ ×   ░░▒▒▒▒▒▒░░░░▒▒▓▓▓▓▓
      ▓▓▓▓▒░    ░░▒▒▒▒▒▒▒▒░░▒▒▒▓▓▓▓▓
      ▓▓▓▓▒▒░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓
      ▓▓▓▓▒▒▒░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓
      ▓▓▓▓▓▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓
      """
    #expect(text.joined(separator: "\n") == expected)
  }

  @Test func colourCellsAreHalfBlocksWithBandsAndMarksKeepTheirBackground() {
    let state = PlaygroundState()
    let grid = PlaygroundMap.cells(state, columns: 30, rows: 10, colour: true)
    #expect(grid.count == 10 && grid.allSatisfy { $0.count == 30 })
    var balls = 0
    for row in grid {
      for cell in row {
        switch cell.glyph {
        case "▀":
          guard case .level = cell.foreground, case .level = cell.background else {
            Issue.record("half block without bands: \(cell)")
            continue
          }
        case "●":
          balls += 1
          #expect(cell.foreground == .optimizer(.gradientDescent))
          if case .level = cell.background {} else { Issue.record("ball lost its band: \(cell)") }
        case "×":
          #expect(cell.foreground == .marker)
        default:
          Issue.record("unexpected glyph \(cell.glyph)")
        }
      }
    }
    #expect(balls == 1)
  }

  @Test func severalBallsInMonochromeAreLetters() {
    let state = PlaygroundReducer.reduce(PlaygroundState(), .selectAll)
    let text = PlaygroundMap.text(PlaygroundMap.cells(state, columns: 30, rows: 10, colour: false))
      .joined()
    // All four start on the same cell: the last drawn (Adam) is on top.
    #expect(text.contains("A"))
    #expect(!text.contains("●"))
  }

  @Test func aBallOffTheMapIsAnArrowOnTheEdge() {
    var state = PlaygroundState(surface: .bowl, learningRate: 2.0)
    // lr 2 on 0.5·(x² + 2y²): y ← −3y from 1.8: −5.4 after one step (below the window).
    state = PlaygroundReducer.reduce(state, .step)
    let grid = PlaygroundMap.cells(state, columns: 30, rows: 10, colour: false)
    let bottom = String(grid[9].map(\.glyph))
    #expect(bottom.contains("▼"))
    #expect(!PlaygroundMap.text(grid).joined().contains("●"))
  }

  @Test func stepsFarApartAreJoinedByADottedLine() {
    // Bowl window x −3…3 over 30 columns, y 2.4…−2.4 over 10 rows: (−2.5, 0) is column 2 and
    // (2.5, 0) column 27, both on row 5; the cells between them are dots.
    let points = [
      DescentPoint(step: 0, x: -2.5, y: 0, loss: 0), DescentPoint(step: 1, x: 2.5, y: 0, loss: 0),
    ]
    let grid = PlaygroundMap.cells(
      surface: .bowl, trails: [(.gradientDescent, points)], columns: 30, rows: 10, colour: true)
    let row = String(grid[5].map(\.glyph))
    #expect(row == "▀▀•" + String(repeating: "·", count: 24) + "●▀▀")
    // A ball thrown far off the map draws no line across it, only its arrow on the edge.
    let thrown = [points[0], DescentPoint(step: 1, x: 0, y: -900, loss: 0)]
    let far = PlaygroundMap.cells(
      surface: .bowl, trails: [(.gradientDescent, thrown)], columns: 30, rows: 10, colour: false)
    #expect(PlaygroundMap.text(far).joined().filter { $0 == "·" }.count == 1)
    #expect(PlaygroundMap.text(far)[9].contains("▼"))
  }
}
