import Foundation
import HemoCore

/// A short checksum of what the synthetic generator draws: three fixed small slices, hashed.
/// It changes whenever the generator changes, so a backbone pretrained on older images can say
/// that it is out of date.
public enum PhantomFingerprint {
  /// The first 16 hex digits of the SHA-256 of three 64×64 slices (seed 1: normal, subdural,
  /// intraparenchymal).
  public static var current: String {
    let generator = PhantomGenerator(seed: 1, size: 64)
    var data = Data()
    let requests: [HemorrhageRequest] = [
      .none, .subtypes([.subdural]), .subtypes([.intraparenchymal]),
    ]
    for (index, request) in requests.enumerated() {
      for value in generator.slice(index: index, hemorrhage: request).image.pixels {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
      }
    }
    return String(SHA256.hex(data).prefix(16))
  }
}
