#!/usr/bin/env bash
# Dissection benchmark (not a test): builds netcourse and the bench in Release, writes a synthetic 200 000-packet
# capture (loopback addresses), times `netcourse dissect` against `tshark -T fields` with the same 53 fields
# (BenchFields.All, the colouring rule among them; five alternated runs each, medians compared, outputs compared),
# then streams a 1 000 000-packet file through both for peak memory and the ratio without most of the start-up.
# Usage: bench/dissect-bench.sh [packets=200000] [stream-packets=1000000]   (needs tshark and /usr/bin/time)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build -c Release "$root/lib/NetCourse.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/NetCourse.Bench.Dissect" -v q -nologo >/dev/null
artifacts="${NETCOURSE_ARTIFACTS:-$root/artifacts}"
exec "$artifacts/bin/NetCourse.Bench.Dissect/release/NetCourse.Bench.Dissect" \
  "$artifacts/bin/NetCourse.Cli/release/NetCourse.Cli" "${1:-200000}" "${2:-1000000}"
