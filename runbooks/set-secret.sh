#!/usr/bin/env bash
# Runbook: a new value for one secret of one stack, committed (CI deploys from the committed stack
# file: a value set only on a laptop would be put back by the next push). Never runs pulumi up.
#   runbooks/set-secret.sh <prod|staging> <dbPassword|redisAuthToken|djangoSecretKey|nextauthSecret|originSecret> [--finish] [--logout-everyone]
# A rotation that keeps users signed in has two pushes: this, then (days later) the same with --finish.
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
stack=${1:-}
key=${2:-}
check_stack "$stack"
shift 2
finish=false
logout=false
for flag in "$@"; do
  case "$flag" in
    --finish) finish=true ;;
    --logout-everyone) logout=true ;;
    *) die "unknown option '$flag'; allowed: --finish, --logout-everyone" ;;
  esac
done
need pulumi git openssl
file="Pulumi.$stack.yaml"
git diff --quiet -- "$file" || die "$file has uncommitted changes: commit or restore them first"
set_key() { pulumi config set "$@" --stack "$stack"; }

case "$key:$finish" in
  djangoSecretKey:false | originSecret:false)
    say "Keeping the current $key as tutors:${key}Previous: old and new tasks accept both during the roll"
    pulumi config get "tutors:$key" --stack "$stack" | set_key --secret "tutors:${key}Previous"
    generate "$key" | set_key --secret "tutors:$key"
    message="Rotate $stack's $key (the previous value still accepted)" ;;
  djangoSecretKey:true | originSecret:true)
    say "Dropping tutors:${key}Previous: only the new value is accepted from the next deploy"
    pulumi config rm "tutors:${key}Previous" --stack "$stack"
    message="Finish rotating $stack's $key" ;;
  redisAuthToken:false)
    say "Adding a new AUTH token (ROTATE): tasks still on the old REDIS_URL keep working until they are replaced"
    # ROTATE is the default: a SET left from the last rotation goes.
    if [ -n "$(stack_value "$stack" tutors:redisAuthTokenUpdateStrategy)" ]; then
      pulumi config rm tutors:redisAuthTokenUpdateStrategy --stack "$stack"
    fi
    generate "$key" | set_key --secret "tutors:$key"
    message="Rotate $stack's Redis token (both accepted)" ;;
  redisAuthToken:true)
    say "Making the new token the only one (SET), which ElastiCache allows only after a ROTATE"
    set_key tutors:redisAuthTokenUpdateStrategy SET
    message="Finish rotating $stack's Redis token" ;;
  dbPassword:false)
    say "A new master password: RDS takes it in place; tasks started before keep failing new connections until replaced (a minute or two)"
    generate "$key" | set_key --secret "tutors:$key"
    message="New database password for $stack" ;;
  nextauthSecret:false)
    $logout || die "a new nextauthSecret signs every user out of the frontend at once; add --logout-everyone to go on"
    generate "$key" | set_key --secret "tutors:$key"
    message="New NextAuth secret for $stack (everyone signs in again)" ;;
  *) die "'$key'$($finish && echo ' --finish'): not a rotation this runbook knows; allowed: dbPassword, redisAuthToken, djangoSecretKey, nextauthSecret, originSecret (--finish: djangoSecretKey, originSecret, redisAuthToken)" ;;
esac
git add "$file"
git commit -q -m "$message" -- "$file"
say "Committed '$message'. Push to main: CI deploys staging, then prod (after its approval), and the services roll onto the new value."
