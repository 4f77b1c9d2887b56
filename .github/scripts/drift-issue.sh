#!/usr/bin/env bash
# One issue per stack about drift: opened (or commented on, if already open) when the nightly check
# fails, closed when a later check finds none.
#   drift-issue.sh open  <stack> <run-url>
#   drift-issue.sh close <stack> <run-url>
# Needs GH_TOKEN and GITHUB_REPOSITORY (set in Actions).
set -euo pipefail

[ "$#" -eq 3 ] || { echo "usage: $0 open|close <stack> <run-url>" >&2; exit 2; }
action=$1 stack=$2 run=$3
title="Drift in stack $stack"

number=$(gh issue list --repo "$GITHUB_REPOSITORY" --state open --search "\"$title\" in:title" \
  --json number,title --jq "map(select(.title == \"$title\")) | .[0].number // empty")

case "$action" in
  open)
    if [ -n "$number" ]; then
      gh issue comment "$number" --repo "$GITHUB_REPOSITORY" --body "Still drifting: $run"
    else
      gh issue create --repo "$GITHUB_REPOSITORY" --title "$title" \
        --body "The nightly \`pulumi preview --refresh --expect-no-changes\` of $stack found changes or failed: $run"
    fi
    ;;
  close)
    if [ -n "$number" ]; then
      gh issue close "$number" --repo "$GITHUB_REPOSITORY" --comment "No drift any more: $run"
    fi
    ;;
  *) echo "usage: $0 open|close <stack> <run-url>" >&2; exit 2 ;;
esac
