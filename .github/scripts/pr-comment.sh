#!/usr/bin/env bash
# Posts a report as the pull request's one comment of its kind, updated in place on later pushes. The
# kind is the report's first line (an HTML comment such as <!-- tutors-plan-diff -->).
#   pr-comment.sh <pr-number> <report.md>
# Needs GH_TOKEN and GITHUB_REPOSITORY (set in Actions).
set -euo pipefail

[ "$#" -eq 2 ] || { echo "usage: $0 <pr-number> <report.md>" >&2; exit 2; }
pr=$1 report=$2
marker=$(head -n 1 "$report")
case "$marker" in
  "<!--"*"-->") ;;
  *) echo "$report does not start with an HTML comment marker" >&2; exit 1 ;;
esac

id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
if [ -n "$id" ]; then
  gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F "body=@$report" > /dev/null
else
  gh pr comment "$pr" --repo "$GITHUB_REPOSITORY" --body-file "$report"
fi
