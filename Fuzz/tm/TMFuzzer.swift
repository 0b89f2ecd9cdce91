// libFuzzer entry point for the .tm reader. Built by build.sh into one module together with
// HemoCore's sources (see README.md); not part of the Swift package.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeachableMachine(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  do {
    let project = try TeachableMachineProject.read(data, file: "fuzz.tm")
    // Invariants of a successful read: every sample has a class and a picture of sane size.
    let set = project.samples
    precondition(!set.samples.isEmpty)
    for sample in set.samples {
      precondition(set.classNames.indices.contains(sample.label))
      precondition(sample.pixels.width > 0 && sample.pixels.height > 0)
    }
  } catch {
    precondition(!error.description.contains("\n"), "error text must be one line")
  }
  return 0
}
