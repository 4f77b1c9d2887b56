#!/usr/bin/env bash
# The pull request's offline report: for each stack, the change diff (data and outage warnings first)
# and the cost comparison of head against base. Both sides are planned by their own program; no AWS.
#   plan-diff.sh <base-checkout> <head-checkout> <out.md>
set -euo pipefail

[ "$#" -eq 3 ] || { echo "usage: $0 <base-checkout> <head-checkout> <out.md>" >&2; exit 2; }
base=$1 head=$2 out=$3
work=$(mktemp -d)

for side in "$base" "$head"; do
  (cd "$side" && mvn -B -q package -DskipTests)
done
echo "<!-- tutors-plan-diff -->" > "$out"
for stack in staging prod; do
  (cd "$base" && java -jar target/tutors-infra.jar plan --stack "$stack" --format json) > "$work/base-$stack.json"
  (cd "$head" && java -jar target/tutors-infra.jar plan --stack "$stack" --format json) > "$work/head-$stack.json"
  {
    echo "#### Stack \`$stack\`"
    java -jar "$head/target/tutors-infra.jar" plan --diff "$work/base-$stack.json" "$work/head-$stack.json" --format markdown
    java -jar "$head/target/tutors-infra.jar" plan --compare-json "$work/base-$stack.json" "$work/head-$stack.json"
  } >> "$out"
done
