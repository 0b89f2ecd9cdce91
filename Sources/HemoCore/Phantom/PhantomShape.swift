import Foundation

/// What a structure inside the skull is made of, which decides how it is painted.
enum PhantomTissue: Sendable {
  /// Lateral ventricle CSF (intraventricular blood layers in it).
  case ventricle
  /// Cistern or fissure CSF; `blood` (0…1) of it is subarachnoid blood.
  case cistern
  /// Grey matter nucleus or cortex ribbon: painted at `value` HU relative to the cortex.
  case deepGrey
  /// Soft-edged change of brain density to `value` HU (white matter disease, brainstem).
  case soft
  /// Falx: a dural membrane, painted at `value` HU only where brain is.
  case membrane
  /// Bone, air or calcification: painted at `value` HU over everything else.
  case solid
}

/// A structure of the slice: a capsule (segment with radius) or an ellipse, in head millimetres.
struct PhantomShape: Sendable {
  var tissue: PhantomTissue
  var value: Float
  var ax: Float
  var ay: Float
  var bx: Float
  var by: Float
  var radius: Float
  /// Subarachnoid blood fraction of a cistern.
  var blood: Float = 0
  /// Ellipse semi-axes (when `isEllipse`), and its orientation.
  var isEllipse = false
  /// True for `.solid` (kept as a flag so the hot loop does not compare enums).
  var isSolid = false
  var cosine: Float = 1
  var sine: Float = 0
  var minX: Float = 0
  var maxX: Float = 0
  var minY: Float = 0
  var maxY: Float = 0

  /// A capsule from (ax, ay) to (bx, by) with `radius` mm.
  static func capsule(
    _ tissue: PhantomTissue, _ value: Float, _ a: (Double, Double), _ b: (Double, Double),
    radius: Double
  ) -> PhantomShape {
    var shape = PhantomShape(
      tissue: tissue, value: value, ax: Float(a.0), ay: Float(a.1), bx: Float(b.0),
      by: Float(b.1), radius: Float(radius))
    shape.isSolid = tissue == .solid
    let pad = Float(radius) + 2
    shape.minX = min(shape.ax, shape.bx) - pad
    shape.maxX = max(shape.ax, shape.bx) + pad
    shape.minY = min(shape.ay, shape.by) - pad
    shape.maxY = max(shape.ay, shape.by) + pad
    return shape
  }

  /// An ellipse centred at `center` with semi-axes (rx, ry) rotated by `angle` radians.
  static func ellipse(
    _ tissue: PhantomTissue, _ value: Float, center: (Double, Double), rx: Double, ry: Double,
    angle: Double = 0
  ) -> PhantomShape {
    var shape = PhantomShape(
      tissue: tissue, value: value, ax: Float(center.0), ay: Float(center.1), bx: Float(rx),
      by: Float(ry), radius: Float(min(rx, ry)))
    shape.isEllipse = true
    shape.isSolid = tissue == .solid
    shape.cosine = Float(cos(angle))
    shape.sine = Float(sin(angle))
    let pad = Float(max(rx, ry)) + 2
    shape.minX = shape.ax - pad
    shape.maxX = shape.ax + pad
    shape.minY = shape.ay - pad
    shape.maxY = shape.ay + pad
    return shape
  }

  /// Signed distance (mm, positive inside) from the edge, approximate for ellipses, at eight
  /// points.
  @inline(__always) func inside(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
    if isEllipse {
      let dx = x - ax
      let dy = y - ay
      let u = (dx * cosine + dy * sine) / bx
      let v = (-dx * sine + dy * cosine) / by
      let q = (u * u + v * v).squareRoot()
      return (1 - q) * radius
    }
    return radius - PhantomMath.segmentDistance(x, y, ax, ay, bx, by)
  }
}
