#!/usr/bin/env bash
# Makes data/08-traceroute.pcap: the ICMP packets of a traceroute through the course's lab (chapter 8's fallback
# when the notebook cannot build the lab). Needs root: it builds the lab (network namespaces in 198.18.0.0/15),
# captures on the machine's lab interface nc-lab0 while `netcourse traceroute` runs, then removes the lab.
# No traffic leaves the machine: every address is in the lab, which is deleted at the end (even on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "make-08-traceroute.sh : il faut être root (le labo crée des espaces de noms réseau)." >&2
  exit 1
fi
trap './netcourse lab down >/dev/null' EXIT
./netcourse lab up --routers 2 --delay 5
./netcourse traceroute 198.18.3.2 --probes 3 --max-hops 8 --timeout 1000 --capture data/08-traceroute.pcap
