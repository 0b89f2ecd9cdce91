/// Class names fitted to a width: the full name when it fits, else its usual radiology
/// abbreviation (EDH, IPH, IVH, SAH, SDH), else the name cut with an ellipsis.
enum ClassNameFit {
  /// The usual radiology abbreviation of a hemorrhage subtype's name, if it has one.
  static func abbreviation(of name: String) -> String? {
    let abbreviations = [
      "epidural": "EDH", "intraparenchymal": "IPH", "intraventricular": "IVH",
      "subarachnoid": "SAH", "subdural": "SDH",
    ]
    return abbreviations[name.lowercased()]
  }

  /// `name`, or its abbreviation when `name` is longer than `width` (the result may still be
  /// longer than `width` when there is no abbreviation).
  static func title(_ name: String, width: Int) -> String {
    guard name.count > width else { return name }
    return abbreviation(of: name) ?? name
  }

  /// `name` in at most `width` columns: whole, abbreviated, or cut with `ellipsis`.
  static func fitted(_ name: String, width: Int, ellipsis: Character) -> String {
    Canvas.truncate(title(name, width: width), to: width, ellipsis: ellipsis)
  }
}
