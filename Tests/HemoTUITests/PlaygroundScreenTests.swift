import HemoLesson
import Testing

@testable import HemoTUI

/// Golden screens of the playground at 80×24 and 120×40, with and without colour.
@Suite struct PlaygroundScreenTests {
  /// Basins, plain gradient descent, lr 0.05, default start, 20 steps: the ball is caught in the
  /// shallow basin on the right.
  static func caught() -> PlaygroundState {
    var state = PlaygroundState()
    for _ in 0..<20 { state = PlaygroundReducer.reduce(state, .step) }
    return state
  }

  /// The same start with all four optimizers after 30 steps: momentum has rolled over the
  /// saddle into the deeper basin, the others are still in the shallow one.
  static func race() -> PlaygroundState {
    var state = PlaygroundReducer.reduce(PlaygroundState(), .selectAll)
    for _ in 0..<30 { state = PlaygroundReducer.reduce(state, .step) }
    return state
  }

  @Test func monochrome80x24() {
    let screen = PlaygroundScreen.render(
      Self.caught(), size: Size(width: 80, height: 24), theme: .monochrome)
    expectGolden(
      screen.text,
      #"""
       HemoLab · gradient descent playground                                   q quit
      Two basins: a shallow one on the right that can trap the ball, a deeper one pas…
      ▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Learning rate 0.05
      ▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓  Start default  Noise off
      ▓▓▓▓▓▓▓▒▒▒▒░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓  Step 20  paused  10 steps/s
      ▓▓▓▓▓▓▒▒▒░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·······▓  ● Gradient descent          moving
      ▓▓▓▓▓▓▒▒░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒·······▓▓▓▓▓▓▓▓    loss 1.03  at (0.93, 0.19)
      ▓▓▓▓▓▓▒▒░     ░░░▒▒▒▒▒▒▒▒▒▒▒▒▒·▒▒▒▒▒▒▓▓▓▓▓▓▓
      ▓▓▓▓▓▒▒░░      ░░░▒▒▒▒▒▒▒▒▒▒▒░░·░▒▒▒▒▓▓▓▓▓▓▓  Loss (log scale) by step
      ▓▓▓▓▓▒▒░        ░░░▒▒▒▒▒▒▒▒▒░░░·░░▒▒▒▓▓▓▓▓▓▓  100┤
      ▓▓▓▓▓▒▒░        ░░░░▒▒▒▒▒▒▒░░░░●░░▒▒▒▓▓▓▓▓▓▓     │
      ▓▓▓▓▓▒▒░   ×    ░░░░▒▒▒▒▒▒▒░░░░░░░▒▒▒▓▓▓▓▓▓▓     │
      ▓▓▓▓▓▒▒░        ░░░▒▒▒▒▒▒▒▒▒░░░░░░▒▒▒▓▓▓▓▓▓▓     │
      ▓▓▓▓▓▒▒░░      ░░░▒▒▒▒▒▒▒▒▒▒▒░░░░▒▒▒▒▓▓▓▓▓▓▓     │
      ▓▓▓▓▓▓▒▒░     ░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓   10┤⢇
      ▓▓▓▓▓▓▒▒░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓     │⢸
      ▓▓▓▓▓▓▒▒▒░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓     │⠈⡆
      ▓▓▓▓▓▓▓▒▒▒▒░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓     │ ⢇
      ▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓     │ ⠸⢄⣀⣀⡀
      ▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓    1┤     ⠈⠉⠉⠑⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⠤⢄⣀⣀⣀⣀⣀
      × lowest point   low  ░▒▓ high loss              └──────────────────────────────
                                                        0                     20 steps
       Space run/pause  . one step  +/- learning rate  s new start  n noise
       1-4 optimizer  a all four  m surface  f speed  r reset  t about
      """#)
  }

  @Test func colour256At80x24() {
    let screen = PlaygroundScreen.render(
      Self.caught(), size: Size(width: 80, height: 24), theme: .extended)
    expectGolden(
      screen.styledText,
      #"""
       HemoLab · gradient descent playground                                   q quit
      Two basins: a shallow one on the right that can trap the ball, a deeper one pas…
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Learning rate 0.05
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Start default  Noise off
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Step 20  paused  10 steps/s
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀······•▀  ● Gradient descent          moving
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀••·····▀▀▀▀▀▀▀▀    loss 1.03  at (0.93, 0.19)
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀▀▀▀▀▀▀
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀▀▀▀▀▀  Loss (log scale) by step
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀▀▀▀▀▀  100┤
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀●▀▀▀▀▀▀▀▀▀▀▀▀     │
      ▀▀▀▀▀▀▀▀▀▀▀×▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀   10┤⢇
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │⢸
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │⠈⡆
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │ ⢇
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     │ ⠸⢄⣀⣀⡀
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀    1┤     ⠈⠉⠉⠑⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⠤⢄⣀⣀⣀⣀⣀
      × lowest point   low ██████████ high loss        └──────────────────────────────
                                                        0                     20 steps
       Space run/pause  . one step  +/- learning rate  s new start  n noise
       1-4 optimizer  a all four  m surface  f speed  r reset  t about
      --
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      bbbbbbbbbbb
      ccccddeffghhhggffffffffffffffffffffedddccccc..iiiiiiiiiiiiiijjjj
      ccccddffhhhhhhhhgfffffffffffffffffffdddccccc..iiiiiijjjjjjjiiiiiiiijjj
      cccddefhhklllmkhhhggfffffffgghhhhgfffddncccc..iiiiijj........iiiiiiiiiiii
      cccddffhmopqpplmkhhhhgggghhhhhhhhhhfrssstttc..uuuuuuuuuuuuuuuuuu
      cccddfhkoqqvqqqolkhhhhhhhhhhhwxxwwwwffddcccc..iiiiiii....iiiii
      cccddfhmqvyyyvqqolmkhhhhhhhhkmxmmkhhffddcccc
      cccddfhoqyzzzyyqqolmkhhhhhkmmloAomhhffddcccc..bbbbbbbbbbbbbbbbbbbbbbbb
      cccdffhovBCDzzyvqqommmkkkmmmoooAoomhffddcccc..iiii
      cccdffhqyzDDDzyyqqoommmmmmmoooqEoomhhfddcccc.....i
      cccdffhqyzDFDzyyqqoommmmmmmoooqqoomhhfddcccc.....i
      cccdffhoGHIDzzyGqqommmJJJmmmoooooomhffddcccc.....i
      cccddfhoqyzzzyyqqoKmJhhhhhJmmKooomhhffddcccc.....i
      cccddfhmqGyyyGqqoKmJhhhhhhhhJmmmmJhhffddcccc..iiiiL
      cccddfhJoqqGqqqoKJhhhhhhhhhhhhJJhhhMffddcccc.....iL
      cccddffhmoNqNNKmJhhhhMMMMhhhhhhhhhhffdddcccc.....iLL
      cccddOfhhJKKKmJhhhMMfffffffMMhhhhMfffddPcccc.....i.L
      ccccddffhhhhhhhhMfffffffffffffffffffdddccccc.....i.LLLLL
      ccccddOffMhhhMMffffffffffffffffffffOdddccccc..iiii.....LLLLLLLLLLLLLLLLLLLLLLLLL
      QiiiiiiiiiiiiiiiiiiiiRSTUVWXYZ0iiiiiiiiii........iiiiiiiiiiiiiiiiiiiiiiiiiiiiiii
      ..................................................i.....................iiiiiiii
      .jjjjjiiiiiiiiii..jiiiiiiiii..jjjiiiiiiiiiiiiii..jiiiiiiiiii..jiiiiii
      .jjjiiiiiiiiii..jiiiiiiiii..jiiiiiiii..jiiiiii..jiiiiii..jiiiiii
      a: fg=255 bg=24 bold
      b: bold
      c: fg=221 bg=221
      d: fg=185 bg=185
      e: fg=185 bg=149
      f: fg=149 bg=149
      g: fg=149 bg=113
      h: fg=113 bg=113
      i: fg=245
      j: fg=75 bold
      k: fg=113 bg=71
      l: fg=71 bg=36
      m: fg=71 bg=71
      n: fg=221 bg=185
      o: fg=36 bg=36
      p: fg=36 bg=30
      q: fg=30 bg=30
      r: fg=231 bg=149
      s: fg=231 bg=185
      t: fg=231 bg=221
      u: fg=231 bold
      v: fg=30 bg=24
      w: fg=231 bg=113
      x: fg=231 bg=71
      y: fg=24 bg=24
      z: fg=18 bg=18
      A: fg=231 bg=36
      B: fg=24 bg=18
      C: fg=18 bg=17
      D: fg=17 bg=17
      E: fg=231 bg=30 bold
      F: fg=226 bg=17 bold
      G: fg=24 bg=30
      H: fg=18 bg=24
      I: fg=17 bg=18
      J: fg=71 bg=113
      K: fg=36 bg=71
      L: fg=231
      M: fg=113 bg=149
      N: fg=30 bg=36
      O: fg=149 bg=185
      P: fg=185 bg=221
      Q: fg=226 bold
      R: fg=17
      S: fg=18
      T: fg=24
      U: fg=30
      V: fg=36
      W: fg=71
      X: fg=113
      Y: fg=149
      Z: fg=185
      0: fg=221
      """#)
  }

  @Test func monochrome120x40() {
    let screen = PlaygroundScreen.render(
      Self.race(), size: Size(width: 120, height: 40), theme: .monochrome)
    expectGolden(
      screen.text,
      #"""
       HemoLab · gradient descent playground                                                                           q quit
      Two basins: a shallow one on the right that can trap the ball, a deeper one past a saddle.
      ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Learning rate 0.05
      ▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Start default  Noise off
      ▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Step 30  paused  10 steps/s
      ▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  G Plain GD    1.01 moving   (0.93, 0.08)
      ▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  M Momentum   0.244 moving   (-1.26, -0.13)
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓  R RMSProp     1.03 moving   (1.01, 0.01)
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒··········▓▓▓  A Adam        1.01 moving   (0.96, -0.10)
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒···················▓▓▓▓▓▓··▓▓▓▓▓
      ▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░     ░░░░░░··············▒▒▒▒▒▒▒▒▒·▒▒▒▒▒▒▒▒▒▒▓▓▓▓··▓▓▓▓▓▓  Loss (log scale) by step
      ▓▓▓▓▓▓▓▓▓▒▒▒▒░░░   ·········░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒··▒▒▒▒▒▒▒▒▒▓▓··▓▓▓▓▓▓▓▓   100┤
      ▓▓▓▓▓▓▓▓···········      ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░·░░▒▒▒▒▒▒▒···▓▓▓▓▓▓▓▓▓      │⡀
      ▓·······▓▒▒▒░░░           ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░·░░░▒▒▒▒··▓▓▓▓▓▓▓▓▓▓▓▓    10┤⢹⠛⠶⣗⡢⠤⣀⣀
      ▓▓▓▓······▒··················░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░·░░░░▒···▒▓▓▓▓▓▓▓▓▓▓▓▓      │⠈⠦⣴⠽⣌⣩⣱⣚⣛⣵⣶⣶⣤⣤⣤⣀⣀⣀⣀⣀⣀⣀⣀A
      ▓▓▓▓▓▓▓▓▓▒·······         ··░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░·░░░░··▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓     1┤  ⠙ ⠋       ⢱ ⡇⢇⢀⠎⠉⠒⡄ ⡰⡀
      ▓▓▓▓▓▓▓▓▓▒▒▒░░   ········· ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░G░R··▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓      │            ⠸⣸ ⠈⠊   ⢣⢰⠁M
      ▓▓▓▓▓▓▓▓▓▒▒▒░░·····×    ·······░░▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░A·░░▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓      │             ⡟      ⠘⡎
      ▓▓▓▓▓▓▓▓▓▒▒▒░░ M          ░░░░······▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓  0.01┤             ⠃       ⠁
      ▓▓▓▓▓▓▓▓▓▒▒▒░░            ░░░░░░▒▒▒▒········▒▒▒░░░░░░░░░░▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓      └───────────────────────────────────────
      ▓▓▓▓▓▓▓▓▓▒▒▒░░░           ░░░░░░▒▒▒▒▒▒▒▒▒·············░░▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓       0                              50 steps
      ▓▓▓▓▓▓▓▓▓▒▒▒░░░          ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒·················▓▓▓▓▓▓▓▓▓
      ▓▓▓▓▓▓▓▓▓▒▒▒▒░░░        ░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓  How a model learns: walking downhill
      ▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░     ░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓  The ball is a model with just two weights;
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓  the map shows its loss for every pair of
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓  weights. Each step moves it downhill by the
      ▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓  slope times the learning rate.
      ▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Where the ball starts stands for the random
      ▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  initial weights, and the jitter (n) for the
      ▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  order in which the images arrive in
      ▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  mini-batches. The seed decides both.
      ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓  Every HemoLab experiment shows its seed.
      × lowest point   low  ░▒▓ high loss                                         Train again with another seed and the model
                                                                                  walks another path and may end somewhere
                                                                                  else. Once training is over the weights are
                                                                                  fixed: the same test images always get the
                                                                                  same predictions.

       Space run/pause  . one step  +/- learning rate  s new start  n noise  1-4 optimizer  a all four  m surface  f speed
       r reset
      """#)
  }

  @Test func eightColours120x40() {
    let screen = PlaygroundScreen.render(
      Self.race(), size: Size(width: 120, height: 40), theme: .eight)
    expectGolden(
      screen.styledText,
      #"""
       HemoLab · gradient descent playground                                                                           q quit
      Two basins: a shallow one on the right that can trap the ball, a deeper one past a saddle.
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Learning rate 0.05
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Start default  Noise off
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Step 30  paused  10 steps/s
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  G Plain GD    1.01 moving   (0.93, 0.08)
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  M Momentum   0.244 moving   (-1.26, -0.13)
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  R RMSProp     1.03 moving   (1.01, 0.01)
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀········••▀▀▀  A Adam        1.01 moving   (0.96, -0.10)
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀········•··········▀▀▀▀▀▀••▀▀▀▀▀
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀····•·········▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀▀▀▀▀▀▀▀••▀▀▀▀▀▀  Loss (log scale) by step
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀·········▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀••▀▀▀▀▀▀▀▀▀▀▀••▀▀▀▀▀▀▀▀   100┤
      ▀▀▀▀▀▀▀▀······•····▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀▀▀•••▀▀▀▀▀▀▀▀▀      │⡀
      ▀•······▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀▀▀••▀▀▀▀▀▀▀▀▀▀▀▀    10┤⢹⠛⠶⣗⡢⠤⣀⣀
      ▀▀▀▀······▀•····•····•····•·•▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀▀•••▀▀▀▀▀▀▀▀▀▀▀▀▀      │⠈⠦⣴⠽⣌⣩⣱⣚⣛⣵⣶⣶⣤⣤⣤⣀⣀⣀⣀⣀⣀⣀⣀⡀
      ▀▀▀▀▀▀▀▀▀▀···•···▀▀▀▀▀▀▀▀▀·•▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀•▀▀▀▀••▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀     1┤  ⠙ ⠋       ⢱ ⡇⢇⢀⠎⠉⠒⡄ ⡰⡀
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀···•···•·▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀G▀R••▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀      │            ⠸⣸ ⠈⠊   ⢣⢰⠁⠁
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀•·•··×▀▀▀▀···•···▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀A•▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀      │             ⡟      ⠘⡎
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀M▀▀▀▀▀▀▀▀▀▀▀▀▀▀···•··▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  0.01┤             ⠃       ⠁
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀··••····▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀      └───────────────────────────────────────
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀··•·····•····▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀       0                              50 steps
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀···•·······•····•▀▀▀▀▀▀▀▀▀
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  How a model learns: walking downhill
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  The ball is a model with just two weights;
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  the map shows its loss for every pair of
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  weights. Each step moves it downhill by the
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  slope times the learning rate.
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Where the ball starts stands for the random
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  initial weights, and the jitter (n) for the
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  order in which the images arrive in
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  mini-batches. The seed decides both.
      ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀  Every HemoLab experiment shows its seed.
      × lowest point   low ████████ high loss                                     Train again with another seed and the model
                                                                                  walks another path and may end somewhere
                                                                                  else. Once training is over the weights are
                                                                                  fixed: the same test images always get the
                                                                                  same predictions.

       Space run/pause  . one step  +/- learning rate  s new start  n noise  1-4 optimizer  a all four  m surface  f speed
       r reset
      --
      aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
      bbbbbbbbbbb
      cccccccccccccdeeeeeeeeeeeeedcccccccccccccccccccccccccccccccccccccccccccccc..ffffffffffffffgggg
      ccccccccccccdeeeeeeeeeeeeeeeeddcccccccccccccccccccdddddccccccccccccccccccc..ffffffgggggggffffffffggg
      cccccccccccceeeeeeeeeeeeeeeeeeeeddcccccccccccddeeeeeeeeedccccccccccccccccc..fffffgg........ffffffffffff
      ccccccccccceeeeeeeeeeeeeeeeeeeeeeeeedddddddeeeeeeeeeeeeeeedccccccccccccccc..hhhhhhhhhh.................fffffffffffff
      ccccccccccceeeeeeijjiieeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeedcccccccccccccc..kkkkkkkkkk.................fffffffffffffff
      cccccccccceeeeeijjjjjjjjieeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeecccccccccccccc..llllllllll.................fffffffffffff
      cccccccccceeeeijjjjjjjjjjieeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeemmmmmmmmnnccc..oooooooooo.................ffffffffffffff
      cccccccccceeeejjjjppjjjjjjjieeeeeeeeeeeeeeqqqqqqqqqqqqqqqqqqqccccccrnccccc
      cccccccccdeeejjjpssssspjjjjjtqqqqqqqqqqqqqeeeeeeeeeueeeeeeeeedccccnncccccc..bbbbbbbbbbbbbbbbbbbbbbbb
      ccccccccceeeejjpsssvvvvvttttjieeeeeeeeeeeeeeeeeeeeeuueeeeeeeeeccnncccccccc..fffff
      ccccccccmqqqtttvvvvssssssjjjjjjeeeeeeeeeeeeeeeeeeijjwjjeeeeeeennrccccccccc......fx
      cmmmmmmmceeejjpsssssssssspjjjjjieeeeeeeeeeeeeeeeijjjwjjjeeeeyycccccccccccc..fffffxxxxxxxx
      ccccmmmmmqeqttvvvvvvvvvvvvtttjjjeeeeeeeeeeeeeeejjjjjwjjjieyyzecccccccccccc......fAAAABBBxxxxxxxxxxxxxxxxx
      ccccccccceqqttvvvsssssssssvtjjjjjeeeeeeeeeeeeejjjjjjwjjjjyyeeeeccccccccccc..fffff..A.A.......A.AAAAAAA.AA
      ccccccccceeejjsssvvvvvvvvvsjjjjjjeeeeeeeeeeeeejjjjjjajCDDeeeeeeccccccccccc......f............AA.AA...AAAA
      ccccccccceeejjvvvvvEssssvvvttttjjeeeeeeeeeeeeejjjjjjjFDjjeeeeeeccccccccccc......f.............A......AA
      ccccccccceeejjsGssssssssssHjjjtttqqqeeeeeeeeeejjjjjjjjjjjeeeeeeccccccccccc..fffff.............A.......A
      ccccccccceeejjssssssssssssjjjjjjeeeeqqqqqqqqeeejjjjjjjjjIeeeeecccccccccccc......ffffffffffffffffffffffffffffffffffffffff
      ccccccccceeejjHssssssssssHjjjjjIeeeeeeeeeqqqqqqqqtttttjjeeeeeecccccccccccc.......f..............................ffffffff
      ccccccccceeejjjssssssssssjjjjjjeeeeeeeeeeeeeeeeeqqtttttqqqqqqqmmmccccccccc
      ccccccccceeeejjHsssssssHjjjjjIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeecccccccccccc..bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb
      cccccccccJeeejjjHsssssHjjjjjIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeJcccccccccccc
      cccccccccceeeejjjjHHjjjjjjjIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeccccccccccccc
      cccccccccceeeeIjjjjjjjjjjIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeccccccccccccc
      cccccccccceeeeeIjjjjjjjjIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeecccccccccccccc
      ccccccccccceeeeeeIjjIIeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeJcccccccccccccc
      ccccccccccceeeeeeeeeeeeeeeeeeeeeeeeeJJJJJJJeeeeeeeeeeeeeeeJccccccccccccccc
      cccccccccccceeeeeeeeeeeeeeeeeeeeJJcccccccccccJJeeeeeeeeeJccccccccccccccccc
      ccccccccccccJeeeeeeeeeeeeeeeeJJcccccccccccccccccccJJJJJccccccccccccccccccc
      cccccccccccccJeeeeeeeeeeeeeJcccccccccccccccccccccccccccccccccccccccccccccc
      hffffffffffffffffffffKKLLMMNNffffffffff





      .gggggffffffffff..gfffffffff..gggffffffffffffff..gffffffffff..gffffff..gggffffffffff..gfffffffff..gffffffff..gffffff
      .gffffff
      a: fg=7 bg=4 bold
      b: bold
      c: fg=2 bg=2
      d: fg=2 bg=6
      e: fg=6 bg=6
      f: dim
      g: fg=6 bold
      h: fg=7 bold
      i: fg=6 bg=4
      j: fg=4 bg=4
      k: fg=1 bold
      l: fg=5 bold
      m: fg=1 bg=2
      n: fg=3 bg=2
      o: fg=3 bold
      p: fg=4 bg=0
      q: fg=1 bg=6
      r: fg=5 bg=2
      s: fg=0 bg=0
      t: fg=1 bg=4
      u: fg=7 bg=6
      v: fg=1 bg=0
      w: fg=7 bg=4
      x: fg=3
      y: fg=3 bg=6
      z: fg=5 bg=6
      A: fg=1
      B: fg=5
      C: fg=5 bg=4 bold
      D: fg=3 bg=4
      E: fg=7 bg=0 bold
      F: fg=3 bg=4 bold
      G: fg=1 bg=0 bold
      H: fg=0 bg=4
      I: fg=4 bg=6
      J: fg=6 bg=2
      K: fg=0
      L: fg=4
      M: fg=6
      N: fg=2
      """#)
  }
}
