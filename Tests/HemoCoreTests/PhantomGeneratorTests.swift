import Foundation
import HemoCore
import Testing

@Suite("Phantom generator")
struct PhantomGeneratorTests {
  let generator = PhantomGenerator(seed: 42, size: 128)

  @Test("same seed and index give identical pixels; another index gives another slice")
  func determinism() {
    let a = generator.slice(index: 3, hemorrhage: .anyHemorrhage)
    let b = PhantomGenerator(seed: 42, size: 128).slice(index: 3, hemorrhage: .anyHemorrhage)
    #expect(a.image == b.image)
    #expect(a.labels == b.labels)
    #expect(a.bloodMask == b.bloodMask)
    let c = generator.slice(index: 4, hemorrhage: .anyHemorrhage)
    #expect(a.image != c.image)
    let otherSeed = PhantomGenerator(seed: 43, size: 128).slice(
      index: 3, hemorrhage: .anyHemorrhage)
    #expect(a.image != otherSeed.image)
  }

  @Test("slices made in parallel equal slices made one by one")
  func parallel() {
    let indices = Array(0..<6)
    let serial = indices.map { generator.slice(index: $0, hemorrhage: .anyHemorrhage).image }
    let results = ImageBox(count: indices.count)
    DispatchQueue.concurrentPerform(iterations: indices.count) { index in
      results.set(index, generator.slice(index: index, hemorrhage: .anyHemorrhage).image)
    }
    #expect(results.images == serial.map { Optional($0) })
  }

  @Test("labels are exactly the requested subtypes; the mask is non-empty iff there is blood")
  func labelsAndMask() {
    var requests: [(HemorrhageRequest, Set<HemorrhageSubtype>?)] = [
      (.none, []), (.subtypes([]), []), (.subtypes([.intraparenchymal, .intraventricular]), nil),
      (.subtypes([.subdural, .subarachnoid]), nil),
    ]
    for subtype in HemorrhageSubtype.allCases { requests.append((.subtypes([subtype]), nil)) }
    for (request, _) in requests {
      for index in 0..<8 {
        let slice = generator.slice(index: index, hemorrhage: request)
        if case .subtypes(let set) = request {
          #expect(slice.labels.subtypes == set, "index \(index)")
        } else {
          #expect(slice.labels == .normal)
        }
        #expect(slice.bloodMask.isEmpty == !slice.labels.any, "\(request) index \(index)")
      }
    }
    for index in 0..<30 {
      let slice = generator.slice(index: index, hemorrhage: .anyHemorrhage)
      #expect(slice.labels.any)
      #expect(!slice.bloodMask.isEmpty, "any-hemorrhage index \(index)")
    }
  }

  @Test("HU values stay within the 12-bit CT range, and the sample keeps labels and mask")
  func rangeAndSample() throws {
    for index in 0..<10 {
      let slice = generator.slice(index: index, hemorrhage: index % 2 == 0 ? .none : .anyHemorrhage)
      let stats = slice.image.statistics
      #expect(stats.min >= -1024 && stats.max <= 3071)
      #expect(stats.min < -900, "air around the head")
      #expect(stats.max > 700, "cortical bone")
      let sample = slice.sample(label: 1)
      #expect(sample.label == 1)
      #expect(sample.source == "phantom seed 42 #\(index)")
      #expect(sample.hemorrhage == slice.labels)
      #expect(sample.bloodMask == slice.bloodMask)
      guard case .hounsfield(let image) = sample.pixels else {
        Issue.record("phantom samples hold Hounsfield units")
        return
      }
      #expect(image == slice.image)
    }
  }

  @Test("anyHemorrhage draws every subtype, subdural most often and epidural least")
  func anyPrevalence() {
    var counts: [HemorrhageSubtype: Int] = [:]
    for index in 0..<400 {
      for subtype in generator.slice(index: index, hemorrhage: .anyHemorrhage).labels.subtypes {
        counts[subtype, default: 0] += 1
      }
    }
    for subtype in HemorrhageSubtype.allCases { #expect(counts[subtype, default: 0] > 0) }
    #expect(counts[.subdural, default: 0] > counts[.epidural, default: 0] * 4)
  }
}

/// Collects images written from several threads.
private final class ImageBox: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [HUImage?]
  init(count: Int) { storage = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ image: HUImage) {
    lock.lock()
    storage[index] = image
    lock.unlock()
  }
  var images: [HUImage?] {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
