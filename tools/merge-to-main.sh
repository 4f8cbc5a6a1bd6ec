#!/usr/bin/env bash
# Developer helper (parallel worktrees): rebase the current branch on main and fast-forward main to it, under a lock.
set -euo pipefail
branch=$(git rev-parse --abbrev-ref HEAD)
main_tree=$(git worktree list --porcelain | awk '/^worktree /{w=$2} /^branch refs\/heads\/main$/{print w}')
exec 9>/tmp/netcourse-merge.lock
flock 9
git rebase main
git -C "$main_tree" merge --ff-only "$branch"
echo "main is now $(git rev-parse --short main) ($branch merged)"
