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
    var bytes = 0
    var clock: UInt64 = 0
    var hits = 0
    var misses = 0
  }

  /// The cache the widgets share: 256 renderings, 24 MB at most (a viewer at 160×48 costs
  /// about 0.4 MB with its source image).
  public static let shared = SymbolCache(limit: 256, bytes: 24 << 20)

  /// Most renderings kept, and most bytes (source image and cells, estimated).
  public let limit: Int
  public let byteLimit: Int
  private let state = Mutex(State())

  public init(limit: Int, bytes: Int = Int.max) {
    self.limit = max(1, limit)
    byteLimit = bytes
  }

  private static func cost(_ key: Key, _ cells: [Cell]) -> Int {
    key.image.pixels.count + (key.mask?.bits.count ?? 0) + cells.count * MemoryLayout<Cell>.stride
  }

  /// Entries held now, and hits and misses since start (for the memory soak and benchmarks).
  public var statistics: (entries: Int, bytes: Int, hits: Int, misses: Int) {
    state.withLock { ($0.entries.count, $0.bytes, $0.hits, $0.misses) }
  }

  /// Forgets everything (on resize, where no old size will come back soon).
  public func removeAll() {
    state.withLock {
      $0.entries.removeAll()
      $0.bytes = 0
    }
  }

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
      let cost = Self.cost(key, cells)
      if s.entries.count >= limit || s.bytes + cost > byteLimit {
        // Drop the oldest quarter at once, so eviction is rare and cheap on average.
        let oldest = s.entries.sorted { $0.value.used < $1.value.used }.prefix(
          max(1, s.entries.count / 4))
        for (k, v) in oldest {
          s.entries[k] = nil
          s.bytes -= Self.cost(k, v.cells)
        }
      }
      if s.entries[key] == nil { s.bytes += cost }
      s.entries[key] = (cells, s.clock)
    }
    return cells
  }
}
