package io.glaux.quicksight.refresh;

import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.ResourceFiles;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.dataset.OutputColumn;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Datasets' refresh properties and refresh schedules, kept across restarts and checked as QuickSight checks them:
 * only SPICE datasets refresh; an incremental schedule needs a lookback window on a date column; MINUTE15 and
 * MINUTE30 are for incremental refreshes only; WEEKLY needs a day of the week and MONTHLY a day of the month.
 */
public final class RefreshService {

    public static final String SCHEDULE_RESOURCE = "REFRESH_SCHEDULE";

    private static final Set<String> INTERVALS = Set.of("MINUTE15", "MINUTE30", "HOURLY", "DAILY", "WEEKLY",
            "MONTHLY");
    private static final Set<String> DAYS = Set.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("^(?:LAST_DAY_OF_MONTH|1[0-9]|2[0-8]|[12]|[3-9])$");
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

    private final ResourceFiles<RefreshSchedule> schedules;
    private final ResourceFiles<RefreshProperties> properties;
    private final DataSetService dataSets;

    public RefreshService(Path folder, DataSetService dataSets, boolean syncWrites) {
        this.schedules = new ResourceFiles<>(folder.resolve("schedules"), RefreshSchedule.class,
                RefreshSchedule::key, syncWrites);
        this.properties = new ResourceFiles<>(folder.resolve("properties"), RefreshProperties.class,
                RefreshProperties::dataSetId, syncWrites);
        this.dataSets = dataSets;
    }

    // Refresh properties

    public synchronized RefreshProperties putProperties(RefreshProperties refreshProperties) {
        DataSet dataSet = spiceDataSet(refreshProperties.dataSetId());
        LookbackWindow window = refreshProperties.lookbackWindow();
        if (window != null) {
            if (!Set.of("HOUR", "DAY", "WEEK").contains(window.sizeUnit())) {
                throw QuickSightException.invalid("LookbackWindow SizeUnit must be HOUR, DAY or WEEK, not "
                        + window.sizeUnit());
            }
            if (window.size() < 1) {
                throw QuickSightException.invalid("LookbackWindow Size must be at least 1");
            }
            OutputColumn column = dataSet.compiled().outputColumns().stream()
                    .filter(c -> c.name().equals(window.columnName())).findFirst()
                    .orElseThrow(() -> QuickSightException.invalid("LookbackWindow column " + window.columnName()
                            + " is not a column of data set " + dataSet.id()));
            if (!"DATETIME".equals(column.type())) {
                throw QuickSightException.invalid("LookbackWindow column " + window.columnName()
                        + " must be a DATETIME column, not " + column.type());
            }
        }
        properties.save(refreshProperties);
        return refreshProperties;
    }

    public Optional<RefreshProperties> properties(String dataSetId) {
        dataSets.get(dataSetId);
        return properties.find(dataSetId);
    }

    public synchronized void deleteProperties(String dataSetId) {
        dataSets.get(dataSetId);
        if (properties.find(dataSetId).isEmpty()) {
            throw QuickSightException.notFound("DATA_SET", "Data set " + dataSetId + " has no refresh properties.");
        }
        if (schedules.list().stream().anyMatch(s -> s.dataSetId().equals(dataSetId)
                && "INCREMENTAL_REFRESH".equals(s.refreshType()))) {
            throw QuickSightException.conflict("DATA_SET", "Data set " + dataSetId + " has incremental refresh"
                    + " schedules that need its refresh properties; delete them first.");
        }
        properties.delete(dataSetId);
    }

    /** The lookback window of a dataset's incremental refreshes, if it has one. */
    public Optional<LookbackWindow> lookbackWindow(String dataSetId) {
        return properties.find(dataSetId).map(RefreshProperties::lookbackWindow);
    }

    // Schedules

    public synchronized RefreshSchedule create(RefreshSchedule schedule) {
        check(schedule);
        if (schedules.find(schedule.key()).isPresent()) {
            throw QuickSightException.exists("DATA_SET", "Refresh schedule " + schedule.scheduleId()
                    + " already exists for data set " + schedule.dataSetId() + ".");
        }
        schedules.save(schedule);
        return schedule;
    }

    public synchronized RefreshSchedule update(RefreshSchedule schedule) {
        get(schedule.dataSetId(), schedule.scheduleId());
        check(schedule);
        schedules.save(schedule);
        return schedule;
    }

    public RefreshSchedule get(String dataSetId, String scheduleId) {
        dataSets.get(dataSetId);
        return schedules.find(new RefreshSchedule(dataSetId, scheduleId, null, "DAILY", null, null, null, null, null,
                "FULL_REFRESH").key()).orElseThrow(() -> QuickSightException.notFound("DATA_SET",
                        "Refresh schedule " + scheduleId + " does not exist for data set " + dataSetId + "."));
    }

    public List<RefreshSchedule> list(String dataSetId) {
        dataSets.get(dataSetId);
        return schedules.list().stream().filter(s -> s.dataSetId().equals(dataSetId)).toList();
    }

    /** Every schedule of every dataset. */
    public List<RefreshSchedule> all() {
        return schedules.list();
    }

    public synchronized RefreshSchedule delete(String dataSetId, String scheduleId) {
        RefreshSchedule deleted = get(dataSetId, scheduleId);
        schedules.delete(deleted.key());
        return deleted;
    }

    /** Forgets a deleted dataset's schedules and properties. */
    public synchronized void forget(String dataSetId) {
        schedules.list().stream().filter(s -> s.dataSetId().equals(dataSetId))
                .forEach(s -> schedules.delete(s.key()));
        properties.delete(dataSetId);
    }

    private void check(RefreshSchedule schedule) {
        spiceDataSet(schedule.dataSetId());
        if (!INTERVALS.contains(schedule.interval())) {
            throw QuickSightException.invalid("Interval must be one of " + INTERVALS + ", not "
                    + schedule.interval());
        }
        boolean incremental = "INCREMENTAL_REFRESH".equals(schedule.refreshType());
        if (!incremental && !"FULL_REFRESH".equals(schedule.refreshType())) {
            throw QuickSightException.invalid("RefreshType must be FULL_REFRESH or INCREMENTAL_REFRESH");
        }
        if (!incremental && schedule.interval().startsWith("MINUTE")) {
            throw QuickSightException.invalid("The " + schedule.interval() + " interval is available for"
                    + " incremental refreshes only.");
        }
        if (incremental && lookbackWindow(schedule.dataSetId()).isEmpty()) {
            throw QuickSightException.invalid("Data set " + schedule.dataSetId() + " has no incremental refresh"
                    + " configuration: put its refresh properties with a LookbackWindow first.");
        }
        if (schedule.timeOfTheDay() != null && !TIME.matcher(schedule.timeOfTheDay()).matches()) {
            throw QuickSightException.invalid("TimeOfTheDay must be HH:mm, not " + schedule.timeOfTheDay());
        }
        try {
            ScheduleTimes.zone(schedule.timezone());
        } catch (DateTimeException e) {
            throw QuickSightException.invalid("Timezone " + schedule.timezone() + " is not a time zone.");
        }
        if ("WEEKLY".equals(schedule.interval()) && (schedule.dayOfWeek() == null
                || !DAYS.contains(schedule.dayOfWeek()))) {
            throw QuickSightException.invalid("A WEEKLY schedule needs RefreshOnDay.DayOfWeek (SUNDAY..SATURDAY).");
        }
        if ("MONTHLY".equals(schedule.interval()) && (schedule.dayOfMonth() == null
                || !DAY_OF_MONTH.matcher(schedule.dayOfMonth()).matches())) {
            throw QuickSightException.invalid("A MONTHLY schedule needs RefreshOnDay.DayOfMonth (1 to 28 or"
                    + " LAST_DAY_OF_MONTH).");
        }
        try {
            ScheduleTimes.time(schedule.timeOfTheDay());
        } catch (DateTimeParseException e) {
            throw QuickSightException.invalid("TimeOfTheDay must be HH:mm, not " + schedule.timeOfTheDay());
        }
    }

    private DataSet spiceDataSet(String dataSetId) {
        DataSet dataSet = dataSets.get(dataSetId);
        if (!dataSet.spice()) {
            throw QuickSightException.invalid("Data set " + dataSetId + " is not imported into SPICE: only SPICE"
                    + " data sets are refreshed.");
        }
        return dataSet;
    }
}
