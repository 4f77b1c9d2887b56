# shellcheck shell=bash
# Shared by the runbooks (sourced, not run): the repository root as working directory, the first error
# stops the runbook, and every step says what is happening before it happens.
set -euo pipefail
# Where the runbook was started: a path argument is relative to it.
export CALLER_DIR=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The bootstrap stack's own backend: local, because the state bucket is what it creates. It holds no
# secret, so its passphrase is empty unless you set one when you made it (PULUMI_CONFIG_PASSPHRASE).
BOOTSTRAP_BACKEND="${TUTORS_BOOTSTRAP_BACKEND:-file://$HOME/.pulumi-tutors-bootstrap}"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (docs/operations.md: Tools)"
  done
}
check_stack() { case "${1:-}" in prod|staging) ;; *) die "unknown stack '${1:-}'; allowed: prod, staging" ;; esac; }
# A top-level value of a committed stack file, as written there (quotes dropped).
stack_value() { sed -n "s/^  $2: *//p" "Pulumi.$1.yaml" | head -n 1 | tr -d "\"'"; }
bootstrap() { PULUMI_BACKEND_URL="$BOOTSTRAP_BACKEND" PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}" pulumi -C bootstrap "$@"; }
# The stack's secrets: the four every stack needs, and the CDN's origin secret where the CDN is on.
secret_keys() {
  echo dbPassword redisAuthToken djangoSecretKey nextauthSecret
  if [ "$(stack_value "$1" tutors:cdn)" = true ]; then echo originSecret; fi
}
# A new value for a secret, within what the program (and RDS, ElastiCache) accept; never printed, and
# without a final newline (it reaches pulumi config set on stdin).
generate() {
  case "$1" in
    dbPassword) openssl rand -base64 30 | tr -d '/@+=\n' | head -c 32 ;;
    redisAuthToken | originSecret) openssl rand -hex 32 | tr -d '\n' ;;
    djangoSecretKey) openssl rand -base64 48 | tr -d '\n' ;;
    nextauthSecret) openssl rand -base64 32 | tr -d '\n' ;;
    *) die "no generator for $1" ;;
  esac
}
