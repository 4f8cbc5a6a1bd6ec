#!/usr/bin/env bash
# Makes data/08-traceroute.pcap: the ICMP packets of a traceroute through the course's lab (chapter 8's fallback
# when the notebook cannot build the lab), and data/08-traceroute-udp.pcap: the same route traced the way Linux's
# traceroute does by default (UDP datagrams to ports 33434, 33435…, answered by ICMP time exceeded, then port
# unreachable). Needs root: it builds the lab (network namespaces in 198.18.0.0/15), captures on the machine's lab
# interface nc-lab0, then removes the lab. `make-08-traceroute.sh udp` makes only the UDP capture.
# No traffic leaves the machine: every address is in the lab, which is deleted at the end (even on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "make-08-traceroute.sh : il faut être root (le labo crée des espaces de noms réseau)." >&2
  exit 1
fi
what="${1:-all}"
trap './netcourse lab down >/dev/null' EXIT
./netcourse lab up --routers 2 --delay 5
if [ "$what" = all ]; then
  ./netcourse traceroute 198.18.3.2 --probes 3 --max-hops 8 --timeout 1000 --capture data/08-traceroute.pcap
fi
# The UDP traceroute: dumpcap records nc-lab0 while python3 sends the probes as traceroute(8) does: 3 per TTL, each
# to the next port from 33434, 32 bytes of data; a connected UDP socket learns of the destination's port unreachable
# as ECONNREFUSED, which ends the trace. The capture is stopped once the probes are done, not after a fixed time: on a
# loaded machine python3 took seconds to start and a 6 s capture ended before the TTL 3 probes. 30 s bounds it anyway.
rm -f data/08-traceroute-udp.pcap
dumpcap -q -i nc-lab0 -f "udp or icmp" -a duration:30 -P -w data/08-traceroute-udp.pcap &
capture=$!
# dumpcap writes the file's header once it is capturing: wait for it (10 s at most) before the first probe.
for _ in $(seq 50); do [ -s data/08-traceroute-udp.pcap ] && break; sleep 0.2; done
python3 - <<'PY'
import socket
host, port = "198.18.3.2", 33434
for ttl in range(1, 9):
    arrived = False
    for probe in range(3):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        s.settimeout(0.5)
        s.connect((host, port))
        port += 1
        s.send(b"NetCourse traceroute UDP........")
        try:
            s.recv(64)
        except ConnectionRefusedError:
            arrived = True
        except socket.timeout:
            pass
        s.close()
    if arrived:
        break
PY
sleep 1 # the last answers
kill -INT "$capture"
wait "$capture" || true
chmod 644 data/08-traceroute-udp.pcap
