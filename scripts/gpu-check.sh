#!/usr/bin/env bash
# GPU check: kernel correctness against the plain references, kernel time with achieved bandwidth and
# fraction of the device's peak, batched vs unbatched small-job throughput; then every kind the processor
# serves on its samples/ input: ILGPU handler vs CPU handler (PASS/FAIL), time per job, and the achieved
# GB/s or GFLOP/s with its fraction of peak where the kind has a simple work model. Non-zero exit on any FAIL.
#
#   scripts/gpu-check.sh build   # publish bench/GpuCheck self-contained (linux-x64) → artifacts/gpu-check.tar.xz
#   scripts/gpu-check.sh run     # unpack and run it (bounded to 5 minutes); needs no SDK and no network
#   scripts/gpu-check.sh         # both
#
# Without a CUDA device the runner falls back to ILGPU's CPU accelerator with tiny sizes and says so.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="$root/artifacts/gpu-check.tar.xz"

build() {
  local out; out="$(mktemp -d)"
  dotnet publish "$root/bench/GpuCheck" -c Release -r linux-x64 --self-contained \
    -p:DebugType=none -o "$out/gpu-check" -v q >&2
  mkdir -p "$root/artifacts"
  tar -C "$out" -cJf "$archive" gpu-check
  rm -rf "$out"
  local bytes; bytes=$(stat -c %s "$archive")
  echo "packed $archive ($((bytes / 1024 / 1024)) MiB)"
  if (( bytes >= 60 * 1024 * 1024 )); then echo "the archive must stay under 60 MB" >&2; exit 1; fi
}

run() {
  [[ -f "$archive" ]] || { echo "missing $archive: run '$0 build' first" >&2; exit 1; }
  local dir; dir="$(mktemp -d)"
  tar -C "$dir" -xJf "$archive"
  # A GPU host's driver libraries (libcuda) may sit outside the loader's path, and a bare image may lack ICU.
  [[ -d /usr/local/nvidia/lib64 ]] && export LD_LIBRARY_PATH="/usr/local/nvidia/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  ldconfig -p 2>/dev/null | grep -q libicuuc || export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
  local status=0
  timeout 300 "$dir/gpu-check/Prism.GpuCheck" || status=$?
  rm -rf "$dir"
  return "$status"
}

case "${1:-all}" in
  build) build ;;
  run) run ;;
  all) build; run ;;
  *) echo "usage: $0 [build|run]" >&2; exit 2 ;;
esac
