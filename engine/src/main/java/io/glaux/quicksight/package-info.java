/**
 * QuickSight's resources and what they compute, over the engine: data sources (Athena workgroups), datasets
 * ({@code dataset}), and later ingestions, refresh schedules, analyses and dashboards. No HTTP here: the REST-JSON API
 * is {@code io.glaux.quicksight.api} in the server. Refusals are {@link io.glaux.quicksight.QuickSightException}s.
 */
package io.glaux.quicksight;
