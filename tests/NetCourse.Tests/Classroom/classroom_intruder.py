"""The hostile student of the namespace test, one behaviour per process; prints one JSON line of what it got."""
import json
import socket
import sys
import time

host, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
connection = socket.create_connection((host, port), timeout=10)
connection.settimeout(30)
started = time.monotonic()


def read_all(limit=30):
    """Everything the server sends until it closes (or limit seconds), as lines."""
    data = b""
    deadline = time.monotonic() + limit
    connection.settimeout(1)
    while time.monotonic() < deadline:
        try:
            chunk = connection.recv(65536)
        except socket.timeout:
            if mode != "flood" and mode != "silent":
                break
            continue
        except ConnectionResetError:
            return data.decode("utf-8", "replace").splitlines(), True
        if not chunk:
            return data.decode("utf-8", "replace").splitlines(), True
        data += chunk
    return data.decode("utf-8", "replace").splitlines(), False


def own_notices(lines):
    """The server's notices to this client: not the welcome, not the class's comings and goings (the other
    intruders join at the same time, so those can come first in any order)."""
    return [l for l in lines if l.startswith("* ") and "Bienvenue" not in l
            and not l.endswith(" a rejoint la classe") and not l.endswith(" a quitté la classe")][:5]


result = {"mode": mode}
names = {"html": "<img src=x onerror=alert(1)>", "huge": "gros", "flood": "inondeur"}
if mode in names:
    connection.sendall((names[mode] + "\n").encode())
    welcome = b""
    while b"Bienvenue" not in welcome:
        welcome += connection.recv(4096)
# Ready, like the students: everyone starts at « go », so the attacks overlap the class's messages.
print("PRET", flush=True)
if sys.stdin.readline().strip() != "go":
    sys.exit(1)
if mode == "html":
    connection.sendall("<script>document.title='pirate'</script>\n".encode())
    lines, closed = read_all(3)
    result.update(notices=own_notices(lines), closed=closed)
    result["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    if sys.stdin.readline().strip() == "encore":  # the same script again, so it is among the dashboard's latest lines
        connection.sendall("<script>document.title='pirate'</script>\n".encode())
        sys.stdin.readline()  # « bye »: stay listed until the dashboard has been checked
    sys.exit(0)
elif mode == "huge":
    connection.sendall(b"x" * (2 * 1024 * 1024) + b"\n")
    connection.sendall("après la grosse ligne\n".encode())
    lines, closed = read_all(5)
    result.update(notices=own_notices(lines), closed=closed)
elif mode == "flood":
    flood = "".join(f"inondation {i}\n" for i in range(3000)).encode()
    sent = 0
    try:
        connection.sendall(flood)
        sent = 3000
    except (BrokenPipeError, ConnectionResetError):
        sent = -1
    lines, closed = read_all(20)
    result.update(sent=sent, notices=own_notices(lines), closed=closed)
elif mode == "silent":
    lines, closed = read_all(30)
    result.update(lines=lines, closed=closed)
result["seconds"] = round(time.monotonic() - started, 2)
print(json.dumps(result, ensure_ascii=False), flush=True)
