package io.glaux.sql;

import io.glaux.sql.plan.RowBuffer;
import io.glaux.sql.scan.Cancellation;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The runtime context of one query: its scan context, cancel flag and clock (UTC, like Athena). */
final class QueryDataContext implements DataContext, Cancellation.Flagged {

    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;
    private final ScanContext scanContext;
    private final AtomicBoolean cancelFlag;
    private final Map<String, Object> stash;
    private final long startMillis = System.currentTimeMillis();
    /** The rows of this run's {@link RowBuffer}s: a compiled plan is shared by runs, its buffers are not. */
    private final Map<RowBuffer, List<Object>> rowBuffers = new ConcurrentHashMap<>();

    QueryDataContext(SchemaPlus rootSchema, JavaTypeFactory typeFactory, ScanContext scanContext,
                     AtomicBoolean cancelFlag, Map<String, Object> stash) {
        this.stash = stash;
        this.rootSchema = rootSchema;
        this.typeFactory = typeFactory;
        this.scanContext = scanContext;
        this.cancelFlag = cancelFlag;
    }

    @Override
    public AtomicBoolean cancelFlag() {
        return cancelFlag;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return rootSchema;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (ScanContext.KEY.equals(name)) {
            return scanContext;
        }
        if (RowBuffer.KEY.equals(name)) {
            return rowBuffers;
        }
        return switch (name) {
            case "currentTimestamp", "localTimestamp", "utcTimestamp" -> startMillis;
            case "timeZone" -> TimeZone.getTimeZone("UTC");
            case "cancelFlag" -> cancelFlag;
            case "user", "systemUser" -> "glaux";
            default -> stash.get(name);
        };
    }
}
