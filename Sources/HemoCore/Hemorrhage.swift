/// The five intracranial hemorrhage subtypes that the RSNA 2019 dataset labels.
public enum HemorrhageSubtype: String, CaseIterable, Codable, Sendable, Hashable {
  case epidural
  case intraparenchymal
  case intraventricular
  case subarachnoid
  case subdural

  /// Name for a clinician, e.g. "Subdural".
  public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The six RSNA labels of one slice: one flag per subtype, and `any`.
public struct HemorrhageLabels: Sendable, Hashable, Codable {
  public private(set) var subtypes: Set<HemorrhageSubtype>

  public init(_ subtypes: Set<HemorrhageSubtype> = []) {
    self.subtypes = subtypes
  }

  public static let normal = HemorrhageLabels()

  /// RSNA's `any` label: at least one subtype is present.
  public var any: Bool { !subtypes.isEmpty }

  public func contains(_ subtype: HemorrhageSubtype) -> Bool { subtypes.contains(subtype) }

  public mutating func insert(_ subtype: HemorrhageSubtype) { subtypes.insert(subtype) }

  /// The six labels in RSNA's CSV order: epidural, intraparenchymal, intraventricular,
  /// subarachnoid, subdural, any.
  public var rsnaRow: [Bool] {
    HemorrhageSubtype.allCases.map { subtypes.contains($0) } + [any]
  }
}
