"""Reads one Athena query's results the three ways Python clients do, and checks that they agree.

Used by AthenaResultsPandasTest. Usage: athena_results.py <endpoint>
1. GetQueryResults pages (boto3's paginator; the first row is the header), typed from ColumnInfo;
2. the CSV object at the query's OutputLocation, read with pd.read_csv and dtypes from ColumnInfo as awswrangler
   maps Athena's types;
3. the files listed in the DataManifestLocation of an UNLOAD of the same query: format JSON (every row) and
   format TEXTFILE (the rows without a line break, which LazySimpleSerDe cannot write inside a value).
Prints one "KEY<TAB>value" a line; a difference ends the script with an assertion error.
"""
import csv
import decimal
import gzip
import io
import json
import sys
import time

import boto3
import pandas as pd
from botocore.config import Config

endpoint = sys.argv[1]
athena = boto3.client('athena', endpoint_url=endpoint)
s3 = boto3.client('s3', endpoint_url=endpoint, config=Config(s3={'addressing_style': 'path'}))

QUERY = """SELECT * FROM (VALUES
 (CAST(1 AS bigint), 1.5E0, 12.34, 'a,b "q"
line', true, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123'),
 (CAST(2 AS bigint), -0.25E0, 0.05, 'c,d "e"', false, DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59.000'),
 (CAST(NULL AS bigint), CAST(NULL AS double), CAST(NULL AS decimal(4,2)), CAST(NULL AS varchar),
  CAST(NULL AS boolean), CAST(NULL AS date), CAST(NULL AS timestamp)))
 AS t(id, ratio, price, label, flag, day, at)"""


def fact(key, value):
    print('%s\t%s' % (key, value), flush=True)


def run(sql):
    query_id = athena.start_query_execution(QueryString=sql)['QueryExecutionId']
    while True:
        execution = athena.get_query_execution(QueryExecutionId=query_id)['QueryExecution']
        state = execution['Status']['State']
        if state in ('SUCCEEDED', 'FAILED', 'CANCELLED'):
            assert state == 'SUCCEEDED', execution['Status']
            return execution
        time.sleep(0.1)


def read_object(uri):
    bucket, key = uri[len('s3://'):].split('/', 1)
    return s3.get_object(Bucket=bucket, Key=key)['Body'].read()


def athena_type(column):
    return column['Type'].lower()


# The pandas dtype of each Athena type, as awswrangler maps them (dates and timestamps are parsed; decimals are
# converted to decimal.Decimal).
PANDAS_DTYPES = {'bigint': 'Int64', 'double': 'float64', 'varchar': 'string', 'boolean': 'boolean'}
DATES = ('date', 'timestamp')


def typed(strings, columns):
    """A DataFrame of text values (None for NULL) converted to the pandas types of its ColumnInfo."""
    frame = pd.DataFrame(strings, columns=[c['Name'] for c in columns], dtype=object)
    for column in columns:
        name, kind = column['Name'], athena_type(column)
        values = frame[name]
        if kind == 'bigint':
            frame[name] = pd.array([None if v is None else int(v) for v in values], dtype='Int64')
        elif kind == 'double':
            frame[name] = pd.to_numeric(values).astype('float64')
        elif kind == 'boolean':
            frame[name] = pd.array([None if v is None else v == 'true' for v in values], dtype='boolean')
        elif kind == 'varchar':
            frame[name] = values.astype('string')
        elif kind in DATES:
            frame[name] = pd.to_datetime(values)
        elif kind == 'decimal':
            frame[name] = [None if v is None else decimal.Decimal(v) for v in values]
        else:
            raise AssertionError('no pandas type for ' + kind)
    return frame


# 1. GetQueryResults pages.
select = run(QUERY)
pages = athena.get_paginator('get_query_results').paginate(QueryExecutionId=select['QueryExecutionId'],
                                                           PaginationConfig={'PageSize': 2})
columns = None
rows = []
for page in pages:
    columns = columns or page['ResultSet']['ResultSetMetadata']['ColumnInfo']
    for row in page['ResultSet']['Rows']:
        rows.append([datum.get('VarCharValue') for datum in row['Data']])
header, rows = rows[0], rows[1:]
assert header == [c['Name'] for c in columns], header
fact('TYPES', ','.join(athena_type(c) for c in columns))
from_pages = typed(rows, columns)
fact('ROWS', len(from_pages))

# 2. The CSV object at OutputLocation, read as awswrangler reads it.
csv_bytes = read_object(select['ResultConfiguration']['OutputLocation'])
dtype = {c['Name']: PANDAS_DTYPES[athena_type(c)] for c in columns if athena_type(c) in PANDAS_DTYPES}
parse_dates = [c['Name'] for c in columns if athena_type(c) in DATES]
converters = {c['Name']: (lambda v: decimal.Decimal(v) if v else None) for c in columns
              if athena_type(c) == 'decimal'}
from_csv = pd.read_csv(io.BytesIO(csv_bytes), dtype=dtype, parse_dates=parse_dates, converters=converters,
                       quoting=csv.QUOTE_ALL, keep_default_na=False, na_values=[''])
for column in converters:
    from_csv[column] = from_csv[column].astype(object).where(from_csv[column].notna(), None)
pd.testing.assert_frame_equal(from_csv, from_pages)
fact('CSV_EQUALS_PAGES', 'yes')


def manifest_files(execution):
    manifest = execution['Statistics']['DataManifestLocation']
    assert manifest.endswith(execution['QueryExecutionId'] + '-manifest.csv'), manifest
    return [line for line in read_object(manifest).decode('utf-8').split('\n') if line]


def text(data, uri):
    return (gzip.decompress(data) if uri.endswith('.gz') else data).decode('utf-8')


s3.create_bucket(Bucket='unloads')

# 3a. UNLOAD as JSON: one object per line, NULLs absent or null.
unload = run("UNLOAD (" + QUERY + ") TO 's3://unloads/json/' WITH (format = 'JSON')")
fact('UNLOAD_STATEMENT', unload['StatementType'])
json_rows = []
files = manifest_files(unload)
fact('JSON_FILES', len(files))
for uri in files:
    for line in text(read_object(uri), uri).splitlines():
        record = json.loads(line, parse_float=str, parse_int=str)
        json_rows.append([None if record.get(c['Name']) is None else
                          str(record[c['Name']]).lower() if isinstance(record[c['Name']], bool) else
                          record[c['Name']] for c in columns])
from_json = typed(json_rows, columns).sort_values('id', na_position='last', ignore_index=True)
pd.testing.assert_frame_equal(from_json, from_pages)
fact('JSON_EQUALS_PAGES', 'yes')

# 3b. UNLOAD as TEXTFILE with '|' between fields and \N for NULL.
unload = run("UNLOAD (SELECT * FROM (" + QUERY + ") WHERE label IS NULL OR strpos(label, chr(10)) = 0)"
             " TO 's3://unloads/text/' WITH (format = 'TEXTFILE', field_delimiter = '|')")
text_rows = []
for uri in manifest_files(unload):
    for line in text(read_object(uri), uri).splitlines():
        text_rows.append([None if v == '\\N' else v for v in line.split('|')])
from_text = typed(text_rows, columns).sort_values('id', na_position='last', ignore_index=True)
expected = from_pages[from_pages['label'].isna() | ~from_pages['label'].str.contains('\n', na=False)]
pd.testing.assert_frame_equal(from_text, expected.reset_index(drop=True))
fact('TEXTFILE_EQUALS_PAGES', 'yes')
fact('PANDAS_VERSION', pd.__version__)
