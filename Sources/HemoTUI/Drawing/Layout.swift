/// How much of a row or column split one part takes.
public enum Length: Sendable, Hashable {
  /// Exactly `n` cells (less only when the space runs out).
  case fixed(Int)
  /// At least `n` cells, then a weight-1 share of what is left.
  case min(Int)
  /// A share of what is left after fixed and minimum parts, by weight.
  case flex(Int)
}

/// Splits rectangles into rows or columns, so screens adapt from 80×24 up to 200×60.
public enum Layout {
  /// Sizes for `lengths` in `total` cells with `gap` cells between parts.
  public static func sizes(_ lengths: [Length], total: Int, gap: Int = 0) -> [Int] {
    guard !lengths.isEmpty else { return [] }
    var remaining = max(0, total - gap * (lengths.count - 1))
    var sizes = [Int](repeating: 0, count: lengths.count)
    for (i, length) in lengths.enumerated() {
      switch length {
      case .fixed(let n), .min(let n):
        sizes[i] = Swift.min(Swift.max(0, n), remaining)
        remaining -= sizes[i]
      case .flex: break
      }
    }
    let weights = lengths.map { length -> Int in
      switch length {
      case .fixed: 0
      case .min: 1
      case .flex(let w): Swift.max(0, w)
      }
    }
    let totalWeight = weights.reduce(0, +)
    guard totalWeight > 0, remaining > 0 else { return sizes }
    var given = 0
    var cumulative = 0
    for (i, w) in weights.enumerated() where w > 0 {
      cumulative += w
      let share = remaining * cumulative / totalWeight - given
      sizes[i] += share
      given += share
    }
    return sizes
  }

  /// Splits `rect` top to bottom.
  public static func rows(_ rect: Rect, _ lengths: [Length], gap: Int = 0) -> [Rect] {
    var y = rect.y
    return sizes(lengths, total: rect.height, gap: gap).map { h in
      defer { y += h + gap }
      return Rect(x: rect.x, y: y, width: rect.width, height: h)
    }
  }

  /// Splits `rect` left to right.
  public static func columns(_ rect: Rect, _ lengths: [Length], gap: Int = 0) -> [Rect] {
    var x = rect.x
    return sizes(lengths, total: rect.width, gap: gap).map { w in
      defer { x += w + gap }
      return Rect(x: x, y: rect.y, width: w, height: rect.height)
    }
  }
}
