#!/usr/bin/env python3
"""Writes lib/NetCourse/Dissection/Wireshark/*.tsv: Wireshark's own labels for the fields the dissector writes.

The labels, types, display bases and bit masks come from the dissectors' hf_register_info arrays, the value
strings and true/false strings from their value_string/true_false_string tables, as the installed Wireshark
reports them (`tshark -G fields`, `tshark -G values`): nothing is typed by hand. Re-run after a Wireshark
upgrade; the header of each file names the version it came from.

A name registered by two dissectors (tls.handshake.type: SSLv2's « Handshake Message Type » and TLS's « Handshake
Type ») is listed once by `tshark -G fields`, under its first registration, and its value strings twice by
`tshark -G values`, one block per registration. For those names the label is the one tshark itself prints in the
details of the project's captures (`tshark -T pdml` on data/*.pcap*), and the value strings are the block whose
names agree with it.

    python3 tools/wireshark-labels.py
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "lib", "NetCourse", "Dissection", "Wireshark")

# The fields the dissector writes (FieldNames.All), plus the parents and siblings Wireshark shows with them.
names_source = open(os.path.join(ROOT, "lib", "NetCourse", "Dissection", "FieldNames.cs"), encoding="utf-8").read()
names = set(re.findall(r'"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"', names_source))
# Value strings of these fields are kept (others have none, or are too long to be useful here).
valued = {
    "eth.type", "arp.opcode", "arp.hw.type", "arp.proto.type", "ip.proto", "ipv6.nxt", "sll.pkttype",
    "null.family", "icmpv6.type", "dns.qry.type", "dns.resp.type", "dns.qry.class", "dns.flags.opcode",
    "dns.flags.rcode", "sll.hatype", "sll.etype",
    "tls.record.content_type", "tls.record.opaque_type", "tls.record.version", "tls.handshake.type",
    "tls.handshake.version", "tls.handshake.extensions.supported_version", "tls.alert_message.level",
    "tls.alert_message.desc", "ipv6.fraghdr.nxt",
}

def tshark(kind):
    return subprocess.run(["tshark", "-G", kind], capture_output=True, text=True, check=True).stdout.splitlines()

version = subprocess.run(["tshark", "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
fields = {}
for line in tshark("fields"):
    parts = line.split("\t")
    if parts[0] == "F" and len(parts) >= 7 and parts[2] in names:
        fields[parts[2]] = parts[1:7]  # label, abbrev, type, protocol, display, bitmask

# Value strings, one block per registration of the name (a value seen again starts the next block).
blocks = {}
for line in tshark("values"):
    parts = line.split("\t")
    if parts[0] == "V" and parts[1] in valued and len(parts) >= 4:
        field_blocks = blocks.setdefault(parts[1], [[]])
        if any(row[1] == parts[2] for row in field_blocks[-1]):
            field_blocks.append([])
        field_blocks[-1].append(("V", parts[2], parts[3]))
    elif parts[0] == "T" and parts[1] in names and len(parts) >= 4:
        blocks.setdefault(parts[1], [[]])[-1].append(("T", parts[2], parts[3]))

# What tshark shows for each field in the project's captures: "label: value (number)" lines, by name.
shown = {}
data = os.path.join(ROOT, "data")
for capture in sorted(os.listdir(data)):
    if not capture.endswith((".pcap", ".pcapng")):
        continue
    pdml = subprocess.run(["tshark", "-n", "-r", os.path.join(data, capture), "-T", "pdml"],
                          capture_output=True, text=True, check=True).stdout
    for name, showname in re.findall(r'<field name="([^"]+)" showname="([^"]*)"', pdml):
        if name in names:
            shown.setdefault(name, set()).add(showname.replace("&quot;", '"').replace("&amp;", "&"))

values = {}
for name, field_blocks in blocks.items():
    chosen = field_blocks[-1]
    if len(field_blocks) > 1:
        # Registered more than once: keep the block whose names tshark prints for this field.
        seen = shown.get(name, set())
        matching = [b for b in field_blocks if any(f": {row[2]} (" in line for row in b for line in seen)]
        if not matching:
            sys.exit(f"{name}: {len(field_blocks)} value blocks and none matches tshark's lines {sorted(seen)[:3]}")
        chosen = max(matching, key=lambda b: sum(f": {row[2]} (" in line for row in b for line in seen))
        print(f"{name}: registered {len(field_blocks)} times, values of the one tshark prints", file=sys.stderr)
    values[name] = chosen

# A name registered twice (tshark -G fields lists its first registration only): its label as tshark prints it.
for name, block in blocks.items():
    if len(block) > 1 and name in fields:
        labels = {line.split(": ", 1)[0] for line in shown.get(name, ()) if ": " in line}
        if len(labels) != 1:
            sys.exit(f"{name}: registered twice; tshark prints it with {sorted(labels)} in data/, cannot choose a label")
        fields[name][0] = labels.pop()
        print(f"{name}: label « {fields[name][0]} » as tshark prints it", file=sys.stderr)

os.makedirs(OUT, exist_ok=True)
by_protocol = {}
for abbrev, (label, _, ftype, _, display, mask) in sorted(fields.items()):
    by_protocol.setdefault(abbrev.split(".")[0], []).append(("F", abbrev, label, ftype, display, mask))
for abbrev, rows in sorted(values.items()):
    for row in rows:
        by_protocol.setdefault(abbrev.split(".")[0], []).append((row[0], abbrev, row[1], row[2]))
for protocol, rows in by_protocol.items():
    with open(os.path.join(OUT, protocol + ".tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# generated by tools/wireshark-labels.py from {version}: tshark -G fields / -G values\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
print(f"{sum(len(r) for r in by_protocol.values())} rows in {len(by_protocol)} files ({version})", file=sys.stderr)
