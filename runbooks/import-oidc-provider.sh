#!/usr/bin/env bash
# Runbook: the account already has GitHub's OIDC provider (one per account and issuer), so the
# bootstrap's first up stops at EntityAlreadyExists. Imports it where the program declares it: under
# the CiAccess component, with the bootstrap's provider, so the next up finds it in place.
#   runbooks/import-oidc-provider.sh
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
need pulumi aws jq
account=$(aws sts get-caller-identity --query Account --output text)
state=$(bootstrap stack export --stack account)
parent=$(jq -r '.deployment.resources[]? | select(.type == "tutors:bootstrap:CiAccess") | .urn' <<<"$state")
provider=$(jq -r '.deployment.resources[]? | select(.type == "pulumi:providers:aws" and (.urn | endswith("::tutors-bootstrap-aws"))) | .urn' <<<"$state")
if [ -z "$parent" ] || [ -z "$provider" ]; then
  die "the bootstrap stack has no CiAccess yet: run its pulumi up once first (it stops at the provider)"
fi
arn="arn:aws:iam::$account:oidc-provider/token.actions.githubusercontent.com"
audiences=$(aws iam get-open-id-connect-provider --open-id-connect-provider-arn "$arn" --query 'ClientIDList' --output text)
if [ "$audiences" != sts.amazonaws.com ]; then
  say "WARNING: its audiences are '$audiences'; the next up keeps only sts.amazonaws.com, which another project may need"
fi
say "Importing $arn as tutors-github-oidc"
bootstrap import aws:iam/openIdConnectProvider:OpenIdConnectProvider tutors-github-oidc \
  "$arn" --parent "$parent" --provider "$provider" --protect=false --generate-code=false --yes --stack account
say "Imported: the bootstrap's next up finds it in place"
