import HemoLesson

/// The loss values where the playground's contour bands change, chosen per surface the way a
/// cartographer picks contour intervals: so that the minima, the valley floor, the shallow basin
/// and the saddle each fall in a band of their own.
public enum SurfaceContours {
  /// Nine thresholds (ten bands) for the colour map.
  public static func colour(_ surface: LossSurface) -> [Double] {
    switch surface.kind {
    case .bowl: [0.1, 0.25, 0.5, 1, 1.5, 2.5, 3.5, 5, 7]
    case .valley: [0.05, 0.2, 0.5, 1, 2, 4, 8, 16, 32]
    // Local minimum 1.00 sits inside the 1.05 line; the saddle (1.55) in the band above.
    case .basins: [0.1, 0.3, 0.6, 1.05, 1.3, 1.6, 2.5, 4, 7]
    }
  }

  /// Three thresholds (four shades) for the map without colour.
  public static func shades(_ surface: LossSurface) -> [Double] {
    switch surface.kind {
    case .bowl: [0.5, 2, 5]
    case .valley: [0.5, 4, 16]
    case .basins: [0.6, 1.3, 3]
    }
  }
}
