/**
 * Athena's partition projection: a table whose {@code projection.enabled} property is {@code true} has its partitions
 * computed from its table properties ({@code projection.<key>.type} = {@code enum | integer | date | injected}, with
 * their values, ranges, formats, intervals and digits, and {@code storage.location.template}) instead of listed from
 * the catalog. This package reads and checks that configuration and enumerates each key's values; which of them a
 * query reads (pruning, injected values from its filters) is decided in {@code io.glaux.sql.scan}.
 */
package io.glaux.catalog.projection;
