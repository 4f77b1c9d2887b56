#!/usr/bin/env bash
# Runbook: a main stack made in the state bucket the bootstrap created, with its KMS key, its
# boundary and its secrets (generated where missing, never printed), ready to commit. Safe to re-run.
#   runbooks/init-stack.sh <prod|staging>
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
stack=${1:-}
check_stack "$stack"
need pulumi openssl
region=$(stack_value "$stack" aws:region)
backend=$(bootstrap stack output backendUrl --stack account)
say "1/4 Logging in to the state bucket: $backend"
pulumi login "$backend"
say "2/4 The stack $stack, its secrets encrypted with alias/tutors-$stack-pulumi (selected if it exists)"
pulumi stack select --create "$stack" --secrets-provider "awskms://alias/tutors-$stack-pulumi?region=$region"
say "3/4 The workload boundary its deploy role requires on every role it creates"
pulumi config set tutors:permissionsBoundary "$(bootstrap stack output permissionsBoundaryArn --stack account)" --stack "$stack"
say "4/4 Its secrets"
for key in $(secret_keys "$stack"); do
  if pulumi config get "tutors:$key" --stack "$stack" >/dev/null 2>&1; then
    say "tutors:$key is set: kept"
  else
    generate "$key" | pulumi config set --secret "tutors:$key" --stack "$stack"
    say "tutors:$key: generated"
  fi
done
say "Next: git add Pulumi.$stack.yaml && git commit -m 'Init $stack' (its secrets are ciphertext), then runbooks/first-deploy.sh $stack <app checkout>"
