#!/usr/bin/env bash
# Runs the DICOM fuzzer on one core for SECONDS (default 600), seeded with real files copied to
# /tmp at run time (never committed): a few RSNA slices from ../shared/data and pydicom's test
# files when HEMOLAB_PYDICOM_TESTFILES is set. Crashes land in $WORK (default /tmp/hemolab-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
WORK=${WORK:-/tmp/hemolab-fuzz}
binary=$(Fuzz/build.sh | tail -1)
mkdir -p "$WORK/seeds" "$WORK/corpus"
for file in ../shared/data/rsna-ich-dicom/ID_0*.dcm ../shared/data/rsna-ich-dicom/ID_1*.dcm; do
  [ -f "$file" ] && cp "$file" "$WORK/seeds/"
done
if [ -n "${HEMOLAB_PYDICOM_TESTFILES:-}" ]; then
  for name in CT_small MR_small MR_small_implicit MR_small_bigendian image_dfl no_meta \
    ExplVR_LitEndNoMeta ExplVR_BigEndNoMeta MR_small_RLE JPEG2000 nested_priv_SQ priv_SQ \
    UN_sequence rtplan meta_missing_tsyntax SC_rgb_small_odd liver_1frame MR_truncated; do
    cp "$HEMOLAB_PYDICOM_TESTFILES/$name.dcm" "$WORK/seeds/" 2>/dev/null || true
  done
fi
chmod u+w "$WORK/seeds"/*
cd "$WORK"
"$OLDPWD/$binary" -jobs=1 -workers=1 -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 \
  -timeout=10 -max_len=600000 -print_final_stats=1 corpus seeds
tail -20 fuzz-0.log
