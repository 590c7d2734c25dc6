-- Glaux sample dataset: a small online shop (see sample-data/README.md).
-- Objects live in the bucket glaux-sample under shop/<table>/.

CREATE DATABASE IF NOT EXISTS shop
  COMMENT 'Sample online shop: customers, products, orders and web events';

-- OpenCSVSerde reads every field quoted; it reads DATE only as days since 1970-01-01.
CREATE EXTERNAL TABLE IF NOT EXISTS shop.customers (
  customer_id bigint,
  name string,
  email string,
  country string,
  city string,
  signup_date date,
  segment string
)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
WITH SERDEPROPERTIES ('separatorChar' = ',', 'quoteChar' = '"', 'escapeChar' = '\\')
STORED AS TEXTFILE
LOCATION 's3://glaux-sample/shop/customers/'
TBLPROPERTIES ('skip.header.line.count' = '1');

-- Plain comma-delimited text (LazySimpleSerDe): no quoting, NULL written as \N.
CREATE EXTERNAL TABLE IF NOT EXISTS shop.products (
  product_id bigint,
  name string,
  category string,
  brand string,
  price decimal(10,2),
  launched_on date
)
ROW FORMAT DELIMITED
  FIELDS TERMINATED BY ','
STORED AS TEXTFILE
LOCATION 's3://glaux-sample/shop/products/'
TBLPROPERTIES ('skip.header.line.count' = '1');

CREATE EXTERNAL TABLE IF NOT EXISTS shop.orders (
  order_id bigint,
  customer_id bigint,
  product_id bigint,
  quantity int,
  unit_price decimal(10,2),
  discount double,
  status string,
  channel string,
  ordered_at timestamp
)
PARTITIONED BY (order_date date)
STORED AS PARQUET
LOCATION 's3://glaux-sample/shop/orders/'
TBLPROPERTIES ('parquet.compression' = 'SNAPPY');

MSCK REPAIR TABLE shop.orders;

CREATE EXTERNAL TABLE IF NOT EXISTS shop.web_events (
  event_id bigint,
  session_id string,
  customer_id bigint,
  event_type string,
  page string,
  occurred_at timestamp,
  device struct<os:string,browser:string>,
  tags array<string>
)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
STORED AS TEXTFILE
LOCATION 's3://glaux-sample/shop/web_events/';
