#!/usr/bin/env bash
# Runbook: an empty AWS account, bootstrapped once (docs/operations.md: From an empty account), by an
# administrator of the account, after the domain is set in both stack files.
#   runbooks/bootstrap-account.sh <owner>/<repository> [<ownerId>/<repositoryId>]
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  die "usage: runbooks/bootstrap-account.sh <owner>/<repository> [<ownerId>/<repositoryId>]"
fi
repository=$1
need java mvn pulumi aws jq
for stack in prod staging; do
  domain=$(stack_value "$stack" tutors:domain)
  case "$domain" in
    "" | example.com | *.example.com) die "Pulumi.$stack.yaml: tutors:domain is '$domain': set your own domain in both stack files first" ;;
  esac
done
# GitHub's OIDC subject names the repository by ids for repositories created or renamed since 2026-07-15.
ids=${2:-}
if [ -z "$ids" ]; then
  command -v gh >/dev/null 2>&1 || die "give <ownerId>/<repositoryId> (gh api repos/$repository --jq '\"\\(.owner.id)/\\(.id)\"'), or install gh"
  ids=$(gh api "repos/$repository" --jq '"\(.owner.id)/\(.id)"')
fi

say "1/5 Building both jars (a minute)"
mvn -B -q package -DskipTests
say "2/5 The bootstrap stack 'account' in its local backend, $BOOTSTRAP_BACKEND"
mkdir -p "${BOOTSTRAP_BACKEND#file://}"
bootstrap stack select --create account --secrets-provider passphrase
say "3/5 Its configuration: this account, the repository, the region and domains of the stack files"
account=$(aws sts get-caller-identity --query Account --output text)
bootstrap config set aws:region "$(stack_value prod aws:region)" --stack account
bootstrap config set tutors-bootstrap:accountId "$account" --stack account
bootstrap config set tutors-bootstrap:githubRepository "$repository" --stack account
bootstrap config set tutors-bootstrap:githubRepositoryIds "$ids" --stack account
for stack in prod staging; do
  bootstrap config set "tutors-bootstrap:${stack}Domain" "$(stack_value "$stack" tutors:domain)" --stack account
done
say "4/5 pulumi up: the state bucket, a KMS key per stack, GitHub's OIDC provider, five CI roles (answer 'yes')"
oidc="arn:aws:iam::$account:oidc-provider/token.actions.githubusercontent.com"
if ! bootstrap up --stack account; then
  aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$oidc" >/dev/null 2>&1 \
    || die "pulumi up failed (above); fix what it names and run this runbook again"
  say "The account had GitHub's OIDC provider already (another project made it): importing it, then up again"
  "$(dirname "$0")/import-oidc-provider.sh"
  bootstrap up --stack account
fi
say "5/5 What GitHub needs (docs/ci-cd.md: What to configure in GitHub):"
bootstrap stack output githubSecrets --json --stack account
say "Next: git add bootstrap/Pulumi.account.yaml && git commit -m 'Bootstrap the account', then runbooks/init-stack.sh staging and runbooks/init-stack.sh prod"
