import ArgumentParser
import HemoCore

/// The `--hemorrhage` value of `show` and `phantom`: none (or normal), any, or a comma-separated
/// list of subtypes such as `subdural,intraventricular`.
enum HemorrhageOption {
  /// The request `text` names; `keywords` lists the words the command accepts, for the error.
  static func request(_ text: String, keywords: String) throws -> HemorrhageRequest {
    let text = text.lowercased().trimmingCharacters(in: .whitespaces)
    switch text {
    case "none", "normal": return .none
    case "any": return .anyHemorrhage
    default:
      var set = Set<HemorrhageSubtype>()
      for part in text.split(separator: ",") {
        let name = part.trimmingCharacters(in: .whitespaces)
        guard let subtype = HemorrhageSubtype(rawValue: name) else {
          throw ValidationError(
            "unknown --hemorrhage '\(name)': use \(keywords), or subtypes such as subdural")
        }
        set.insert(subtype)
      }
      return .subtypes(set)
    }
  }
}
