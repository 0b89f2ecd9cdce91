import Dispatch

/// A terminal in memory, for running the whole app in tests (as ratatui's `TestBackend`): keys
/// come from a script, every frame drawn is kept. A script step can wait until the screen shows
/// some text (training finished, say) before the next key.
public final class MemoryTerminal: TerminalBackend {
  /// One step of the script.
  public enum Step: Sendable {
    case key(Key)
    /// Waits until the latest frame's text contains this.
    case waitFor(String)
    /// Waits until a frame is drawn after the previous key (its effect is on screen).
    case nextFrame
  }

  public let theme: Theme
  public var size: Size
  public var pendingSignal: Int32? = nil
  /// Every frame drawn, oldest first.
  public private(set) var frames: [CellBuffer] = []
  /// Waits that ran out (the text never showed).
  public private(set) var missed: [String] = []
  private var script: [Step]
  private let deadline: DispatchTime
  private let wake = DispatchSemaphore(value: 0)
  private var framesAtLastKey = 0

  /// `script` runs in order; after `seconds` without the awaited text, a wait gives up (and is
  /// listed in `missed`) so a broken app cannot hang a test.
  public init(size: Size, theme: Theme = .extended, script: [Step], seconds: Double = 300) {
    self.size = size
    self.theme = theme
    self.script = script
    deadline = .now() + seconds
  }

  /// Steps for typing `text`, one key a character.
  public static func typing(_ text: String) -> [Step] {
    text.map { .key(.character($0)) }
  }

  /// The latest frame as text.
  public var screen: String { frames.last?.text ?? "" }

  public func draw(_ buffer: CellBuffer) {
    frames.append(buffer)
  }

  public func readKey(timeoutMilliseconds: Int32) -> Key? {
    while let step = script.first {
      let satisfied: Bool
      let name: String
      switch step {
      case .key(let key):
        script.removeFirst()
        framesAtLastKey = frames.count
        return key
      case .waitFor(let text):
        (satisfied, name) = (screen.contains(text), text)
      case .nextFrame:
        (satisfied, name) = (frames.count > framesAtLastKey, "a new frame")
      }
      // Keys already waiting are taken without waiting (timeout 0): a wait is not a key.
      if timeoutMilliseconds == 0 { return nil }
      if satisfied {
        script.removeFirst()
        continue
      }
      if DispatchTime.now() >= deadline {
        missed.append(name)
        script.removeFirst()
        continue
      }
      _ = wake.wait(timeout: .now() + .milliseconds(Int(max(timeoutMilliseconds, 1))))
      return nil
    }
    // The script is over: nothing more comes (the app should have quit).
    return .character("q")
  }

  public var interrupter: (@Sendable () -> Void)? {
    { [wake] in wake.signal() }
  }

  public func stop() {}
}
