/// A zero-initialised, fixed-size block of floats with a stable address, owned by one engine.
///
/// The trainer's workspaces are allocated once and reused for every batch, so the hot loop never
/// allocates and never pays for copy-on-write or exclusivity checks.
final class FloatBuffer {
  let base: UnsafeMutablePointer<Float>
  let count: Int

  init(count: Int) {
    self.count = max(count, 1)
    base = .allocate(capacity: self.count)
    base.initialize(repeating: 0, count: self.count)
  }

  deinit {
    base.deallocate()
  }

  func zero() {
    base.update(repeating: 0, count: count)
  }

  func copy(from values: [Float]) {
    precondition(values.count <= count)
    values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: values.count) }
  }

  func array(_ range: Range<Int>) -> [Float] {
    Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
  }
}
