#!/usr/bin/env bash
# Loopback sockets benchmark (issue 6): the course's ThroughputDemo vs iperf3, and EchoServer round trips vs a Python
# echo, measured in the same run (alternating), medians over RUNS runs. Writes bench/results/sockets.md.
# Needs iperf3 and python3. Usage: bench/sockets.sh [--runs 5] [--seconds 2] [--round-trips 2000]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$repo/bench/results"
exec dotnet run -c Release --project "$repo/bench/NetCourse.Bench.Sockets" -- --out "$repo/bench/results/sockets.md" "$@"
