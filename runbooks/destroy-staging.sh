#!/usr/bin/env bash
# Runbook: staging removed from AWS, data and all, while its stack and committed Pulumi.staging.yaml
# stay (pulumi stack rm would delete that file, and every push would then fail). Deploys pause, since
# prod promotes what staging verified; runbooks/first-deploy.sh staging rebuilds it.
#   runbooks/destroy-staging.sh
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
need pulumi gh
[ "$(stack_value staging tutors:protectData)" = false ] \
  || die "Pulumi.staging.yaml: tutors:protectData is not false, so its data stores are protected; set it false and deploy first"
say "1/2 Pausing the deploy and drift workflows (gh workflow enable deploy.yml drift.yml once staging is back)"
gh workflow disable deploy.yml
gh workflow disable drift.yml
say "2/2 pulumi destroy --stack staging: every resource, its database, cache, buckets and images included (answer 'yes'; 15-30 minutes)"
pulumi destroy --stack staging
say "Staging is gone; its empty stack and Pulumi.staging.yaml remain. To rebuild: runbooks/first-deploy.sh staging <app checkout>, then gh workflow enable deploy.yml drift.yml"
