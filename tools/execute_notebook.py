#!/usr/bin/env python3
"""Executes one notebook with the real .NET Interactive kernel (Jupyter's nbclient), as a student's Jupyter would.

Usage: execute_notebook.py NOTEBOOK --out EXECUTED.ipynb [--html PAGE.html] [--timeout SECONDS] [--runs N] [--trust]
       execute_notebook.py --check-kernel

--check-kernel starts the kernel once, under the lock, and prints {"ok": true} or {"ok": false, "why": "..."}.
--trust signs the executed notebook in the user's Jupyter notebook database (what `jupyter trust` does), so the
Jupyter UI shows it trusted, outputs and charts included.

The kernel starts in the notebook's folder. Every cell is bounded by --timeout; a cell past it is reported and the run
stops. With --runs 2 the whole notebook runs twice in the same kernel (re-running a chapter must work).
The last line printed is a JSON summary: {"notebook", "cells", "code_cells", "errors": [...], "seconds", ...}.
The .NET Interactive kernel always binds HTTP port 2048, so two kernels must not start at once: a file lock serialises
runs. The lock is the user's own (NETCOURSE_KERNEL_LOCK, else $XDG_RUNTIME_DIR, else /tmp/netcourse-UID/), so a lock
left by another user (root) never blocks this one.
"""
import argparse, fcntl, json, os, stat, sys, tempfile, time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError



def lock_path():
    explicit = os.environ.get("NETCOURSE_KERNEL_LOCK")
    if explicit:
        return explicit
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime) and os.access(runtime, os.W_OK):
        return os.path.join(runtime, "netcourse-kernel.lock")
    folder = os.path.join(tempfile.gettempdir(), f"netcourse-{os.getuid()}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.lstat(folder)
    if info.st_uid != os.getuid() or not stat.S_ISDIR(info.st_mode):
        sys.exit(f"{folder} n'appartient pas à cet utilisateur : supprimez-le (sudo rm -r {folder}).")
    return os.path.join(folder, "kernel.lock")


def check_kernel(kernel, startup_timeout):
    """Starts the kernel once and asks for kernel_info: the reason it cannot start, in one line, or None."""
    from jupyter_client.manager import KernelManager
    log = tempfile.TemporaryFile(mode="w+")
    manager = KernelManager(kernel_name=kernel)
    try:
        manager.start_kernel(stdout=log, stderr=log)
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=startup_timeout)
        client.stop_channels()
        return None
    except Exception as e:  # no such kernel, died before kernel_info, timeout: all mean "cannot start"
        log.seek(0)
        said = [line.strip() for line in log.read().splitlines() if line.strip()]
        return (said[-1] if said else f"{type(e).__name__}: {e}".splitlines()[0])[:240]
    finally:
        try:
            manager.shutdown_kernel(now=True)
        except Exception:
            pass


def kernel_said(kernel_log):
    """The kernel's last lines of output, for an error message ("" when it said nothing)."""
    kernel_log.flush()
    kernel_log.seek(0)
    # Stack frames say where, not why: keep the lines that carry a message.
    said = [line.strip() for line in kernel_log.read().splitlines()
            if line.strip() and not line.strip().startswith(("at ", "--- "))]
    return (" — le noyau a écrit : " + " | ".join(said[-3:]))[:800] if said else ""


def start_kernel(client, kernel_log, summary, attempts=2):
    """Starts the chapter's kernel. A kernel that dies before answering kernel_info is started once more. Seen once as
    nc-student while other users ran kernels; the cause was not caught. Likely: the lock above is per user, so
    another user's kernel can hold HTTP port 2048, or take a ZeroMQ port jupyter_client chose free. A second failure
    is the chapter's error, with the kernel's own words."""
    for attempt in range(1, attempts + 1):
        client.km = client.create_kernel_manager()
        client.kc = None
        try:
            client.start_new_kernel(stdout=kernel_log, stderr=kernel_log)
            client.start_new_kernel_client()
            return
        except RuntimeError:
            if attempt == attempts:
                raise
            summary["kernel_start_retries"] = attempt
            print(f"noyau mort au démarrage (essai {attempt}){kernel_said(kernel_log)} : nouvel essai",
                  file=sys.stderr)
            try:
                client.km.shutdown_kernel(now=True)
            except Exception:
                pass
            time.sleep(2)


def cell_errors(nb, run):
    errors = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        # The kernel reports a compilation error as "compilation error"; the compiler's lines come as a stream.
        streamed = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream").strip()
        for output in outputs:
            if output.get("output_type") == "error":
                detail = output.get("evalue", "")
                if streamed:
                    detail = f"{detail}: {streamed}"
                errors.append({"run": run, "cell": index, "ename": output.get("ename", ""), "evalue": detail[:2000]})
    return errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook", nargs="?")
    parser.add_argument("--out")
    parser.add_argument("--check-kernel", action="store_true")
    parser.add_argument("--trust", action="store_true")
    parser.add_argument("--html")
    parser.add_argument("--timeout", type=int, default=120)
    parser.add_argument("--startup-timeout", type=int, default=180)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--kernel", default=".net-csharp")
    args = parser.parse_args()

    if args.check_kernel:
        with open(lock_path(), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            why = check_kernel(args.kernel, args.startup_timeout)
        print(json.dumps({"ok": why is None, "why": why}, ensure_ascii=False))
        return 0 if why is None else 3
    if not args.notebook or not args.out:
        parser.error("NOTEBOOK and --out are required")

    path = os.path.abspath(args.notebook)
    summary = {"notebook": os.path.basename(path), "cells": 0, "code_cells": 0, "errors": [], "seconds": 0.0,
               "kernel_start_seconds": 0.0, "runs": args.runs, "timed_out": False, "cell_seconds": []}
    start = time.monotonic()
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # not JSON, not a notebook
        summary["errors"].append({"run": 0, "cell": 0, "ename": type(e).__name__, "evalue": str(e)})
        print(json.dumps(summary))
        return 1
    summary["cells"] = len(nb.cells)
    summary["code_cells"] = sum(1 for c in nb.cells if c.cell_type == "code")

    client = NotebookClient(nb, timeout=args.timeout, startup_timeout=args.startup_timeout,
                            kernel_name=args.kernel, allow_errors=True, interrupt_on_timeout=False,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    # The kernel's own output goes to a file, not to this script's stdout (which carries the JSON summary): when the
    # kernel dies, its last lines say why, instead of nbclient's Python traceback.
    kernel_log = tempfile.TemporaryFile(mode="w+")
    with open(lock_path(), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        current = 0
        try:
            start_kernel(client, kernel_log, summary)
            with client.setup_kernel():
                summary["kernel_start_seconds"] = round(time.monotonic() - start, 2)
                for run in range(1, args.runs + 1):
                    for index, cell in enumerate(nb.cells):
                        if cell.cell_type == "code":
                            cell.outputs = []
                        current = index + 1
                        began = time.monotonic()
                        client.execute_cell(cell, index)
                        if cell.cell_type == "code" and run == 1:
                            summary["cell_seconds"].append([index + 1, round(time.monotonic() - began, 3)])
                    summary["errors"].extend(cell_errors(nb, run))
        except CellTimeoutError as e:
            summary["timed_out"] = True
            summary["errors"].append({"run": 0, "cell": current, "ename": "CellTimeoutError",
                                      "evalue": f"cell ran past {args.timeout} s: {str(e)[:300]}"})
        except DeadKernelError as e:
            summary["errors"].append({"run": 0, "cell": 0, "ename": "DeadKernelError",
                                      "evalue": f"{str(e)[:300]}{kernel_said(kernel_log)}"})
        except Exception as e:
            summary["errors"].append({"run": 0, "cell": 0, "ename": type(e).__name__,
                                      "evalue": f"{str(e)[:300]}{kernel_said(kernel_log)}"})
    summary["seconds"] = round(time.monotonic() - start, 2)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    nbformat.write(nb, args.out)
    if args.trust:
        # What `jupyter trust` does (not packaged by Debian): sign the notebook as written, in the user's database.
        from nbformat.sign import NotebookNotary
        NotebookNotary().sign(nbformat.read(args.out, as_version=4))
    if args.html:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
        with open(args.html, "w", encoding="utf-8") as f:
            f.write(body)
    print(json.dumps(summary))
    return 0 if not summary["errors"] else 2


if __name__ == "__main__":
    sys.exit(main())
