/**
 * Alerts for failed queries: state changes as EventBridge events, matched by rules, delivered to webhooks.
 *
 * <p>Athena publishes an "Athena Query State Change" event each time a query changes state
 * ({@link io.glaux.events.AthenaQueryEvents}); Glaux publishes the same for SPICE ingestions of QuickSight datasets
 * ({@link io.glaux.events.IngestionEvents}; QuickSight itself sends no such event, so these carry Glaux's own source
 * {@code glaux.quicksight}). Every event is kept in a bounded log of recent events ({@link io.glaux.events.RecentEvents})
 * and matched against the alert rules ({@link io.glaux.events.AlertRules}): EventBridge event patterns, matched by
 * EventBridge's own matcher (Event Ruler), each with HTTP targets. Matches are handed to
 * {@link io.glaux.events.WebhookDelivery}, which POSTs the event as JSON from a bounded queue on threads of its own,
 * retrying with exponential backoff within each target's RetryPolicy, as EventBridge retries API destinations. Nothing
 * here ever blocks a query: a full queue drops the delivery and records it as dropped.
 */
package io.glaux.events;
