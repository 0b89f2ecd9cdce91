import HemoCore
import Synchronization

/// The cells chafa drew for recent images, so a screen redrawn many times a second (training)
/// renders each image once. Bounded: the least recently used entries go first, and the limit is
/// a few screens' worth, never every image ever seen.
public final class SymbolCache: Sendable {
  /// One rendering request: the image (by content), its cell size and the terminal's traits.
  struct Key: Hashable {
    var image: RGBImage
    var mask: PixelMask?
    var columns: Int
    var rows: Int
    var depth: ColourDepth
    var unicode: Bool

    func hash(into hasher: inout Hasher) {
      hasher.combine(image.width)
      hasher.combine(image.height)
      hasher.combine(image.pixels)
      hasher.combine(mask?.bits)
      hasher.combine(columns)
      hasher.combine(rows)
      hasher.combine(depth)
      hasher.combine(unicode)
    }
  }

  private struct State {
    var entries: [Key: (cells: [Cell], used: UInt64)] = [:]
    var clock: UInt64 = 0
    var hits = 0
    var misses = 0
  }

  /// The cache the widgets share.
  public static let shared = SymbolCache(limit: 256)

  /// Most renderings kept.
  public let limit: Int
  private let state = Mutex(State())

  public init(limit: Int) { self.limit = max(1, limit) }

  /// Entries held now, and hits and misses since start (for the memory soak and benchmarks).
  public var statistics: (entries: Int, hits: Int, misses: Int) {
    state.withLock { ($0.entries.count, $0.hits, $0.misses) }
  }

  /// Forgets everything (on resize, where no old size will come back soon).
  public func removeAll() { state.withLock { $0.entries.removeAll() } }

  /// The cells for `key`, rendered by `make` when not cached.
  func cells(_ key: Key, make: () -> [Cell]) -> [Cell] {
    if let hit = state.withLock({ s -> [Cell]? in
      s.clock += 1
      guard let entry = s.entries[key] else { return nil }
      s.entries[key] = (entry.cells, s.clock)
      s.hits += 1
      return entry.cells
    }) {
      return hit
    }
    let cells = make()
    state.withLock { s in
      s.misses += 1
      s.clock += 1
      if s.entries.count >= limit {
        // Drop the oldest quarter at once, so eviction is rare and cheap on average.
        let oldest = s.entries.sorted { $0.value.used < $1.value.used }.prefix(max(1, limit / 4))
        for (k, _) in oldest { s.entries[k] = nil }
      }
      s.entries[key] = (cells, s.clock)
    }
    return cells
  }
}
