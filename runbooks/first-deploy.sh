#!/usr/bin/env bash
# Runbook: a stack's first deploy, phase by phase, from a laptop (CI takes over from the next push):
# the images need phase 3's repositories, the first release needs phase 4's task definitions, and the
# CDN goes in front before the origin is locked. Re-running it from the start is safe.
#   runbooks/first-deploy.sh <prod|staging> <checkout of the app repository>
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
stack=${1:-}
check_stack "$stack"
app=$(cd "$CALLER_DIR" && cd "${2:-/nonexistent}" 2>/dev/null && pwd) \
  || die "usage: runbooks/first-deploy.sh <prod|staging> <checkout of the app repository>"
need java pulumi aws docker git
[ -f target/tutors-infra.jar ] || mvn -B -q package -DskipTests
tag=$(git -C "$app" rev-parse HEAD)
region=$(stack_value "$stack" aws:region)
last=$(stack_value "$stack" tutors:lastPhase)
[ "${last:-0}" -ge 5 ] || die "Pulumi.$stack.yaml: tutors:lastPhase is '$last'; this runbook deploys phases 1 to 5 at least"
# The image's platform: the stack's cpuArchitecture (Apple Silicon would build arm64 whatever the stack runs).
case "$(stack_value "$stack" tutors:cpuArchitecture)" in
  ARM64) platform=linux/arm64 ;;
  *) platform=linux/amd64 ;;
esac
up() { pulumi up --stack "$stack" "$@"; }

say "1/6 Phases 1-3: network, data, storage (15-25 minutes: the database and the cache take longest)"
up --config tutors:lastPhase=3
say "2/6 Images of app commit $tag for $platform, pushed to the stack's repositories"
backend=$(pulumi stack output backendEcrUrl --stack "$stack")
frontend=$(pulumi stack output frontendEcrUrl --stack "$stack")
aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "${backend%%/*}"
docker buildx build --platform "$platform" --push --tag "$backend:$tag" "$app/${BACKEND_CONTEXT:-backend}"
docker buildx build --platform "$platform" --push --build-arg NEXT_PUBLIC_API_URL=/api --tag "$frontend:$tag" "$app/${FRONTEND_CONTEXT:-frontend}"
say "3/6 Phase 4: roles, task definitions, the release task (no service yet, so nobody sees anything)"
up --config tutors:lastPhase=4 --config "tutors:imageTag=$tag"
say "4/6 The first release: migrate, then collectstatic (exit 0 means both succeeded)"
java -jar target/tutors-infra.jar release --stack "$stack"
say "5/6 Phase 5: the load balancer, the certificate (ACM validates by DNS in a few minutes), the services"
up --config tutors:lastPhase=5 --config "tutors:imageTag=$tag"
java -jar target/tutors-infra.jar verify --stack "$stack" --record
# verify recorded the tag in SSM: from here on the program plans it without a config value.
pulumi config rm tutors:imageTag --stack "$stack"
if [ "$last" -ge 6 ] && [ "$(stack_value "$stack" tutors:cdn)" = true ]; then
  say "6/6 Phase 6: CloudFront in front with the origin still open (up to 15 minutes), then the origin locked"
  up --config tutors:lastPhase=6 --config tutors:originLock=false
  say "Waiting ${TUTORS_DNS_WAIT:-300} s for resolvers to follow the records to CloudFront before the ALB refuses direct requests"
  sleep "${TUTORS_DNS_WAIT:-300}"
  # Back to the committed file: its originLock, or none (locked by default).
  committed=$(stack_value "$stack" tutors:originLock)
  if [ -n "$committed" ]; then
    up --config "tutors:originLock=$committed"
  else
    pulumi config rm tutors:originLock --stack "$stack"
    up
  fi
elif [ "$last" -ge 6 ]; then
  say "6/6 Phase 6: alarms, and the dashboard where enabled"
  up --config tutors:lastPhase=6
fi
say "Done: the site answers on $(stack_value "$stack" tutors:domain). git diff Pulumi.$stack.yaml should show nothing; push to hand over to CI."
