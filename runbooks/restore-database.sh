#!/usr/bin/env bash
# Runbook: the stack's database restored to a point in time or from a snapshot, as a new instance
# beside the old one; after you check it, it takes the old one's name (and so its endpoint, which the
# secrets name) and the stack's state follows it. The old instance is kept, renamed, until you delete it.
#   runbooks/restore-database.sh <prod|staging> --time 2026-12-01T03:00:00Z | --snapshot <snapshot id>
# shellcheck source=runbooks/lib.sh
source "$(dirname "$0")/lib.sh"
stack=${1:-}
check_stack "$stack"
[ $# -eq 3 ] || die "usage: runbooks/restore-database.sh <prod|staging> --time <UTC time> | --snapshot <snapshot id>"
need pulumi aws jq
db="tutors-$stack-postgres"
restored="$db-restored"
describe() { aws rds describe-db-instances --db-instance-identifier "$1" --query "DBInstances[0].$2" --output text; }
# A renamed instance answers to its new name only after a few seconds; the CLI's waiter fails on an unknown name.
wait_for() {
  local tries=0
  until aws rds describe-db-instances --db-instance-identifier "$1" >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || die "$1 did not appear within 10 minutes; check the RDS console"
    sleep "${TUTORS_POLL_SECONDS:-10}"
  done
  wait_available "$1"
}
# The CLI's waiter gives up after 30 minutes (60 polls of 30 s); a large restore takes longer: wait again, up
# to 3 hours, and stop at once on a state the instance will not leave by itself.
wait_available() {
  local round
  for round in 1 2 3 4 5 6; do
    if aws rds wait db-instance-available --db-instance-identifier "$1"; then
      return 0
    fi
    case "$(describe "$1" DBInstanceStatus)" in
      failed | incompatible-* | inaccessible-* | storage-full) die "$1 is $(describe "$1" DBInstanceStatus); see the RDS console" ;;
    esac
    say "$1 is not available after $((round * 30)) minutes; waiting on"
  done
  die "$1 is not available after 3 hours; see the RDS console"
}

say "1/5 Restoring $db as $restored with the same network, parameters and size (10-40 minutes)"
multi_az=--no-multi-az
[ "$(describe "$db" MultiAZ)" = True ] && multi_az=--multi-az
# (--output text separates several groups by tabs: one argument each)
read -r -a groups <<<"$(describe "$db" 'VpcSecurityGroups[].VpcSecurityGroupId')"
same=(--db-subnet-group-name "$(describe "$db" DBSubnetGroup.DBSubnetGroupName)"
  --vpc-security-group-ids "${groups[@]}"
  --db-parameter-group-name "$(describe "$db" 'DBParameterGroups[0].DBParameterGroupName')"
  --db-instance-class "$(describe "$db" DBInstanceClass)" "$multi_az" --no-publicly-accessible --copy-tags-to-snapshot
  --tags "Key=Project,Value=tutors" "Key=Environment,Value=$stack" "Key=ManagedBy,Value=pulumi")
case "$2" in
  --time) aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier "$db" \
    --target-db-instance-identifier "$restored" --restore-time "$3" "${same[@]}" >/dev/null ;;
  --snapshot) aws rds restore-db-instance-from-db-snapshot --db-snapshot-identifier "$3" \
    --db-instance-identifier "$restored" "${same[@]}" >/dev/null ;;
  *) die "'$2': allowed: --time <UTC time>, --snapshot <snapshot id>" ;;
esac
wait_available "$restored"
say "2/5 $restored is available at $(describe "$restored" Endpoint.Address). Check its data now (the app still uses $db)."
read -r -p "Type 'swap' to give it the name $db (the API fails for the few minutes of the renames): " answer
[ "$answer" = swap ] || die "stopped: $restored stays beside $db; delete it with aws rds delete-db-instance when done"
say "3/5 Renaming $db to $db-old, then $restored to $db (the endpoint the secrets name follows the name)"
aws rds modify-db-instance --db-instance-identifier "$db" --new-db-instance-identifier "$db-old" --apply-immediately >/dev/null
wait_for "$db-old"
aws rds modify-db-instance --db-instance-identifier "$restored" --new-db-instance-identifier "$db" --apply-immediately >/dev/null
wait_for "$db"
say "4/5 The state follows: the provider tracks the instance by its resource id, which is now $(describe "$db" DbiResourceId)"
# (pulumi state delete refuses an instance others depend on; pulumi import would need it gone first.)
state=$(mktemp)
pulumi stack export --stack "$stack" --file "$state"
jq --arg id "$(describe "$db" DbiResourceId)" \
  '(.deployment.resources[] | select(.type == "aws:rds/instance:Instance")).id = $id' "$state" > "$state.new"
pulumi stack import --stack "$stack" --file "$state.new"
pulumi refresh --stack "$stack" --yes
say "5/5 pulumi up puts the program's settings back on it (monitoring, log exports, backups, deletion protection; answer 'yes')"
pulumi up --stack "$stack"
for service in $(aws ecs list-services --cluster "tutors-$stack-cluster" --query 'serviceArns[]' --output text); do
  aws ecs update-service --cluster "tutors-$stack-cluster" --service "$service" --force-new-deployment >/dev/null
done
say "Done: new tasks connect to the restored database (old ones held connections to $db-old). Delete $db-old when sure:"
say "aws rds delete-db-instance --db-instance-identifier $db-old --final-db-snapshot-identifier $db-old-final"
