"""The main QuickSight flow with boto3 against Glaux, as a user would write it. Used by QuickSightBoto3Test.

Usage: boto3_session.py <endpoint> <folder of the JSON inputs> <out-dir> <queries file>
The queries file has one "label<TAB>SQL" a line; each is run through Athena and its rows go to
<out-dir>/athena-<label>.json. Every visual's data, from Glaux's visual-data endpoint (plain urllib), goes to
<out-dir>/visual-<id>.json. Prints one "KEY<TAB>value" a line; any unexpected error ends the script with a traceback.
"""
import json
import os
import sys
import time
import urllib.request

import boto3
import botocore
from botocore.exceptions import ClientError

endpoint, inputs, out, queries = sys.argv[1:5]
ACCOUNT = '000000000000'
quicksight = boto3.client('quicksight', endpoint_url=endpoint)
athena = boto3.client('athena', endpoint_url=endpoint)


def fact(key, value):
    print('%s\t%s' % (key, value), flush=True)


def load(name):
    with open(os.path.join(inputs, name)) as f:
        return json.load(f)


def save(name, response):
    response = dict(response)
    response.pop('ResponseMetadata', None)
    with open(os.path.join(out, name), 'w') as f:
        json.dump(response, f, default=str, indent=1)
    return response


fact('BOTO3_VERSION', '%s %s' % (boto3.__version__, botocore.__version__))

# 1. The Athena data source.
save('create-data-source.json', quicksight.create_data_source(
    AwsAccountId=ACCOUNT, DataSourceId='athena', Name='Athena', Type='ATHENA',
    DataSourceParameters={'AthenaParameters': {'WorkGroup': 'primary'}}))
save('describe-data-source.json', quicksight.describe_data_source(AwsAccountId=ACCOUNT, DataSourceId='athena'))

# 2. Three SPICE datasets: a table, custom SQL with a join, and a join of two tables with a calculated column and a
# filter in the logical table map.
created = {
    'orders-table': quicksight.create_data_set(
        AwsAccountId=ACCOUNT, DataSetId='orders-table', Name='Orders', ImportMode='SPICE',
        PhysicalTableMap=load('orders-table.json')),
    'orders-sql': quicksight.create_data_set(
        AwsAccountId=ACCOUNT, DataSetId='orders-sql', Name='Orders by customer', ImportMode='SPICE',
        PhysicalTableMap=load('orders-sql.json')),
    'orders-joined': quicksight.create_data_set(
        AwsAccountId=ACCOUNT, DataSetId='orders-joined', Name='Large orders', ImportMode='SPICE',
        PhysicalTableMap=load('orders-joined-physical.json'), LogicalTableMap=load('orders-joined-logical.json')),
}

# 3. Each dataset's first ingestion (the one create_data_set answered), polled until it ends.
for data_set_id, response in created.items():
    save('create-%s.json' % data_set_id, response)
    ingestion_id = response['IngestionId']
    fact('INGESTION_ID_' + data_set_id, ingestion_id)
    deadline = time.monotonic() + 120
    while True:
        ingestion = quicksight.describe_ingestion(AwsAccountId=ACCOUNT, DataSetId=data_set_id,
                                                  IngestionId=ingestion_id)
        status = ingestion['Ingestion']['IngestionStatus']
        if status in ('COMPLETED', 'FAILED', 'CANCELLED') or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    save('ingestion-%s.json' % data_set_id, ingestion)
    fact('INGESTION_' + data_set_id, status)
    save('ingestions-%s.json' % data_set_id,
         quicksight.list_ingestions(AwsAccountId=ACCOUNT, DataSetId=data_set_id))
    save('describe-%s.json' % data_set_id, quicksight.describe_data_set(AwsAccountId=ACCOUNT, DataSetId=data_set_id))

# The same rows' counts and every visual's SQL through Athena, every page of the results.
with open(queries) as f:
    for line in f:
        if not line.strip():
            continue
        label, sql = line.rstrip('\n').split('\t', 1)
        query_id = athena.start_query_execution(QueryString=sql, WorkGroup='primary')['QueryExecutionId']
        deadline = time.monotonic() + 60
        while True:
            state = athena.get_query_execution(QueryExecutionId=query_id)['QueryExecution']['Status']['State']
            if state in ('SUCCEEDED', 'FAILED', 'CANCELLED') or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        fact('ATHENA_' + label, state)
        rows = []
        for page in athena.get_paginator('get_query_results').paginate(QueryExecutionId=query_id):
            rows.extend(page['ResultSet']['Rows'])
        save('athena-%s.json' % label, {'ResultSet': {'Rows': rows}})

# 4. A dashboard with one visual of each kind over the custom SQL dataset, described with its definition.
definition = load('shop-dashboard.json')
save('create-dashboard.json', quicksight.create_dashboard(
    AwsAccountId=ACCOUNT, DashboardId='shop', Name='Shop', Definition=definition, VersionDescription='first'))
deadline = time.monotonic() + 60
while True:
    dashboard = quicksight.describe_dashboard(AwsAccountId=ACCOUNT, DashboardId='shop')
    status = dashboard['Dashboard']['Version']['Status']
    if not status.endswith('_IN_PROGRESS') or time.monotonic() > deadline:
        break
    time.sleep(0.1)
fact('DASHBOARD_STATUS', status)
save('describe-dashboard.json', dashboard)
save('describe-dashboard-definition.json',
     quicksight.describe_dashboard_definition(AwsAccountId=ACCOUNT, DashboardId='shop'))

# 5. Every visual's data from Glaux's endpoint (unsigned, plain HTTP).
for sheet in definition['Sheets']:
    for visual in sheet['Visuals']:
        visual_id = next(iter(visual.values()))['VisualId']
        request = urllib.request.Request(
            '%s/glaux/quicksight/accounts/%s/dashboards/shop/visuals/%s/data' % (endpoint, ACCOUNT, visual_id),
            data=b'{}', headers={'Content-Type': 'application/json'}, method='POST')
        with urllib.request.urlopen(request, timeout=60) as response:
            fact('VISUAL_' + visual_id, response.status)
            with open(os.path.join(out, 'visual-%s.json' % visual_id), 'wb') as f:
                f.write(response.read())

# 6. Lists (through the paginators), a deleted dataset, and a bad call.
save('list-dashboards.json', {'DashboardSummaryList': [
    s for page in quicksight.get_paginator('list_dashboards').paginate(AwsAccountId=ACCOUNT)
    for s in page['DashboardSummaryList']]})
save('list-data-sources.json', {'DataSources': [
    s for page in quicksight.get_paginator('list_data_sources').paginate(AwsAccountId=ACCOUNT)
    for s in page['DataSources']]})
save('list-data-sets-before.json', {'DataSetSummaries': [
    s for page in quicksight.get_paginator('list_data_sets').paginate(AwsAccountId=ACCOUNT)
    for s in page['DataSetSummaries']]})
save('delete-data-set.json', quicksight.delete_data_set(AwsAccountId=ACCOUNT, DataSetId='orders-table'))
save('list-data-sets-after.json', quicksight.list_data_sets(AwsAccountId=ACCOUNT))

try:
    quicksight.describe_data_set(AwsAccountId=ACCOUNT, DataSetId='orders-table')
    fact('MISSING_ERROR', 'none')
except ClientError as e:
    fact('MISSING_ERROR', e.response['Error']['Code'])
    fact('MISSING_STATUS', e.response['ResponseMetadata']['HTTPStatusCode'])
    fact('MISSING_MESSAGE', e.response['Error'].get('Message', ''))
    fact('MISSING_MODELED', isinstance(e, quicksight.exceptions.ResourceNotFoundException))

fact('DONE', 'ok')
