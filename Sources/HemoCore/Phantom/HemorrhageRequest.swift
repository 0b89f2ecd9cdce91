/// What blood to put in a generated slice.
public enum HemorrhageRequest: Sendable, Hashable, Codable {
  /// A normal slice: no blood.
  case none
  /// Exactly these subtypes (for example `[.subdural]`); an empty set means a normal slice.
  case subtypes(Set<HemorrhageSubtype>)
  /// RSNA's "any": subtypes drawn with their relative prevalence in the RSNA data, co-occurring as
  /// they do in real bleeds (intraparenchymal with intraventricular, subdural with subarachnoid).
  case anyHemorrhage

  /// A number that identifies the request, mixed into the slice's random stream.
  var streamKey: UInt64 {
    switch self {
    case .none: return 0x51
    case .anyHemorrhage: return 0xA7
    case .subtypes(let set):
      var key: UInt64 = 0x1000
      for (bit, subtype) in HemorrhageSubtype.allCases.enumerated() where set.contains(subtype) {
        key |= 1 << UInt64(bit)
      }
      return key
    }
  }
}
