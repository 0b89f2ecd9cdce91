import Foundation

/// The head holder (a thin carbon-fibre cradle curving up both sides of the back of the head)
/// and, below it, the curved table top: thin bright arcs that real head CT shows under the head.
struct PhantomSupport: Sendable {
  /// One arc in head millimetres relative to the head's centre (y towards the back).
  struct Arc: Sendable {
    var centerX: Double
    var centerY: Double
    var radius: Double
    var thickness: Double
    /// Half the angle the arc spans on each side of straight back (radians).
    var halfSpan: Double
    var hu: Float
  }

  var arcs: [Arc]

  init(rng: inout SeededRNG) {
    var arcs: [Arc] = []
    // The cradle: roughly concentric with the back of the head, a few mm to 2 cm away.
    let gap = rng.uniform(4, 22)
    let radius = rng.uniform(95, 125)
    arcs.append(
      Arc(
        centerX: rng.normal(mean: 0, sd: 3), centerY: 100 + gap - radius,
        radius: radius, thickness: rng.uniform(1.2, 2.6), halfSpan: rng.uniform(0.75, 1.55),
        hu: Float(rng.uniform(250, 900))))
    // The table top or a second shell of the holder, further out and flatter.
    if rng.chance(0.45) {
      let outer = arcs[0]
      let radius = outer.radius + rng.uniform(20, 80)
      arcs.append(
        Arc(
          centerX: outer.centerX,
          centerY: outer.centerY + outer.radius + rng.uniform(4, 12)
            - radius,
          radius: radius, thickness: rng.uniform(1.2, 3), halfSpan: rng.uniform(0.5, 0.95),
          hu: Float(rng.uniform(200, 700))))
    }
    self.arcs = arcs
  }

  /// Paints the arcs into `pixels` (HU, `size`²) where they lie in air, with partial volume.
  /// `toPixel` maps head millimetres to pixel coordinates (column, row).
  func paint(
    _ pixels: inout [Float], size: Int, spacing: Double, rotation: Double, offset: (Double, Double)
  ) {
    let cosR = cos(rotation)
    let sinR = sin(rotation)
    let centre = Double(size) / 2
    for arc in arcs {
      // Arc centre in image millimetres, then pixels.
      let cx = cosR * arc.centerX - sinR * arc.centerY + offset.0
      let cy = sinR * arc.centerX + cosR * arc.centerY + offset.1
      let pcx = cx / spacing + centre - 0.5
      let pcy = cy / spacing + centre - 0.5
      let r = arc.radius / spacing
      let half = arc.thickness / spacing / 2
      let outer = r + half + 1
      let inner = max(0, r - half - 1)
      // The arc's direction range: angles measured from straight back (+y), rotated with the head.
      let back = atan2(cosR, -sinR)
      let firstRow = max(0, Int((pcy - outer).rounded(.down)))
      let lastRow = min(size - 1, Int((pcy + outer).rounded(.up)))
      guard firstRow <= lastRow else { continue }
      for row in firstRow...lastRow {
        let dy = Double(row) - pcy
        let outerSpan = outer * outer - dy * dy
        guard outerSpan > 0 else { continue }
        let xo = outerSpan.squareRoot()
        let innerSpan = inner * inner - dy * dy
        let xi = innerSpan > 0 ? innerSpan.squareRoot() : 0
        for (lo, hi) in [(-xo, -xi), (xi, xo)] {
          let c0 = max(0, Int((pcx + lo).rounded(.down)))
          let c1 = min(size - 1, Int((pcx + hi).rounded(.up)))
          guard c0 <= c1 else { continue }
          for column in c0...c1 {
            let dx = Double(column) - pcx
            let distance = (dx * dx + dy * dy).squareRoot()
            let cover = min(1, max(0, half + 0.5 - abs(distance - r)))
            guard cover > 0 else { continue }
            let angle = abs(PhantomMath.angleDifference(atan2(dy, dx), back))
            let fade = min(1, max(0, (arc.halfSpan - angle) * r / 2))
            let weight = Float(cover * fade)
            let index = row * size + column
            if weight > 0 && pixels[index] < -300 {
              pixels[index] += (arc.hu - pixels[index]) * weight
            }
          }
        }
      }
    }
  }
}
