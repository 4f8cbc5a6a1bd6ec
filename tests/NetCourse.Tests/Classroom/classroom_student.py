"""A student of the namespace test: joins the class, says PRET, sends N timed messages after « go », counts what
the others' messages took to arrive, prints one JSON line, leaves after « bye ». Every wait is bounded."""
import json
import socket
import sys
import threading
import time

host, port, name, count, interval, students = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
honest = {f"eleve{i:02d}" for i in range(1, students + 1)}
expected = (students - 1) * count
welcome = threading.Event()
done = threading.Event()
seen = set()
latencies = []
duplicates = 0
others = {}
lock = threading.Lock()

connection = socket.create_connection((host, port), timeout=10)
connection.settimeout(None)


def read():
    global duplicates
    for raw in connection.makefile("rb"):
        line = raw.decode("utf-8", "replace").rstrip("\n")
        if line.startswith("* Bienvenue"):
            welcome.set()
            continue
        sender, sep, text = line.partition(" : ")
        if not sep or line.startswith("* "):
            continue
        if sender in honest:
            parts = text.split(" ")
            key = (sender, int(parts[1]))
            with lock:
                if key in seen:
                    duplicates += 1
                else:
                    seen.add(key)
                    latencies.append((time.time_ns() - int(parts[2])) / 1e6)
                if len(seen) >= expected:
                    done.set()
        else:
            with lock:
                others[sender] = others.get(sender, 0) + 1
    done.set()


threading.Thread(target=read, daemon=True).start()
connection.sendall((name + "\n").encode())
if not welcome.wait(20):
    print(json.dumps({"name": name, "error": "pas de bienvenue"}), flush=True)
    sys.exit(1)
print("PRET", flush=True)
if sys.stdin.readline().strip() != "go":
    sys.exit(1)
if name in ("eleve01", "eleve02", "eleve03"):
    connection.sendall(b"/progression 2:1/2 5:2/2\n")
for seq in range(count):
    connection.sendall(f"m {seq} {time.time_ns()}\n".encode())
    time.sleep(interval)
done.wait(60)
with lock:
    print(json.dumps({"name": name, "received": len(seen), "expected": expected, "duplicates": duplicates,
                      "latencies": latencies, "others": others}), flush=True)
sys.stdin.readline()  # « bye »: stay connected until the dashboard has been checked
connection.close()
