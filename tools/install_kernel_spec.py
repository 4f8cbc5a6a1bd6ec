#!/usr/bin/env python3
"""Installs the .NET Interactive kernel spec (.net-csharp) into KERNELS_DIR, safely configured.

Usage: install_kernel_spec.py KERNELS_DIR   (run from the repository: `dotnet interactive` is the pinned local tool)

Used by .ci/install (system-wide: /usr/local/share/jupyter/kernels, for every user) and by `netcourse book` (for the
current user, when no spec is found). The kernel's HTTP server is kept on the loopback (--http-local-only) and .NET
telemetry is off: the kernel would otherwise listen on every interface and contact telemetry hosts.
"""
import json, os, subprocess, sys


def main():
    kernels = os.path.abspath(sys.argv[1])
    spec_path = os.path.join(kernels, ".net-csharp", "kernel.json")
    os.makedirs(kernels, exist_ok=True)
    if not os.path.isfile(spec_path):
        subprocess.run(["dotnet", "interactive", "jupyter", "install", "--path", kernels],
                       check=True, stdout=subprocess.DEVNULL)
    with open(spec_path) as f:
        spec = json.load(f)
    if "--http-local-only" not in spec["argv"]:
        spec["argv"].insert(spec["argv"].index("{connection_file}") + 1, "--http-local-only")
    spec.setdefault("env", {}).update({"DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    with open(spec_path, "w") as f:
        json.dump(spec, f, indent=2)
    # Readable by every user (a system-wide spec is installed by root).
    os.chmod(os.path.dirname(spec_path), 0o755)
    for name in os.listdir(os.path.dirname(spec_path)):
        os.chmod(os.path.join(os.path.dirname(spec_path), name), 0o644)
    print(spec_path)


if __name__ == "__main__":
    main()
