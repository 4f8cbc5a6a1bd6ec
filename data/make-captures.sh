#!/usr/bin/env bash
# Makes the captures of data/ that the course uses (see data/README.md). Run as root from anywhere:
#   sudo data/make-captures.sh            # every capture
#   sudo data/make-captures.sh http dns   # only some of them
# Traffic stays on loopback (127.0.0.1) or inside network namespaces this script creates and deletes itself
# (addresses from 198.18.0.0/15, reserved for benchmarking by RFC 2544). A trap removes namespaces, servers and
# capture processes on any exit, failure included. Needs: dumpcap (tshark), python3, ip and tc (iproute2), ping, curl, openssl,
# nft (nftables, for the NAT captures).
set -euo pipefail

DATA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$(mktemp -d /tmp/netcourse-captures.XXXXXX)
NS_A=netcourse-cap-a
NS_B=netcourse-cap-b
NS_FRAG=nc-cap-fragments
NS_NAT=(nc-nat-maison nc-nat-box nc-nat-internet)
PIDS=()

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    ip netns del "$NS_A" 2>/dev/null || true
    ip netns del "$NS_B" 2>/dev/null || true
    ip netns del "$NS_FRAG" 2>/dev/null || true
    for ns in "${NS_NAT[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() { echo "make-captures: $*" >&2; exit 1; }
[[ $(id -u) -eq 0 ]] || die "il faut être root (capture et espaces de noms réseau)."
for tool in dumpcap tshark editcap python3 ip ping curl dig timeout openssl nft; do
    command -v "$tool" >/dev/null || die "outil manquant : $tool"
done

# start_capture FILE IFACE FILTER [NETNS]: starts dumpcap in the background (pcap format, bounded to 30 s) and waits
# until it captures. stop_capture then stops it and keeps the file.
CAP_PID=
CAP_FILE=
start_capture() {
    local file=$1 iface=$2 filter=$3 ns=${4:-}
    local -a prefix=()
    [[ -n $ns ]] && prefix=(ip netns exec "$ns")
    rm -f "$file"
    CAP_FILE=$file
    # One error file per capture: two captures may run at once (the NAT captures, one on each side of the box).
    local err="$WORK/$(basename "$file").err"
    "${prefix[@]}" dumpcap -q -P -i "$iface" -f "$filter" -a duration:30 -w "$file" 2>"$err" &
    CAP_PID=$!
    PIDS+=("$CAP_PID")
    local i
    for i in $(seq 1 50); do
        grep -q "Capturing on" "$err" 2>/dev/null && { sleep 0.3; return 0; }
        kill -0 "$CAP_PID" 2>/dev/null || die "dumpcap s'est arrêté : $(cat "$err")"
        sleep 0.1
    done
    die "dumpcap ne démarre pas : $(cat "$err")"
}
stop_capture() {
    sleep 0.3
    kill -INT "$CAP_PID" 2>/dev/null || true
    wait "$CAP_PID" 2>/dev/null || true
    chmod 644 "$CAP_FILE"   # dumpcap writes 0600; the course reads these files as any user
}
report() { printf '%-32s %4s paquets  %6s octets\n' "$(basename "$1")" "$(tshark -r "$1" 2>/dev/null | wc -l)" "$(stat -c %s "$1")"; }

# A bounded TCP server on 127.0.0.1: accepts one connection, echoes what it receives, closes.
ECHO_SERVER='
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(1); s.settimeout(10)
c, _ = s.accept(); c.settimeout(10)
data = c.recv(1024); c.sendall(data)
c.recv(1024)   # waits for the client to close first, as the notebook does
c.close(); s.close()'
ECHO_CLIENT='
import socket, sys
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
c.sendall(sys.argv[2].encode()); print(c.recv(1024).decode()); c.close()'

make_tcp_handshake() {
    local out="$DATA_DIR/06-tcp-handshake.pcap"
    start_capture "$out" lo "tcp port 12800"
    timeout 15 python3 -c "$ECHO_SERVER" 12800 & PIDS+=($!); local server=$!
    sleep 0.3
    timeout 10 python3 -c "$ECHO_CLIENT" 12800 "Bonjour serveur" >/dev/null
    wait "$server"
    stop_capture; report "$out"
}

make_tcp_handshake_other_formats() {
    # The same exchange seen through the Linux "any" pseudo-device (Linux cooked link type) and saved as pcapng:
    # other link types and file formats for the reader and the dissector.
    local out="$DATA_DIR/06-tcp-handshake-sll.pcap"
    start_capture "$out" any "tcp port 12801"
    timeout 15 python3 -c "$ECHO_SERVER" 12801 & PIDS+=($!); local server=$!
    sleep 0.3
    timeout 10 python3 -c "$ECHO_CLIENT" 12801 "Bonjour serveur" >/dev/null
    wait "$server"
    stop_capture; report "$out"
    editcap -F pcapng "$DATA_DIR/06-tcp-handshake.pcap" "$DATA_DIR/06-tcp-handshake.pcapng"
    chmod 644 "$DATA_DIR/06-tcp-handshake.pcapng"
    report "$DATA_DIR/06-tcp-handshake.pcapng"
}

make_refused() {
    local out="$DATA_DIR/04-connexion-refusee.pcap"
    start_capture "$out" lo "tcp port 12809"
    # Nothing listens on 12809: the kernel answers the SYN with RST, ACK.
    timeout 5 python3 -c '
import socket
try:
    socket.create_connection(("127.0.0.1", 12809), timeout=3)
except ConnectionRefusedError as e:
    print("refusée:", e)' >/dev/null
    stop_capture; report "$out"
}

make_http() {
    local out="$DATA_DIR/06-http.pcap"
    # A minimal HTTP/1.1 server on 127.0.0.1:80 that writes each response in one segment (headers and body
    # together), serves two connections and stops: GET /index.html → 200, anything else → 404.
    timeout 20 python3 -c '
import socket
page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>NetCourse</title></head><body><p>Bonjour depuis le serveur web du cours.</p></body></html>\n".encode()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 80)); s.listen(2); s.settimeout(15)
for _ in range(2):
    c, _ = s.accept(); c.settimeout(10)
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = c.recv(4096)
        if not chunk: break
        request += chunk
    path = request.split(b" ")[1] if request.count(b" ") >= 2 else b"/"
    if path == b"/index.html":
        status, body, kind = "200 OK", page, "text/html; charset=utf-8"
    else:
        status, body, kind = "404 Not Found", "Page introuvable\n".encode(), "text/plain; charset=utf-8"
    head = "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % (status, kind, len(body))
    c.sendall(head.encode() + body)
    c.recv(1024)
    c.close()
s.close()' & PIDS+=($!); local server=$!
    sleep 0.4
    start_capture "$out" lo "tcp port 80"
    curl -s --max-time 5 -o /dev/null http://127.0.0.1/index.html
    curl -s --max-time 5 -o /dev/null http://127.0.0.1/absent.html || true
    wait "$server" || true
    stop_capture; report "$out"
}

make_dns() {
    local out="$DATA_DIR/03-dns.pcap"
    # A tiny authoritative DNS server on 127.0.0.1:53 for the zone netcourse.test (RFC 2606 reserves .test):
    # A records answer from 198.18.0.0/15, unknown names get NXDOMAIN.
    timeout 20 python3 -c '
import socket, struct
zone = {"serveur.netcourse.test": "198.18.0.10", "www.netcourse.test": "198.18.0.80"}
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53)); s.settimeout(15)
while True:
    try: q, peer = s.recvfrom(512)
    except socket.timeout: break
    tid, flags = struct.unpack("!HH", q[:4]); i = 12; labels = []
    while q[i]: labels.append(q[i+1:i+1+q[i]].decode()); i += 1 + q[i]
    question = q[12:i+5]; qtype = struct.unpack("!H", q[i+1:i+3])[0]; name = ".".join(labels).lower()
    rd = flags & 0x0100
    if name in zone and qtype == 1:
        answer = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + socket.inet_aton(zone[name])
        r = struct.pack("!HHHHHH", tid, 0x8400 | rd, 1, 1, 0, 0) + question + answer
    elif name in zone:
        r = struct.pack("!HHHHHH", tid, 0x8400 | rd, 1, 0, 0, 0) + question
    else:
        r = struct.pack("!HHHHHH", tid, 0x8403 | rd, 1, 0, 0, 0) + question
    s.sendto(r, peer)' & PIDS+=($!); local server=$!
    sleep 0.5
    start_capture "$out" lo "udp port 53"
    dig +tries=1 +time=2 @127.0.0.1 serveur.netcourse.test A >/dev/null
    dig +tries=1 +time=2 @127.0.0.1 www.netcourse.test A >/dev/null
    dig +tries=1 +time=2 @127.0.0.1 inconnu.netcourse.test A >/dev/null || true
    stop_capture; report "$out"
    kill "$server" 2>/dev/null || true
}

make_ping() {
    local out="$DATA_DIR/01-ping.pcap"
    start_capture "$out" lo "icmp"
    ping -c 3 -i 0.2 -W 1 127.0.0.1 >/dev/null
    stop_capture; report "$out"
}

# Two namespaces joined by a veth pair: 198.18.0.1/24 (A) — 198.18.0.2/24 (B).
make_namespaces() {
    ip netns del "$NS_A" 2>/dev/null || true
    ip netns del "$NS_B" 2>/dev/null || true
    ip netns add "$NS_A"
    ip netns add "$NS_B"
    ip link add veth-cap-a netns "$NS_A" type veth peer name veth-cap-b netns "$NS_B"
    ip -n "$NS_A" addr add 198.18.0.1/24 dev veth-cap-a
    ip -n "$NS_B" addr add 198.18.0.2/24 dev veth-cap-b
    ip -n "$NS_A" link set lo up
    ip -n "$NS_B" link set lo up
    ip -n "$NS_A" link set veth-cap-a up
    ip -n "$NS_B" link set veth-cap-b up
}
drop_namespaces() {
    ip netns del "$NS_A" 2>/dev/null || true
    ip netns del "$NS_B" 2>/dev/null || true
}

make_arp() {
    local out="$DATA_DIR/07-arp.pcap"
    make_namespaces
    start_capture "$out" veth-cap-a "arp or icmp" "$NS_A"
    # A's ARP cache is empty: the first ping is preceded by "who has 198.18.0.2?" (broadcast) and B's reply.
    ip netns exec "$NS_A" ping -c 2 -i 0.2 -W 1 198.18.0.2 >/dev/null
    stop_capture; report "$out"
    drop_namespaces
}

make_retransmissions() {
    # This kernel may have no netem: the loss is made by hand, deterministically. The capture runs on B's side;
    # while B's address is removed, a segment still reaches B's interface (the capture sees it) but B's IP layer
    # drops it (no such address, forwarding off). The next segments arrive out of order, B sends duplicate ACKs,
    # and A retransmits the lost segment.
    local out="$DATA_DIR/06-retransmissions.pcap"
    make_namespaces
    start_capture "$out" veth-cap-b "tcp port 12800" "$NS_B"
    timeout 20 ip netns exec "$NS_B" python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("198.18.0.2", 12800)); s.listen(1); s.settimeout(15)
c, _ = s.accept(); c.settimeout(15)
while c.recv(4096): pass
c.close()' & PIDS+=($!); local server=$!
    sleep 0.3
    timeout 15 ip netns exec "$NS_A" python3 -c '
import socket, subprocess, time, sys
ns_b = sys.argv[1]
def b_address(action):
    subprocess.run(["ip", "-n", ns_b, "addr", action, "198.18.0.2/24", "dev", "veth-cap-b"], check=True)
c = socket.create_connection(("198.18.0.2", 12800), timeout=10)
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
c.sendall(b"segment 1 : arrive\n"); time.sleep(0.1)
b_address("del")
c.sendall(b"segment 2 : perdu\n"); time.sleep(0.05)
b_address("add")
for i in range(3, 7):
    c.sendall(("segment %d : hors ordre\n" % i).encode()); time.sleep(0.01)
time.sleep(1.0)
c.close()' "$NS_B"
    wait "$server" || true
    stop_capture
    drop_namespaces
    [[ $(tshark -r "$out" -Y tcp.analysis.retransmission 2>/dev/null | wc -l) -gt 0 ]] || die "aucune retransmission capturée"
    report "$out"
}

make_http_vs_https() {
    # The same message (a login form: user name and password) posted over HTTP on 127.0.0.1:80, then over HTTPS on
    # 127.0.0.1:443 with TLS 1.3, then with TLS 1.2. The HTTPS client names the server serveur.netcourse.test (sent
    # in clear in the SNI); the certificate is made on the fly and thrown away. For the TLS 1.2 connection the server
    # writes its TLS bytes 300 at a time (TCP_NODELAY), so its handshake records spread over several segments; both
    # sides end with close_notify, then FIN.
    local out="$DATA_DIR/04-http-vs-https.pcap"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=serveur.netcourse.test \
        -addext subjectAltName=DNS:serveur.netcourse.test -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
    timeout 20 python3 -c '
import socket, ssl, sys
tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); tls.load_cert_chain(sys.argv[1], sys.argv[2])
def listen(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(1); s.settimeout(15); return s
class Plain:
    def __init__(self, sock): self.sock = sock
    def read(self): return self.sock.recv(4096)
    def write(self, data): self.sock.sendall(data)
    def close(self): self.sock.recv(1024); self.sock.close()
class Tls:
    def __init__(self, sock, chunk):
        self.sock, self.chunk, self.inc, self.out = sock, chunk, ssl.MemoryBIO(), ssl.MemoryBIO()
        self.obj = tls.wrap_bio(self.inc, self.out, server_side=True)
        self.call(self.obj.do_handshake)
    def flush(self):
        data = self.out.read(); step = self.chunk or max(len(data), 1)
        for i in range(0, len(data), step): self.sock.sendall(data[i:i + step])
    def call(self, operation, *args):
        while True:
            try:
                result = operation(*args); self.flush(); return result
            except ssl.SSLWantReadError:
                self.flush(); data = self.sock.recv(65536)
                if data: self.inc.write(data)
                else: self.inc.write_eof()
    def read(self):
        try: return self.call(self.obj.read, 4096)
        except ssl.SSLZeroReturnError: return b""
    def write(self, data): self.call(self.obj.write, data)
    def close(self):
        while self.read(): pass
        self.call(self.obj.unwrap); self.sock.close()
plain, secure = listen(80), listen(443)
for server, chunk in ((plain, None), (secure, 0), (secure, 300)):
    c, _ = server.accept(); c.settimeout(10); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    peer = Plain(c) if chunk is None else Tls(c, chunk)
    request = b""
    while b"\r\n\r\n" not in request or len(request.split(b"\r\n\r\n", 1)[1]) < 38:
        data = peer.read()
        if not data: break
        request += data
    body = "Bienvenue, alice !\n".encode()
    peer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n"
               b"Connection: close\r\n\r\n" % len(body) + body)
    peer.close()' "$WORK/cert.pem" "$WORK/key.pem" & PIDS+=($!); local server=$!
    sleep 0.4
    start_capture "$out" lo "tcp port 80 or tcp port 443"
    timeout 15 python3 -c '
import socket, ssl, time
form = b"utilisateur=alice&mot_de_passe=hibou42"
request = (b"POST /connexion HTTP/1.1\r\nHost: serveur.netcourse.test\r\n"
           b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(form)) + form
def exchange(port, version=None):
    c = socket.create_connection(("127.0.0.1", port), timeout=10)
    if version is not None:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); tls.check_hostname = False; tls.verify_mode = ssl.CERT_NONE
        tls.minimum_version = tls.maximum_version = version
        c = tls.wrap_socket(c, server_hostname="serveur.netcourse.test")
    c.sendall(request)
    reply = b""
    while b"alice !" not in reply:
        data = c.recv(4096)
        if not data: break
        reply += data
    if version is not None: c = c.unwrap()
    c.close(); time.sleep(0.2)
exchange(80); exchange(443, ssl.TLSVersion.TLSv1_3); exchange(443, ssl.TLSVersion.TLSv1_2)'
    wait "$server" || true
    stop_capture; report "$out"
}

make_fragments() {
    # IP fragments without touching the machine's own loopback: a namespace of our own whose lo has the smallest
    # IPv6 MTU (1280). A 2000-byte ping and a 3000-byte UDP datagram, over IPv4 then IPv6, do not fit and are cut
    # into fragments; the capture on that lo sees both directions (request and reply fragments).
    local out="$DATA_DIR/06-fragments.pcap"
    ip netns del "$NS_FRAG" 2>/dev/null || true
    ip netns add "$NS_FRAG"
    ip -n "$NS_FRAG" link set lo mtu 1280 up
    start_capture "$out" lo "ip or ip6" "$NS_FRAG"
    timeout 10 ip netns exec "$NS_FRAG" python3 -c '
import socket
for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    r = socket.socket(family, socket.SOCK_DGRAM); r.bind((host, 12900)); r.settimeout(5)
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.sendto(b"fragment " * 333 + b"fin", (host, 12900))
    assert len(r.recvfrom(4096)[0]) == 3000
    r.close(); s.close()'
    ip netns exec "$NS_FRAG" ping -c 1 -s 2000 -W 1 127.0.0.1 >/dev/null
    ip netns exec "$NS_FRAG" ping -6 -c 1 -s 2000 -W 1 ::1 >/dev/null
    stop_capture; report "$out"
    ip netns del "$NS_FRAG"
}

make_nat() {
    # A home network behind a box that does NAT, and a server "on the Internet", all in namespaces of our own:
    #   nc-nat-maison 198.18.10.2 — (198.18.10.1) nc-nat-box (198.19.10.1) — 198.19.10.2 nc-nat-internet
    # The box forwards and masquerades what leaves on its Internet side (nftables), taking source ports from
    # 62000-62999 as a box short of ports does. The server has no route to 198.18.10.0/24: it can only answer the
    # box's address. One UDP datagram goes from the home PC (port 50000) to the server (port 12800) and the server
    # answers with the address and port it saw; dumpcap records both sides of the box at once.
    local home="$DATA_DIR/03-nat-maison.pcap" internet="$DATA_DIR/03-nat-internet.pcap"
    local pc=${NS_NAT[0]} box=${NS_NAT[1]} server=${NS_NAT[2]}
    local ns
    for ns in "${NS_NAT[@]}"; do ip netns del "$ns" 2>/dev/null || true; ip netns add "$ns"; ip -n "$ns" link set lo up; done
    ip link add nat-pc netns "$pc" type veth peer name nat-maison netns "$box"
    ip link add nat-internet netns "$box" type veth peer name nat-srv netns "$server"
    ip -n "$pc" addr add 198.18.10.2/24 dev nat-pc
    ip -n "$box" addr add 198.18.10.1/24 dev nat-maison
    ip -n "$box" addr add 198.19.10.1/24 dev nat-internet
    ip -n "$server" addr add 198.19.10.2/24 dev nat-srv
    ip -n "$pc" link set nat-pc up
    ip -n "$box" link set nat-maison up
    ip -n "$box" link set nat-internet up
    ip -n "$server" link set nat-srv up
    ip -n "$pc" route add default via 198.18.10.1
    ip netns exec "$box" sysctl -qw net.ipv4.ip_forward=1
    ip netns exec "$box" nft -f - <<'NFT'
table ip nat {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "nat-internet" meta l4proto { tcp, udp } masquerade to :62000-62999
        oifname "nat-internet" masquerade
    }
}
NFT
    timeout 15 ip netns exec "$server" python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("198.19.10.2", 12800)); s.settimeout(10)
data, peer = s.recvfrom(1024)
s.sendto(("Bonjour ! Je vous vois comme %s:%d" % peer).encode(), peer)' & PIDS+=($!); local answer=$!
    start_capture "$home" nat-maison "udp port 12800" "$box"; local home_pid=$CAP_PID
    start_capture "$internet" nat-internet "udp port 12800" "$box"
    timeout 10 ip netns exec "$pc" python3 -c '
import socket
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); c.bind(("198.18.10.2", 50000)); c.settimeout(5)
c.sendto("Bonjour depuis la maison".encode(), ("198.19.10.2", 12800))
print(c.recvfrom(1024)[0].decode())' >/dev/null
    wait "$answer"
    stop_capture
    CAP_PID=$home_pid CAP_FILE=$home
    stop_capture
    for ns in "${NS_NAT[@]}"; do ip netns del "$ns"; done
    [[ $(tshark -r "$home" 2>/dev/null | wc -l) -eq 2 && $(tshark -r "$internet" 2>/dev/null | wc -l) -eq 2 ]] || die "NAT : 2 datagrammes attendus de chaque côté"
    report "$home"; report "$internet"
}

ALL=(tcp_handshake tcp_handshake_other_formats refused http dns ping arp retransmissions http_vs_https fragments nat)
if [[ $# -eq 0 ]]; then set -- "${ALL[@]}"; fi
for name in "$@"; do
    declare -F "make_$name" >/dev/null || die "capture inconnue : $name (connues : ${ALL[*]})"
    "make_$name"
done
