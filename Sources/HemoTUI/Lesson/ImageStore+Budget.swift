extension ImageStore {
  /// Most thumbnails kept: what the screen shows plus recently seen ones, never every image
  /// ever seen (a long session of browsing grew without bound).
  public static let thumbnailLimit = 256

  /// Drops the thumbnails the screen does not show once there are more than `limit`.
  public mutating func pruneThumbnails(keeping shown: Set<ImageKey>, limit: Int = thumbnailLimit) {
    guard thumbnails.count > limit else { return }
    for key in thumbnails.keys where !shown.contains(key) { thumbnails[key] = nil }
  }
}
