import Foundation

@testable import HemoTrain

/// A plain float64 implementation of a planned network's loss (no SIMD, no workspaces), the
/// reference for the gradient checks: mean softmax cross-entropy over the given images.
struct ReferenceNetwork {
  let plan: NetworkPlan

  /// Logits for one planar (C×H×W) image.
  func logits(_ parameters: [Double], image: [Double]) -> [Double] {
    let shape = plan.input
    var (h, w, c) = (shape.height, shape.width, shape.channels)
    // Channels-last working copy.
    var x = [Double](repeating: 0, count: h * w * c)
    for y in 0..<h {
      for xx in 0..<w {
        for ch in 0..<c { x[(y * w + xx) * c + ch] = image[(ch * h + y) * w + xx] }
      }
    }
    for stage in plan.convs {
      var out = [Double](repeating: 0, count: h * w * stage.cout)
      for y in 0..<h {
        for xx in 0..<w {
          for co in 0..<stage.cout {
            var sum = parameters[stage.biasOffset + co]
            for ky in 0..<3 {
              for kx in 0..<3 {
                let (iy, ix) = (y + ky - 1, xx + kx - 1)
                guard (0..<h).contains(iy), (0..<w).contains(ix) else { continue }
                for ci in 0..<c {
                  sum +=
                    x[(iy * w + ix) * c + ci]
                    * parameters[stage.weightOffset + ((ky * 3 + kx) * c + ci) * stage.cout + co]
                }
              }
            }
            out[(y * w + xx) * stage.cout + co] = stage.relu ? max(sum, 0) : sum
          }
        }
      }
      c = stage.cout
      if stage.pool {
        var pooled = [Double](repeating: 0, count: (h / 2) * (w / 2) * c)
        for y in 0..<(h / 2) {
          for xx in 0..<(w / 2) {
            for ch in 0..<c {
              pooled[(y * (w / 2) + xx) * c + ch] = [(0, 0), (0, 1), (1, 0), (1, 1)].map {
                out[((2 * y + $0.0) * w + 2 * xx + $0.1) * c + ch]
              }.max()!
            }
          }
        }
        (h, w) = (h / 2, w / 2)
        out = pooled
      }
      x = out
    }
    for stage in plan.denses {
      var out = [Double](repeating: 0, count: stage.outputs)
      for j in 0..<stage.outputs {
        var sum = parameters[stage.biasOffset + j]
        for i in 0..<stage.inputs {
          sum += x[i] * parameters[stage.weightOffset + i * stage.outputs + j]
        }
        out[j] = stage.relu ? max(sum, 0) : sum
      }
      x = out
    }
    return x
  }

  func loss(_ parameters: [Double], images: [[Double]], labels: [Int]) -> Double {
    var total = 0.0
    for (image, label) in zip(images, labels) {
      let z = logits(parameters, image: image)
      let top = z.max()!
      let logSum = log(z.reduce(0) { $0 + exp($1 - top) }) + top
      total += logSum - z[label]
    }
    return total / Double(labels.count)
  }
}
