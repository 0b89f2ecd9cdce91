/// Which RSNA labels make an image belong to an experiment's class: "normal" (no hemorrhage),
/// "any hemorrhage", "only subdural" (that subtype and no other), "contains subdural".
public enum RSNALabelRule: Sendable, Hashable, CustomStringConvertible {
  /// No hemorrhage at all (RSNA `any` = 0).
  case normal
  /// At least one subtype (RSNA `any` = 1).
  case anyHemorrhage
  /// Exactly this subtype and no other.
  case only(HemorrhageSubtype)
  /// This subtype, possibly with others.
  case contains(HemorrhageSubtype)

  public func matches(_ labels: HemorrhageLabels) -> Bool {
    matches(mask: RSNALabelMask.mask(labels))
  }

  /// The same test on the index's packed label bits (bit i = subtype i in `allCases` order).
  func matches(mask: UInt8) -> Bool {
    let subtypes = mask & RSNALabelMask.subtypeBits
    switch self {
    case .normal: return subtypes == 0
    case .anyHemorrhage: return subtypes != 0
    case .only(let subtype): return subtypes == RSNALabelMask.bit(subtype)
    case .contains(let subtype): return subtypes & RSNALabelMask.bit(subtype) != 0
    }
  }

  /// "normal", "any hemorrhage", "subdural only", "contains subdural".
  public var description: String {
    switch self {
    case .normal: "normal"
    case .anyHemorrhage: "any hemorrhage"
    case .only(let subtype): "\(subtype.rawValue) only"
    case .contains(let subtype): "contains \(subtype.rawValue)"
    }
  }

  /// Parses the words used on the command line and in experiment files: `normal`, `any`,
  /// `subdural` or `only:subdural` (exactly that subtype), `contains:subdural`.
  public init?(parsing text: String) {
    let lowered = text.lowercased()
    func subtype(_ name: Substring) -> HemorrhageSubtype? {
      HemorrhageSubtype(rawValue: String(name))
    }
    if lowered == "normal" || lowered == "none" {
      self = .normal
    } else if lowered == "any" || lowered == "hemorrhage" {
      self = .anyHemorrhage
    } else if lowered.hasPrefix("contains:"), let found = subtype(lowered.dropFirst(9)) {
      self = .contains(found)
    } else if lowered.hasPrefix("only:"), let found = subtype(lowered.dropFirst(5)) {
      self = .only(found)
    } else if let found = subtype(lowered[...]) {
      self = .only(found)
    } else {
      return nil
    }
  }
}

/// Packs HemorrhageLabels into a byte: bit i = subtype i (allCases order).
enum RSNALabelMask {
  static let subtypeBits: UInt8 = 0b1_1111

  static func bit(_ subtype: HemorrhageSubtype) -> UInt8 {
    UInt8(1) << UInt8(HemorrhageSubtype.allCases.firstIndex(of: subtype)!)
  }

  static func mask(_ labels: HemorrhageLabels) -> UInt8 {
    labels.subtypes.reduce(0) { $0 | bit($1) }
  }

  static func labels(_ mask: UInt8) -> HemorrhageLabels {
    HemorrhageLabels(Set(HemorrhageSubtype.allCases.filter { mask & bit($0) != 0 }))
  }
}
