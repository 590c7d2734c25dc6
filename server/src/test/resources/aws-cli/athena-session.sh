#!/usr/bin/env bash
# An Athena + S3 session with the AWS CLI v2 against one endpoint, as a user would type it. Used by AthenaCliTest.
# Usage: athena-session.sh <endpoint> <bucket> <workgroup> <out-dir>
# Prints one line per fact, "KEY<TAB>value", and writes the larger outputs (result pages, objects) to <out-dir>.
# Stops at the first unexpected failure (set -e); the calls expected to fail are checked for their exit code here.
set -euo pipefail

endpoint=$1 bucket=$2 workgroup=$3 out=$4
aws_cli=${AWS_CLI:-/usr/bin/aws}
aws() { "$aws_cli" --endpoint-url "$endpoint" --no-cli-pager --output json "$@"; }
fact() { printf '%s\t%s\n' "$1" "$2"; }

# Starts a query in the workgroup and polls until it ends: prints "<label><TAB><final state>", sets $id, and leaves
# the last GetQueryExecution answer in <out-dir>/<label>.execution.json.
run() {
  local label=$1 sql=$2 state=
  id=$(aws athena start-query-execution --work-group "$workgroup" --query-execution-context Database=shop \
         --query-string "$sql" --query QueryExecutionId --output text)
  for _ in $(seq 1 300); do
    aws athena get-query-execution --query-execution-id "$id" > "$out/$label.execution.json"
    state=$(grep -o '"State": "[A-Z]*"' "$out/$label.execution.json" | cut -d'"' -f4)
    case $state in
      SUCCEEDED|FAILED|CANCELLED) break ;;
      *) sleep 0.1 ;;
    esac
  done
  fact "$label" "$state"
}

fact CLI_VERSION "$("$aws_cli" --version 2>&1)"

# A bucket and a workgroup whose results go there.
aws s3 mb "s3://$bucket" >/dev/null
aws athena create-work-group --name "$workgroup" --description "AWS CLI session" \
    --configuration "ResultConfiguration={OutputLocation=s3://$bucket/athena/},EnforceWorkGroupConfiguration=true"
fact WORKGROUP_OUTPUT "$(aws athena get-work-group --work-group "$workgroup" \
    --query WorkGroup.Configuration.ResultConfiguration.OutputLocation --output text)"
fact WORKGROUPS "$(aws athena list-work-groups --query 'WorkGroups[].Name' --output text | tr '\t' ' ')"

# DDL over an object uploaded with the CLI, a CTAS, and queries over both.
printf '1,hello\n2,world\n3,again\n' > "$out/notes.csv"
aws s3 cp "$out/notes.csv" "s3://$bucket/data/notes/notes.csv" >/dev/null
run CREATE_DATABASE "CREATE DATABASE cli_db"
run CREATE_TABLE "CREATE EXTERNAL TABLE cli_db.notes (id int, text string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
          LOCATION 's3://$bucket/data/notes/'"
run CTAS "CREATE TABLE cli_db.notes_upper WITH (format = 'PARQUET') AS SELECT id, upper(text) AS text FROM cli_db.notes"
fact CTAS_UPDATE_COUNT "$(aws athena get-query-results --query-execution-id "$id" --query UpdateCount --output text)"
run NOTES_JOIN "SELECT n.id, n.text, u.text AS upper_text FROM cli_db.notes n JOIN cli_db.notes_upper u ON n.id = u.id
          ORDER BY n.id"
aws athena get-query-results --query-execution-id "$id" > "$out/notes-join.json"
run SHOW_TABLES "SHOW TABLES IN cli_db"
aws athena get-query-results --query-execution-id "$id" > "$out/show-tables.json"

# A join with aggregates over the sample data.
run AGGREGATE "SELECT c.country, count(*) AS orders, sum(o.quantity) AS units, round(avg(o.unit_price), 2) AS avg_price
          FROM orders o JOIN customers c ON o.customer_id = c.customer_id
          GROUP BY c.country ORDER BY orders DESC, c.country"
aws athena get-query-results --query-execution-id "$id" > "$out/aggregate.json"

# More than 1000 rows: the CLI pages through GetQueryResults on its own (page size 1000, the API's maximum).
run ORDERS "SELECT order_id, customer_id, status, order_date FROM orders ORDER BY order_id"
fact ORDERS_ID "$id"
aws athena get-query-results --query-execution-id "$id" --page-size 1000 --debug \
    > "$out/orders.json" 2> "$out/orders-debug.log"
fact ORDERS_REQUESTS "$(grep -c 'Making request for OperationModel(name=GetQueryResults)' "$out/orders-debug.log")"
# The same rows in two goes: the CLI's own NextToken after 2500 items, then --starting-token.
aws athena get-query-results --query-execution-id "$id" --page-size 1000 --max-items 2500 > "$out/orders-first.json"
token=$(grep -o '"NextToken": "[^"]*"' "$out/orders-first.json" | cut -d'"' -f4)
aws athena get-query-results --query-execution-id "$id" --page-size 1000 --starting-token "$token" \
    > "$out/orders-rest.json"

# The result object through the S3 endpoint: to a file and to stdout.
aws s3 cp "s3://$bucket/athena/$id.csv" "$out/orders.csv" >/dev/null
fact ORDERS_CSV_STDOUT_LINES "$(aws s3 cp "s3://$bucket/athena/$id.csv" - | wc -l | tr -d ' ')"
aws s3 ls "s3://$bucket/athena/" > "$out/ls-results.txt"
aws s3 ls > "$out/ls-buckets.txt"
aws s3 ls "s3://$bucket/" --recursive > "$out/ls-recursive.txt"

# Bad SQL fails with Athena's reason; its results are refused with the CLI's error exit code.
run BAD_SQL "SELECT nope FROM orders"
set +e
aws athena get-query-results --query-execution-id "$id" > /dev/null 2> "$out/bad-sql-results.err"
rc=$?
set -e
fact BAD_SQL_RESULTS_EXIT "$rc"
fact BAD_SQL_RESULTS_ERROR "$(tr '\n' ' ' < "$out/bad-sql-results.err" | sed 's/^ *//; s/ *$//')"

# A client error: an id that does not exist.
set +e
aws athena get-query-execution --query-execution-id no-such-query > /dev/null 2> "$out/missing.err"
rc=$?
set -e
fact MISSING_EXIT "$rc"
fact MISSING_ERROR "$(tr '\n' ' ' < "$out/missing.err" | sed 's/^ *//; s/ *$//')"

fact DONE ok
