import Foundation

/// The structures inside (and at the base of) the skull for one slice level: ventricles, deep grey
/// nuclei, fissures and cisterns, skull base bones, orbits and sinuses, calcifications.
///
/// Positions are fractions of the brain's half-width (x) and half-length (y, posterior +);
/// sizes are millimetres. Later shapes paint over earlier ones (so the caudate head indents the
/// frontal horn).
enum PhantomAnatomy {
  static func structures(scene: PhantomScene, level: SliceLevel, rng: inout SeededRNG)
    -> [PhantomShape]
  {
    var builder = Builder(scene: scene)
    switch level {
    case .posteriorFossa: builder.skullBase(rng: &rng)
    case .ventricles: builder.ventricularLevel(rng: &rng)
    case .supraventricular: builder.convexity(rng: &rng)
    }
    builder.finish(rng: &rng)
    return builder.list
  }

  /// Collects shapes for one slice.
  struct Builder {
    let scene: PhantomScene
    let p: PhantomPatient
    let w: Double
    let l: Double
    let z: Double
    /// Ventricle and cistern enlargement with atrophy.
    let swell: Double
    let csf: Float
    var list: [PhantomShape] = []
    /// Ventricles on this side (−1 left, +1 right) are compressed by a mass; 0: none.
    let compressedSide: Double
    let compression: Double

    init(scene: PhantomScene) {
      self.scene = scene
      p = scene.patient
      w = scene.brainHalfWidth
      l = scene.brainHalfLength
      z = scene.plan.z
      swell = 1 + p.atrophy * 1.6
      csf = p.csfHU
      let shift = scene.plan.midlineShift
      compressedSide = abs(shift) > 1.5 ? (shift > 0 ? -1 : 1) : 0
      compression = min(0.65, abs(shift) / 12)
    }

    func at(_ u: Double, _ v: Double) -> (Double, Double) { (u * w, v * l) }

    /// The outer head radius straight ahead / to the side.
    func outer(angle: Double) -> Double {
      let bin = Int((angle + Double.pi) / (2 * Double.pi) * Double(PhantomScene.bins))
      let clamped = max(0, min(PhantomScene.bins - 1, bin))
      return Double(scene.table[clamped * PhantomScene.Field.count + PhantomScene.Field.outer])
    }

    /// A ventricle's size factor on `side`: compressed next to a mass, slightly wider opposite.
    func squeeze(_ side: Double) -> Double {
      if compressedSide == 0 { return 1 }
      return side == compressedSide ? 1 - compression : 1 + compression * 0.25
    }

    mutating func add(_ shape: PhantomShape) { list.append(shape) }

    mutating func cistern(
      _ a: (Double, Double), _ b: (Double, Double), radius: Double, blood: Double
    ) {
      var shape = PhantomShape.capsule(.cistern, csf, a, b, radius: radius)
      shape.blood = Float(blood)
      list.append(shape)
    }

    mutating func cisternEllipse(
      _ c: (Double, Double), rx: Double, ry: Double, angle: Double = 0, blood: Double
    ) {
      var shape = PhantomShape.ellipse(.cistern, csf, center: c, rx: rx, ry: ry, angle: angle)
      shape.blood = Float(blood)
      list.append(shape)
    }

    /// Subarachnoid blood in the basal cisterns (all of them when the plan says so).
    var basalBlood: Double { scene.plan.subarachnoidCisterns ? 1 : 0 }

    /// Blood in the sylvian fissure on `side`: with basal blood, or when the sulcal sector
    /// reaches that side.
    func sylvianBlood(_ side: Double, rng: inout SeededRNG) -> Double {
      if scene.plan.subarachnoidCisterns { return rng.chance(0.75) ? 1 : 0.5 }
      if let sector = scene.plan.subarachnoidSector {
        let lateral = side > 0 ? 0.0 : Double.pi
        let gap = abs(PhantomMath.angleDifference(sector.center, lateral))
        return gap < sector.halfWidth + 0.5 ? 1 : 0
      }
      return 0
    }

    // MARK: Levels

    /// Skull base: orbits, sinuses, sphenoid wings, petrous bones with mastoid air, clivus,
    /// brainstem, fourth ventricle, cerebellum, temporal lobes and horns.
    mutating func skullBase(rng: inout SeededRNG) {
      let zz = z / PhantomLevels.ventricleBottom
      let bone = p.corticalBoneHU
      let front = outer(angle: -Double.pi / 2)
      let side = outer(angle: 0)
      let mirror: [Double] = [1, -1]
      // Temporal horns and the brainstem (slightly denser than cortex).
      for s in mirror {
        add(
          .capsule(
            .ventricle, csf, at(s * 0.46, -0.16), at(s * 0.4, -0.04),
            radius: (0.8 + p.atrophy * 1.8) * squeeze(s)))
      }
      add(.ellipse(.soft, p.whiteHU + 3, center: at(0, 0.07), rx: 0.19 * w, ry: 0.14 * l))
      // Fourth ventricle (kidney-shaped: the brainstem bulges into its front) and the cisterna
      // magna / vermis cleft behind it.
      add(
        .ellipse(
          .ventricle, csf, center: at(0, 0.25), rx: (4.5 + p.atrophy * 2) * swell,
          ry: 3.2 * swell))
      add(.ellipse(.soft, p.whiteHU + 3, center: at(0, 0.2), rx: 2.2, ry: 2))
      cistern(at(0, 0.62), at(0, 1.02), radius: 0.8 * swell, blood: 0)
      // Prepontine cistern between clivus and pons.
      cisternEllipse(at(0, -0.1), rx: 0.16 * w * swell, ry: 1.8 * swell, blood: basalBlood)
      if zz > 0.6 {
        // Suprasellar cistern (the "star" subarachnoid blood fills) and ambient cisterns.
        cisternEllipse(at(0, -0.2), rx: 7 * swell, ry: 5 * swell, blood: basalBlood)
        for s in mirror {
          cistern(at(s * 0.08, -0.22), at(s * 0.5, -0.32), radius: 1.4 * swell, blood: basalBlood)
          cistern(at(s * 0.2, 0.0), at(s * 0.12, 0.2), radius: 1.1 * swell, blood: basalBlood)
        }
      }
      // Mastoid process with air cells, then the petrous pyramid as a tapering wedge.
      if zz < 0.95 {
        for s in mirror {
          let base = at(s * 0.86, 0.3)
          add(.ellipse(.solid, 700, center: base, rx: 9, ry: 11))
          for _ in 0..<rng.integer(in: 5...9) {
            let c = (base.0 + rng.uniform(-7, 7), base.1 + rng.uniform(-8, 8))
            let r = rng.uniform(0.8, 2.4)
            add(.ellipse(.solid, -850, center: c, rx: r, ry: r * rng.uniform(0.7, 1.3)))
          }
          let apex = at(s * 0.2, -0.06)
          let start = at(s * 0.8, 0.26)
          let angle = atan2(apex.1 - start.1, apex.0 - start.0)
          let length = hypot(apex.0 - start.0, apex.1 - start.1)
          let thin = zz > 0.7 ? 0.6 : 1.0
          for (t, half) in [(0.25, 8.0), (0.55, 5.5), (0.82, 3.2)] {
            let c = (start.0 + (apex.0 - start.0) * t, start.1 + (apex.1 - start.1) * t)
            add(
              .ellipse(
                .solid, bone * 0.95, center: c, rx: length * 0.24, ry: half * thin,
                angle: angle))
          }
        }
      }
      // Greater sphenoid wings: curved bone between the orbit/frontal lobe and temporal lobe.
      if zz > 0.3 {
        for s in mirror {
          let arc = [
            at(s * 0.97, -0.3), at(s * 0.72, -0.45), at(s * 0.45, -0.5), at(s * 0.22, -0.4),
          ]
          for k in 0..<3 {
            add(.capsule(.solid, bone * 0.8, arc[k], arc[k + 1], radius: 1.8 - 0.3 * Double(k)))
          }
        }
      }
      // Sphenoid body with its sinus, and the clivus.
      if zz < 0.8 {
        add(.ellipse(.solid, 650, center: at(0, -0.33), rx: 0.16 * w, ry: 0.13 * l))
        add(.ellipse(.solid, -900, center: at(0, -0.34), rx: 0.14 * w, ry: 0.11 * l))
        add(.capsule(.solid, 500, at(0.01, -0.44), at(-0.01, -0.24), radius: 0.5))
        add(.capsule(.solid, bone * 0.85, at(0, -0.26), at(0, -0.18), radius: 3.5))
      } else {
        add(.capsule(.solid, bone * 0.8, at(-0.06, -0.08), at(0.06, -0.08), radius: 1.5))
      }
      // Orbits (fat, globe and lens, optic nerve, bony walls) and ethmoid air cells in front.
      if zz < 0.6 {
        let ox = 0.36 * side
        for s in mirror {
          add(
            .ellipse(
              .solid, -80, center: (s * ox, -front + 27), rx: 15, ry: 21, angle: s * 0.3))
          add(
            .capsule(
              .solid, bone * 0.8, (s * (ox + 15), -front + 10), (s * (ox + 8), -front + 42),
              radius: 2))
          add(.capsule(.solid, 35, (s * ox, -front + 28), (s * ox * 0.35, -front + 55), radius: 2))
          add(.ellipse(.solid, 12, center: (s * ox, -front + 17.5), rx: 11.5, ry: 11))
          add(.ellipse(.solid, 95, center: (s * ox, -front + 7.5), rx: 4, ry: 1.5))
        }
        // Ethmoid labyrinth: air cells between thin bony septa.
        let half = ox - 13
        add(.ellipse(.solid, -870, center: (0, -front + 28), rx: half, ry: 20))
        add(.capsule(.solid, 500, (0, -front + 8), (0, -front + 48), radius: 0.7))
        for _ in 0..<rng.integer(in: 5...8) {
          let y = -front + 28 + rng.uniform(-16, 16)
          let x = rng.uniform(0.2, 0.9) * half * (rng.chance(0.5) ? 1 : -1)
          add(.capsule(.solid, 450, (x - 4, y + rng.uniform(-3, 3)), (x + 4, y), radius: 0.6))
        }
      }
    }

    /// Basal ganglia, thalami, third and lateral ventricles, insula and sylvian fissures.
    mutating func ventricularLevel(rng: inout SeededRNG) {
      let zz =
        (z - PhantomLevels.ventricleBottom)
        / (PhantomLevels.ventricleTop - PhantomLevels.ventricleBottom)
      let mirror: [Double] = [1, -1]
      midline(rng: &rng)
      let wide = 1 + p.atrophy * 1.4
      if zz < 0.55 {
        for s in mirror {
          // Deep grey: thalamus, lentiform nucleus, insular cortex (internal and external
          // capsules are the white matter left between them).
          add(
            .ellipse(
              .deepGrey, -1.5, center: at(s * 0.15, 0.08), rx: 0.12 * w, ry: 0.13 * l,
              angle: s * 0.15))
          add(
            .ellipse(
              .deepGrey, -0.5, center: at(s * 0.37, -0.06), rx: 0.085 * w, ry: 0.2 * l,
              angle: -s * 0.22))
          add(.capsule(.deepGrey, 0, at(s * 0.53, -0.3), at(s * 0.53, 0.14), radius: 2.6))
          // Sylvian cistern along the insula, open to the lateral surface.
          let sylvian = sylvianBlood(s, rng: &rng)
          let gap = 0.9 + p.atrophy * 2.2
          let bend = rng.uniform(-0.06, 0.06)
          cistern(at(s * 0.585, -0.26), at(s * 0.6, 0.1), radius: gap, blood: sylvian)
          cistern(
            at(s * 0.59, -0.1), at(s * 0.78, -0.2 + bend), radius: gap * 1.3, blood: sylvian)
          cistern(
            at(s * 0.78, -0.2 + bend), at(s * 1.03, -0.14 + bend), radius: gap * 1.1,
            blood: sylvian)
        }
        // Frontal horns: butterfly, septum pellucidum between them, caudate heads indenting
        // their lateral walls; third ventricle a slit; atria and occipital horns behind.
        for s in mirror {
          let k = squeeze(s)
          let rx = 0.06 * w * wide * k
          let cx = max(0.08 * w, rx + 1.3)
          add(
            .ellipse(
              .ventricle, csf, center: (s * cx, -0.25 * l), rx: rx, ry: 0.14 * l * (0.7 + 0.3 * k),
              angle: s * 0.45))
          add(
            .ellipse(
              .deepGrey, -1, center: at(s * 0.2, -0.19), rx: 0.075 * w, ry: 0.11 * l,
              angle: s * 0.3))
          let r = 2.2 * wide * k
          add(.capsule(.ventricle, csf, at(s * 0.17, 0.2), at(s * 0.25, 0.4), radius: r))
          add(.capsule(.ventricle, csf, at(s * 0.25, 0.4), at(s * 0.18, 0.53), radius: r * 0.6))
          if p.choroid {
            add(.ellipse(.solid, 150, center: at(s * 0.22, 0.33), rx: 2, ry: 2.6))
          }
        }
        add(
          .capsule(
            .ventricle, csf, at(0, -0.06), at(0, 0.12), radius: 0.9 + p.atrophy * 2.2))
        cisternEllipse(at(0, 0.27), rx: 4 * swell, ry: 2.5 * swell, blood: basalBlood * 0.8)
        if p.pineal { add(.ellipse(.solid, 260, center: at(0, 0.18), rx: 2, ry: 2.2)) }
      } else if zz < 0.8 {
        for s in mirror {
          let k = squeeze(s)
          // Bodies of the lateral ventricles: curved, widening back into the atria.
          let r = 2.9 * wide * k
          let cx = max(0.09 * w, r + 1.3)
          add(.capsule(.deepGrey, -1, at(s * 0.22, -0.3), at(s * 0.25, 0.08), radius: 2.5))
          add(
            .capsule(
              .ventricle, csf, (s * cx * 0.9, -0.36 * l), (s * cx * 1.25, -0.1 * l), radius: r))
          add(
            .capsule(
              .ventricle, csf, (s * cx * 1.25, -0.1 * l), (s * cx * 1.25, 0.15 * l),
              radius: r * 1.1))
          add(
            .capsule(
              .ventricle, csf, (s * cx * 1.25, 0.15 * l), at(s * 0.21, 0.38), radius: r * 1.1))
          if p.choroid {
            add(.ellipse(.solid, 150, center: at(s * 0.21, 0.3), rx: 2, ry: 2.5))
          }
        }
      } else {
        for s in mirror {
          let k = squeeze(s)
          add(
            .capsule(
              .ventricle, csf, at(s * 0.13, -0.22), at(s * 0.17, 0.25),
              radius: 1.2 * wide * k))
        }
      }
      whiteMatterDisease(periventricular: true, rng: &rng)
    }

    /// Above the ventricles: centrum semiovale, falx, deep convexity sulci.
    mutating func convexity(rng: inout SeededRNG) {
      midline(rng: &rng)
      whiteMatterDisease(periventricular: false, rng: &rng)
    }

    /// The interhemispheric fissure with cortex along it and the falx.
    mutating func midline(rng: inout SeededRNG) {
      let level = SliceLevel.of(z: z)
      let gap = 0.6 + p.atrophy * 1.4
      let segments: [((Double, Double), (Double, Double))] =
        level == .supraventricular
        ? [((0, -1.05), (0, -0.02)), ((0, -0.02), (0, 1.05))]
        : [((0, -1.05), (0, -0.45)), ((0, 0.55), (0, 1.05))]
      for (a, b) in segments {
        add(.capsule(.deepGrey, -0.5, at(a.0, a.1), at(b.0, b.1), radius: gap + 2.8))
      }
      for (index, (a, b)) in segments.enumerated() {
        // Interhemispheric blood sits mainly in the anterior fissure, and only in some bleeds.
        let blood =
          index == 0 && (scene.plan.subarachnoidCisterns || scene.plan.subarachnoidSector != nil)
            && rng.chance(0.35) ? 0.8 : 0
        cistern(at(a.0, a.1), at(b.0, b.1), radius: gap, blood: blood)
        add(.capsule(.membrane, 62, at(a.0, a.1), at(b.0, b.1), radius: 0.45))
      }
    }

    /// Patchy low density of chronic small-vessel disease.
    mutating func whiteMatterDisease(periventricular: Bool, rng: inout SeededRNG) {
      guard p.whiteMatterDisease else { return }
      let value = p.whiteHU - Float(rng.uniform(5, 9))
      for s: Double in [1, -1] {
        if periventricular {
          add(.ellipse(.soft, value, center: at(s * 0.2, -0.4), rx: 9, ry: 7))
          add(.ellipse(.soft, value, center: at(s * 0.28, 0.48), rx: 9, ry: 11))
        } else {
          for _ in 0..<rng.integer(in: 1...3) {
            let c = at(s * rng.uniform(0.15, 0.4), rng.uniform(-0.4, 0.4))
            add(.ellipse(.soft, value, center: c, rx: rng.uniform(4, 9), ry: rng.uniform(6, 14)))
          }
        }
      }
    }

    /// After a subdural is evacuated, air rises to the front of the supine head: pockets under
    /// the frontal inner table (pneumocephalus), larger on the operated side.
    mutating func postoperativeAir(rng: inout SeededRNG) {
      typealias F = PhantomScene.Field
      let t = scene.table
      let side = scene.plan.extraAxial.first.map { cos($0.centerAngle) > 0 ? 1.0 : -1.0 } ?? 1
      for _ in 0..<rng.integer(in: 1...4) {
        let theta = -Double.pi / 2 + side * rng.uniform(-0.25, 0.7)
        let bin = max(
          0,
          min(
            PhantomScene.bins - 1,
            Int((theta + Double.pi) / (2 * Double.pi) * Double(PhantomScene.bins))))
        let row = bin * F.count
        let inner = Double(
          t[row + F.outer] - PhantomRenderer.skin - t[row + F.fat] - t[row + F.muscle]
            - t[row + F.skull])
        let ry = rng.uniform(1.5, 5)
        let rx = ry * rng.uniform(1.5, 3.5)
        let r = inner - ry * 0.8
        add(
          .ellipse(
            .solid, -1000, center: (cos(theta) * r, sin(theta) * r), rx: rx, ry: ry,
            angle: theta + Double.pi / 2))
      }
    }

    /// Calcified falx and the frontal sinus, at any level they reach.
    mutating func finish(rng: inout SeededRNG) {
      let level = SliceLevel.of(z: z)
      if p.falxCalcified && level != .posteriorFossa {
        let y = rng.uniform(-0.8, -0.3) * l
        add(.ellipse(.solid, 220, center: (0, y), rx: 1.2, ry: rng.uniform(3, 7)))
      }
      if scene.plan.postoperative && level != .posteriorFossa {
        postoperativeAir(rng: &rng)
      }
      if z < 0.28 && p.frontalSinus > 0 {
        let row = PhantomScene.bins / 4 * PhantomScene.Field.count
        typealias F = PhantomScene.Field
        let t = scene.table
        let depth = Double(1.8 + t[row + F.fat] + t[row + F.muscle] + t[row + F.skull] * 0.5)
        let y = -Double(t[row + F.outer]) + depth
        add(
          .ellipse(
            .solid, -950, center: (0, y), rx: p.frontalSinus * 1.2,
            ry: min(p.frontalSinus * 0.4, Double(t[row + F.skull]) * 0.4)))
      }
    }
  }
}
