import HemoCore

extension ExperimentFile {
  /// The names `draw` accepts.
  public static var drawRules: [String] { DrawRequest.names }

  /// Checks everything JSON decoding cannot: ranges, names, references. Throws one HemoError
  /// naming the file and the field.
  public func validate(file: String) throws(HemoError) {
    func fail(_ problem: String) -> HemoError {
      HemoError(file: file, problem, advice: "fix the experiment file")
    }
    if title.isEmpty { throw fail("title is empty") }
    if classes.count < 2 {
      throw fail("an experiment needs at least 2 classes, found \(classes.count)")
    }
    if classes.count > 10 { throw fail("at most 10 classes are supported, found \(classes.count)") }
    var seen = Set<String>()
    for (index, item) in classes.enumerated() {
      if item.name.isEmpty { throw fail("classes[\(index)].name is empty") }
      if !seen.insert(item.name).inserted {
        throw fail("class name \"\(item.name)\" appears twice")
      }
      if item.count < 2 || item.count > 20_000 {
        throw fail("classes[\(index)].count must be 2…20000, found \(item.count)")
      }
      if !Self.drawRules.contains(item.draw) {
        throw fail(
          "classes[\(index)].draw \"\(item.draw)\" is not one of \(Self.drawRules.joined(separator: ", "))"
        )
      }
    }
    if let positiveClass, !classes.contains(where: { $0.name == positiveClass }) {
      throw fail("positiveClass \"\(positiveClass)\" is not one of the classes")
    }
    if Window.preset(named: preprocessing.window) == nil {
      throw fail(
        "preprocessing.window \"\(preprocessing.window)\" is not one of "
          + Window.presets.map(\.name).joined(separator: ", "))
    }
    if let band = preprocessing.colourCoding, band.count != 2 || !(band[0] < band[1]) {
      throw fail("preprocessing.colourCoding must be [low, high] with low < high")
    }
    if preprocessing.channels != 1 && preprocessing.channels != 3 {
      throw fail("preprocessing.channels must be 1 or 3, found \(preprocessing.channels)")
    }
    if preprocessing.colourCoding != nil && preprocessing.channels != 3 {
      throw fail("colour-coding needs preprocessing.channels 3")
    }
    if !(8...256).contains(preprocessing.inputSize) {
      throw fail("preprocessing.inputSize must be 8…256, found \(preprocessing.inputSize)")
    }
    if !(1...1000).contains(training.epochs) { throw fail("training.epochs must be 1…1000") }
    if !(1...1024).contains(training.batchSize) { throw fail("training.batchSize must be 1…1024") }
    if !(training.learningRate > 0 && training.learningRate < 10) {
      throw fail("training.learningRate must be between 0 and 10")
    }
    if let optimizer = training.optimizer, optimizer != "adam" && optimizer != "sgd" {
      throw fail("training.optimizer must be adam or sgd, found \"\(optimizer)\"")
    }
    if let decay = training.learningRateDecay, decay != "cosine" {
      throw fail("training.learningRateDecay must be \"cosine\" or absent, found \"\(decay)\"")
    }
    if let fraction = training.testFraction, !(0.05...0.5).contains(fraction) {
      throw fail("training.testFraction must be 0.05…0.5, found \(fraction)")
    }
    if let shift = training.augmentation?.shift,
      !(0...(preprocessing.inputSize / 4)).contains(shift)
    {
      throw fail(
        "training.augmentation.shift must be 0…\(preprocessing.inputSize / 4) (a quarter of the input), found \(shift)"
      )
    }
    if let size = data.sliceSize, !(32...1024).contains(size) {
      throw fail("data.sliceSize must be 32…1024")
    }
    if let counts = data.freshTestCounts,
      counts.count != classes.count || counts.contains(where: { !(0...5000).contains($0) })
    {
      throw fail(
        "data.freshTestCounts must give 0…5000 images for each of the \(classes.count) classes")
    }
    if let perClass = data.freshTestPerClass, !(0...5000).contains(perClass) {
      throw fail("data.freshTestPerClass must be 0…5000")
    }
    if let population = data.population {
      for (name, value) in [
        ("acuteFraction", population.acuteFraction),
        ("hyperacuteFraction", population.hyperacuteFraction),
        ("subtleFraction", population.subtleFraction),
      ] {
        if let value, !(0...1).contains(value) { throw fail("data.population.\(name) must be 0…1") }
      }
      if (population.acuteFraction ?? 0) + (population.hyperacuteFraction ?? 0) > 1 {
        throw fail("data.population: acuteFraction + hyperacuteFraction must not exceed 1")
      }
      if let mean = population.acuteDensityMean, !(52...88).contains(mean) {
        throw fail("data.population.acuteDensityMean must be 52…88 HU")
      }
      if let scale = population.bleedSizeScale, !(0.2...3).contains(scale) {
        throw fail("data.population.bleedSizeScale must be 0.2…3")
      }
      if let weights = population.levelWeights,
        weights.count != 3 || weights.contains(where: { $0 < 0 }) || weights.reduce(0, +) <= 0
      {
        throw fail(
          "data.population.levelWeights must be three non-negative weights (posterior fossa, ventricles, above)"
        )
      }
    }
    if network.isEmpty { throw fail("network lists no layers") }
    if let matrix = courseResult?.matrix,
      matrix.count != classes.count || matrix.contains(where: { $0.count != classes.count })
    {
      throw fail("courseResult.matrix must be \(classes.count)×\(classes.count)")
    }
  }
}
