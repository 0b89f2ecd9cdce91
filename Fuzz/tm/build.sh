#!/bin/sh
# Builds the .tm reader fuzzer (libFuzzer + AddressSanitizer) into $OUT (default /tmp/hemolab-tmfuzz).
# Needs the package's dependencies checked out first: `swift package resolve` at the root.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/hemolab-tmfuzz}
ZF="$ROOT/.build/checkouts/ZIPFoundation/Sources"
SAN=fuzzer,address
mkdir -p "$OUT"
for source in "$ROOT"/Sources/CImageCodecs/*.c; do
  clang -O1 -g -fsanitize=fuzzer-no-link,address -I"$ROOT/Sources/CImageCodecs/include" \
    -c "$source" -o "$OUT/$(basename "$source" .c).o"
done
printf 'module CImageCodecs {\n  header "%s"\n  export *\n}\n' \
  "$ROOT/Sources/CImageCodecs/include/ImageCodecs.h" > "$OUT/module.modulemap"
swiftc -O -g -sanitize=$SAN -parse-as-library -swift-version 5 -wmo -module-name ZIPFoundation \
  -Xcc -D_GNU_SOURCE=1 -I "$ZF/CZLib" -emit-module -emit-module-path "$OUT/ZIPFoundation.swiftmodule" \
  -c "$ZF"/ZIPFoundation/*.swift -o "$OUT/ZIPFoundation.o"
swiftc -O -g -sanitize=$SAN -parse-as-library -swift-version 6 -module-name TMFuzz \
  -I "$OUT" -I "$ZF/CZLib" -Xcc -fmodule-map-file="$OUT/module.modulemap" \
  $(find "$ROOT/Sources/HemoCore" -name '*.swift') "$ROOT/Fuzz/tm/TMFuzzer.swift" \
  "$OUT"/*.o -ljpeg -lpng16 -lz -o "$OUT/tmfuzz"
echo "built $OUT/tmfuzz"
