import Foundation
import HemoCore

extension LessonController {
  /// The learner's own data being opened, or in use; nil with the built-in images.
  public var dataOpening: DataOpening? { opening.withLock { $0 } }

  /// Opens a `.tm` project, an RSNA folder or class folders at `path` on a background thread and
  /// makes the experiments train on it (as `run --project/--data` does): experiment `first`
  /// first (it must accept the data, or nothing changes), then the others; one that cannot use
  /// the data keeps its built-in images. Progress and the outcome are in `dataOpening`.
  public func openData(at path: String, first: Int?) {
    let expanded = (path as NSString).expandingTildeInPath
    let url = URL(fileURLWithPath: expanded).standardizedFileURL
    let previous: DataOpening?? = opening.withLock { current in
      if let current, !current.isFinished { return .none }
      let before = current
      current = DataOpening(path: path, name: url.lastPathComponent)
      return .some(before)
    }
    guard case .some(let before) = previous else { return }
    announce(.opening)
    var order = catalog.experiments.map(\.id)
    if let first, let index = order.firstIndex(of: first) {
      order.remove(at: index)
      order.insert(first, at: 0)
    }
    let ids = order
    let thread = Thread { [self] in
      let source: Source
      do throws(HemoError) {
        source = try Self.read(url) { stage, fraction in
          self.opening.withLock {
            $0?.stage = stage
            $0?.fraction = min(1, max(0, fraction)) / Double(ids.count + 1)
          }
          self.announce(.opening)
        }
      } catch {
        fail(error, before: before, path: path, url: url)
        return
      }
      for (n, id) in ids.enumerated() {
        guard let template = catalog.experiments.first(where: { $0.id == id }) else { continue }
        let seed = slot(id)?.config.seed ?? template.training.seed
        do throws(HemoError) {
          let loaded = try Self.load(source, template: template, seed: seed, threads: threads) {
            stage, fraction in
            self.opening.withLock {
              $0?.stage = "experiment \(id): \(stage)"
              $0?.fraction = (Double(n + 1) + min(1, max(0, fraction))) / Double(ids.count + 1)
            }
            self.announce(.opening)
          }
          install(loaded, for: id)
          opening.withLock { $0?.used.append(id) }
        } catch {
          if n == 0 {
            fail(error, before: before, path: path, url: url)
            return
          }
          opening.withLock { $0?.skipped[id] = error.problem }
        }
      }
      opening.withLock {
        $0?.fraction = 1
        $0?.stage = "done"
        $0?.isFinished = true
      }
      announce(.opening)
    }
    thread.name = "HemoLab open data"
    thread.start()
  }

  /// Records a failed opening: nothing changed, the data in use (if any) stays, with the error.
  private func fail(_ error: HemoError, before: DataOpening?, path: String, url: URL) {
    var failed = before ?? DataOpening(path: path, name: url.lastPathComponent)
    if before == nil { failed.stage = "failed" }
    failed.error = HemoError(file: error.file, error.problem).description
    failed.isFinished = true
    opening.withLock { $0 = failed }
    announce(.opening)
  }

  /// Goes back to the built-in synthetic images for every experiment (they are generated again
  /// when next needed). Ignored while data is still being opened.
  public func useBuiltInData() {
    let busy: Bool = opening.withLock { current in
      if let current, !current.isFinished { return true }
      current = nil
      return false
    }
    guard !busy else { return }
    let changed: [Int] = slots.withLock { slots in
      var changed: [Int] = []
      for experiment in catalog.experiments {
        let synthetic = ExperimentRunner.describeSynthetic(experiment)
        guard var slot = slots[experiment.id],
          slot.experiment != experiment || slot.dataDescription != synthetic
        else { continue }
        slot.reset(to: experiment, description: synthetic)
        slots[experiment.id] = slot
        changed.append(experiment.id)
      }
      return changed
    }
    announce(.opening)
    for id in changed { announce(.data(id)) }
  }

  /// What was read from the path, once for all experiments.
  enum Source {
    case project(TeachableMachineProject, URL)
    case folder(RealData.OpenedFolder)
  }

  /// Reads `url`: a `.tm` file as a project, a folder as RSNA or class folders.
  static func read(_ url: URL, progress: (String, Double) -> Void) throws(HemoError) -> Source {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw HemoError(file: url.path, "no such file or folder")
    }
    if isDirectory.boolValue {
      return .folder(try RealData.openFolder(url, progress: progress))
    }
    guard url.pathExtension.lowercased() == "tm" else {
      throw HemoError(
        file: url.path, "is not a Teachable Machine project (.tm) or a folder",
        advice: "give a .tm file, an RSNA folder, or a folder with one subfolder per class")
    }
    progress("reading the project", 0)
    return .project(try TeachableMachineProject.read(url), url)
  }

  /// `source` as `template`'s data.
  static func load(
    _ source: Source, template: ExperimentDefinition, seed: UInt64, threads: Int,
    progress: (String, Double) -> Void
  ) throws(HemoError) -> RealData.Loaded {
    switch source {
    case .project(let project, let url):
      return try RealData.project(
        project, url: url, template: template,
        catalog: ExperimentCatalog(experiments: [template]), threads: threads
      ) { progress("preparing images", $0) }
    case .folder(let opened):
      return try RealData.folder(
        opened, template: template, seed: seed, threads: threads, progress: progress)
    }
  }

  /// Puts `loaded` in experiment `id`'s slot, stopping its session.
  private func install(_ loaded: RealData.Loaded, for id: Int) {
    slots.withLock { slots in
      guard var slot = slots[id] else { return }
      slot.reset(to: loaded.experiment, description: loaded.description)
      slot.data = loaded.data
      slots[id] = slot
    }
    announce(.data(id))
  }
}
