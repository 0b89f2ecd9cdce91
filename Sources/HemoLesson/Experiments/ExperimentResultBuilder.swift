import HemoCore
import HemoTrain

extension ExperimentResult {
  /// Gathers the result of a finished run from its last snapshot.
  public init(
    experiment: ExperimentDefinition, data: ExperimentData, dataDescription: String,
    config: TrainingConfig,
    snapshot: Snapshot, evaluation: Evaluation, comparedWith previous: ExperimentResult? = nil
  ) {
    let matrix = evaluation.matrix
    let classCount = matrix.classNames.count
    let classes = (0..<classCount).map { index in
      ClassSummary(
        name: matrix.classNames[index],
        images: snapshot.trainCounts[index] + snapshot.testCounts[index],
        train: snapshot.trainCounts[index], test: snapshot.testCounts[index],
        accuracy: Interval(matrix.recall(index)), precision: Interval(matrix.precision(index)))
    }
    let positive = config.positiveClass
    let predictions = zip(evaluation.testIndices, evaluation.probabilities).map {
      index, probabilities in
      Prediction(
        image: index, source: data.origins[index].label, truth: data.dataset.labels[index],
        predicted: probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0,
        probabilities: probabilities)
    }
    let optimizerName: String
    switch config.optimizer {
    case .adam: optimizerName = "Adam"
    case .sgd(let momentum): optimizerName = "SGD (momentum \(momentum))"
    }
    self.init(
      experiment: experiment.id, title: experiment.title, teachingPoint: experiment.teachingPoint,
      data: dataDescription,
      settings: Settings(
        epochs: config.epochs, batchSize: config.batchSize, learningRate: config.learningRate,
        optimizer: optimizerName, seed: config.seed, classWeighting: config.classWeighting,
        threads: config.threads, inputSize: data.preprocessing.inputSize,
        channels: data.preprocessing.channels,
        window: data.preprocessing.window.label,
        colourCoding: data.preprocessing.colourCoding.map { [$0.low, $0.high] },
        augmentation: config.augmentation.isActive ? config.augmentation.label : nil,
        backbone: config.backboneMode,
        learningRateSchedule: config.learningRateSchedule),
      classes: classes, epochs: snapshot.epochs, confusionMatrix: matrix.counts,
      accuracy: Interval(matrix.accuracy),
      positiveClass: classCount == 2 ? matrix.classNames[positive] : nil,
      sensitivity: evaluation.sensitivity.map(Interval.init),
      specificity: evaluation.specificity.map(Interval.init),
      predictions: predictions, reading: "", pointShown: nil, trainingSeconds: snapshot.elapsed,
      imagesPerSecond: snapshot.imagesPerSecond, courseResult: experiment.courseResult)
    let reading = LessonReading(result: self, previous: previous)
    self.reading = reading.text
    self.pointShown = reading.pointShown
  }
}
