#!/usr/bin/env bash
# Builds the DICOM parser fuzzer (libFuzzer + AddressSanitizer) from the reader's sources and the
# C deflate wrapper, outside SwiftPM. Output: $OUT/dicom-fuzz (default .build-fuzz/).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-.build-fuzz}
mkdir -p "$OUT/include"
cat > "$OUT/include/module.modulemap" <<MAP
module CImageCodecs {
  header "$PWD/Sources/CImageCodecs/include/ImageCodecs.h"
  export *
}
MAP
for source in deflate jpeg png; do
  clang -c -O1 -g -fsanitize=fuzzer-no-link,address -ISources/CImageCodecs/include \
    "Sources/CImageCodecs/$source.c" -o "$OUT/$source.o"
done
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name HemoCore \
  -I "$OUT/include" \
  Sources/HemoCore/Formats/DICOM*.swift Sources/HemoCore/Formats/ImageCodec.swift \
  Sources/HemoCore/HUImage.swift Sources/HemoCore/RGBImage.swift Sources/HemoCore/HemoError.swift \
  Fuzz/DICOMFuzz.swift "$OUT"/deflate.o "$OUT"/jpeg.o "$OUT"/png.o -lz -ljpeg -lpng16 \
  -o "$OUT/dicom-fuzz" 2> >(grep -v "Cannot export local symbol" >&2)
echo "$OUT/dicom-fuzz"
