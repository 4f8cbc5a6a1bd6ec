#!/usr/bin/env python3
"""Authoring aid: writes a Polyglot/Jupyter C# notebook (no outputs) from a plain text file.

Usage: notebook_from_text.py SOURCE.txt notebooks/NN-slug.ipynb
A line `#%% md` starts a Markdown cell, `#%% csharp` a C# cell. Cell ids are stable (slug + index), and the metadata is
the one both Jupyter (.net-csharp) and VS Code Polyglot Notebooks accept.
"""
import json, os, re, sys


def main(source, target):
    slug = os.path.splitext(os.path.basename(target))[0]
    cells, kind, lines = [], None, []

    def flush():
        if kind is None:
            return
        text = "\n".join(lines).strip("\n")
        cell = {"cell_type": "markdown" if kind == "md" else "code", "id": f"{slug}-{len(cells):02d}",
                "metadata": {}, "source": [l + "\n" for l in text.split("\n")]}
        cell["source"][-1] = cell["source"][-1].rstrip("\n")
        if kind != "md":
            cell["metadata"] = {"polyglot_notebook": {"kernelName": "csharp"}}
            cell["execution_count"] = None
            cell["outputs"] = []
        cells.append(cell)

    for line in open(source, encoding="utf-8").read().split("\n"):
        m = re.match(r"^#%% (md|csharp)\s*$", line)
        if m:
            flush()
            kind, lines = m.group(1), []
        else:
            lines.append(line)
    flush()
    nb = {"cells": cells, "metadata": {
        "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
        # "C#" (not "polyglot-notebook"): classic Jupyter asks CodeMirror for a mode of that name (404 otherwise).
        "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "C#", "pygments_lexer": "csharp"},
        "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"name": "csharp"}]}}},
        "nbformat": 4, "nbformat_minor": 5}
    with open(target, "w", encoding="utf-8") as f:
        json.dump(nb, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
