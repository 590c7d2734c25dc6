/**
 * QuickSight's dashboard snapshot jobs (StartDashboardSnapshotJob, DescribeDashboardSnapshotJob,
 * DescribeDashboardSnapshotJobResult), for the formats Glaux can produce: CSVs of table and pivot table visuals.
 *
 * <h2>What a job accepts</h2>
 * <ul>
 *   <li>FormatType CSV only; PDF and EXCEL are refused (InvalidParameterValueException): Glaux renders no
 *       pictures or workbooks.</li>
 *   <li>Each CSV sheet selection is SELECTED_VISUALS with exactly one visual id (QuickSight: "a maximum of 1 visual
 *       ID for CSV"), a TableVisual or PivotTableVisual of that sheet of the dashboard's published version; at most
 *       5 CSVs per job ("5 CSVs from table or pivot table visuals").</li>
 *   <li>UserConfiguration with one AnonymousUsers entry is required (Glaux has no registered users, so no
 *       identity-enhanced credentials); RowLevelPermissionTags are refused, as Glaux's datasets have no tag-based
 *       row-level security.</li>
 *   <li>A SnapshotJobId is unique per dashboard: used again while its job runs or within 24 hours after it finished
 *       it is ResourceExistsException; at most 12 jobs queued or running (LimitExceededException).</li>
 *   <li>The S3 destination's BucketRegion must be the region of the call.</li>
 * </ul>
 *
 * <h2>What a job writes</h2>
 * One CSV per selected visual, its data computed by {@link io.glaux.quicksight.render.VisualDataService} with the
 * job's Parameters (on SPICE or as an Athena query, as the visual reads), written through the engine's object store
 * under {@code s3://<BucketName>/<BucketPrefix>/<DashboardId>/<SnapshotJobId>/<SheetId>/<VisualId>.csv}, or, without
 * a DestinationConfiguration, in Glaux's own bucket
 * {@code s3://glaux-quicksight-snapshots/<DashboardId>/<SnapshotJobId>/<SheetId>/<VisualId>.csv} (an S3 URI that
 * {@code aws s3 cp} fetches from Glaux, where QuickSight would give a pre-signed HTTPS URL). The CSV's header is
 * the fields' names as the visual shows them (CustomLabel, else the dataset column's name); rows are the visual's
 * rows (a pivot table flattened to its row fields, column fields and values), values as Athena writes them, quoted
 * as Athena's result CSVs are. Each file is one S3Result of its file group, with its error when it could not be
 * written; a job with any such error is FAILED with the first as its ErrorInfo (ErrorTypes are Glaux's:
 * QUERY_FAILED, QUERY_TIMEOUT, S3_BUCKET_NOT_FOUND, S3_WRITE_FAILED, INVALID_PARAMETER_VALUE, INTERRUPTED, ...).
 *
 * <h2>Lifetime</h2>
 * Jobs run in the background (QUEUED, RUNNING, COMPLETED or FAILED), two at a time, each kept in its own file under
 * {@code .glaux/quicksight/snapshot-jobs/}; a job QUEUED or RUNNING when Glaux stopped is FAILED (INTERRUPTED) when
 * it starts again.
 */
package io.glaux.quicksight.snapshot;
