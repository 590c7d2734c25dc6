#!/usr/bin/env bash
# The main QuickSight flow with the AWS CLI v2 against Glaux, as a user would type it. Used by QuickSightCliTest.
# Usage: cli-session.sh <endpoint> <folder of the JSON inputs> <out-dir> <queries file>
# The queries file has one "label<TAB>SQL" a line; each is run through Athena and its results go to
# <out-dir>/athena-<label>.json. Prints one "KEY<TAB>value" a line and leaves the larger outputs in <out-dir>.
# Stops at the first unexpected failure (set -e); the call expected to fail is checked for its exit code here.
set -euo pipefail

endpoint=$1 inputs=$2 out=$3 queries=$4
account=000000000000
aws_cli=${AWS_CLI:-/usr/bin/aws}
aws() { "$aws_cli" --endpoint-url "$endpoint" --no-cli-pager --output json "$@"; }
fact() { printf '%s\t%s\n' "$1" "$2"; }

fact CLI_VERSION "$("$aws_cli" --version 2>&1)"

# 1. The Athena data source.
aws quicksight create-data-source --aws-account-id "$account" --data-source-id athena --name "Athena" \
    --type ATHENA --data-source-parameters 'AthenaParameters={WorkGroup=primary}' > "$out/create-data-source.json"
aws quicksight describe-data-source --aws-account-id "$account" --data-source-id athena \
    > "$out/describe-data-source.json"

# 2. Three SPICE datasets: a table, custom SQL with a join, and a join of two tables with a calculated column and a
# filter in the logical table map.
aws quicksight create-data-set --aws-account-id "$account" --data-set-id orders-table --name "Orders" \
    --import-mode SPICE --physical-table-map "file://$inputs/orders-table.json" > "$out/create-orders-table.json"
aws quicksight create-data-set --aws-account-id "$account" --data-set-id orders-sql --name "Orders by customer" \
    --import-mode SPICE --physical-table-map "file://$inputs/orders-sql.json" > "$out/create-orders-sql.json"
aws quicksight create-data-set --aws-account-id "$account" --data-set-id orders-joined --name "Large orders" \
    --import-mode SPICE --physical-table-map "file://$inputs/orders-joined-physical.json" \
    --logical-table-map "file://$inputs/orders-joined-logical.json" > "$out/create-orders-joined.json"

# 3. Each dataset's first ingestion, found with list-ingestions and polled with describe-ingestion until it ends.
for dataset in orders-table orders-sql orders-joined; do
  ingestion=$(aws quicksight list-ingestions --aws-account-id "$account" --data-set-id "$dataset" \
      --query 'Ingestions[0].IngestionId' --output text)
  fact "INGESTION_ID_$dataset" "$ingestion"
  status=
  for _ in $(seq 1 600); do
    aws quicksight describe-ingestion --aws-account-id "$account" --data-set-id "$dataset" \
        --ingestion-id "$ingestion" > "$out/ingestion-$dataset.json"
    status=$(grep -o '"IngestionStatus": "[A-Z_]*"' "$out/ingestion-$dataset.json" | cut -d'"' -f4)
    case $status in
      COMPLETED|FAILED|CANCELLED) break ;;
      *) sleep 0.2 ;;
    esac
  done
  fact "INGESTION_$dataset" "$status"
  aws quicksight list-ingestions --aws-account-id "$account" --data-set-id "$dataset" \
      > "$out/ingestions-$dataset.json"
  aws quicksight describe-data-set --aws-account-id "$account" --data-set-id "$dataset" \
      > "$out/describe-$dataset.json"
done

# The same rows' counts and every visual's SQL through Athena.
while IFS=$'\t' read -r label sql; do
  [ -n "$label" ] || continue
  id=$(aws athena start-query-execution --work-group primary --query-string "$sql" \
      --query QueryExecutionId --output text)
  state=
  for _ in $(seq 1 600); do
    state=$(aws athena get-query-execution --query-execution-id "$id" --query QueryExecution.Status.State \
        --output text)
    case $state in
      SUCCEEDED|FAILED|CANCELLED) break ;;
      *) sleep 0.1 ;;
    esac
  done
  fact "ATHENA_$label" "$state"
  aws athena get-query-results --query-execution-id "$id" > "$out/athena-$label.json"
done < "$queries"

# 4. A dashboard with one visual of each kind over the custom SQL dataset, described with its definition.
aws quicksight create-dashboard --aws-account-id "$account" --dashboard-id shop --name "Shop" \
    --definition "file://$inputs/shop-dashboard.json" --version-description "first" > "$out/create-dashboard.json"
status=
for _ in $(seq 1 300); do
  status=$(aws quicksight describe-dashboard --aws-account-id "$account" --dashboard-id shop \
      --query Dashboard.Version.Status --output text)
  case $status in
    *_IN_PROGRESS) sleep 0.1 ;;
    *) break ;;
  esac
done
fact DASHBOARD_STATUS "$status"
aws quicksight describe-dashboard --aws-account-id "$account" --dashboard-id shop > "$out/describe-dashboard.json"
aws quicksight describe-dashboard-definition --aws-account-id "$account" --dashboard-id shop \
    > "$out/describe-dashboard-definition.json"

# 6. Lists, a deleted dataset, and a bad call.
aws quicksight list-dashboards --aws-account-id "$account" > "$out/list-dashboards.json"
aws quicksight list-data-sources --aws-account-id "$account" > "$out/list-data-sources.json"
aws quicksight list-data-sets --aws-account-id "$account" > "$out/list-data-sets-before.json"
aws quicksight delete-data-set --aws-account-id "$account" --data-set-id orders-table > "$out/delete-data-set.json"
aws quicksight list-data-sets --aws-account-id "$account" > "$out/list-data-sets-after.json"

set +e
aws quicksight describe-data-set --aws-account-id "$account" --data-set-id orders-table \
    > /dev/null 2> "$out/missing-data-set.err"
fact MISSING_EXIT "$?"
set -e
fact MISSING_ERROR "$(tr '\n' ' ' < "$out/missing-data-set.err" | sed 's/^ *//; s/ *$//')"

fact DONE ok
