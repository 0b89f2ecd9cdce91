import HemoCore

/// How one saliency map scores against the known blood of its image.
public struct SaliencyScore: Sendable, Equatable {
  /// Pointing game (Zhang et al. 2016): the map's peak lies inside the dilated mask.
  public var hit: Bool
  /// Share of the map's total value inside the (undilated) mask.
  public var massShare: Double
  /// The mask's share of the head: what a map spread evenly over the head would score.
  public var maskShareOfHead: Double

  /// Scores `map` against `mask` (blood) and `head`, both at the map's resolution; the peak
  /// counts as a hit within `dilation` pixels of the blood.
  public init(map: SaliencyMap, mask: PixelMask, head: PixelMask, dilation: Int) {
    precondition(mask.width == map.width && mask.height == map.height, "mask size")
    precondition(head.width == map.width && head.height == map.height, "head size")
    let peak = map.peak
    hit = mask.dilated(by: dilation)[peak.x, peak.y]
    var inside = 0.0
    var total = 0.0
    for i in map.values.indices {
      total += Double(map.values[i])
      if mask.bits[i] { inside += Double(map.values[i]) }
    }
    massShare = total > 0 ? inside / total : 0
    let headPixels = zip(head.bits, mask.bits).filter { $0 || $1 }.count
    maskShareOfHead = headPixels > 0 ? Double(mask.count) / Double(headPixels) : 0
  }
}

/// Spearman's rank correlation of two equally long lists (ties share their mean rank).
public func spearmanCorrelation(_ a: [Float], _ b: [Float]) -> Double {
  precondition(a.count == b.count, "lists of different lengths")
  let (ra, rb) = (ranks(a), ranks(b))
  let n = Double(a.count)
  guard n > 1 else { return 0 }
  let (ma, mb) = (ra.reduce(0, +) / n, rb.reduce(0, +) / n)
  var (cov, va, vb) = (0.0, 0.0, 0.0)
  for i in ra.indices {
    cov += (ra[i] - ma) * (rb[i] - mb)
    va += (ra[i] - ma) * (ra[i] - ma)
    vb += (rb[i] - mb) * (rb[i] - mb)
  }
  return va > 0 && vb > 0 ? cov / (va * vb).squareRoot() : 0
}

private func ranks(_ values: [Float]) -> [Double] {
  let order = values.indices.sorted { values[$0] < values[$1] }
  var result = [Double](repeating: 0, count: values.count)
  var start = 0
  while start < order.count {
    var end = start
    while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
    let rank = Double(start + end) / 2 + 1
    for k in start...end { result[order[k]] = rank }
    start = end + 1
  }
  return result
}
