package io.glaux.saved;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.persist.JsonFiles;
import io.glaux.workgroup.WorkgroupService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Prepared statements by workgroup, persisted one JSON file per workgroup ({@code <workgroup>.json}, a list of
 * statements), since statement names may hold characters that are not safe in file names. Names are unique within a
 * workgroup and follow Athena's pattern.
 */
public final class PreparedStatementStore {

    /** Athena's StatementName pattern. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_@:]{1,256}");

    private final Path folder;
    private final WorkgroupService workgroups;
    private final JsonFiles files = new JsonFiles();
    private final Map<String, Map<String, PreparedStatement>> byWorkgroup = new ConcurrentHashMap<>();

    public PreparedStatementStore(Path folder, WorkgroupService workgroups) {
        this.folder = folder;
        this.workgroups = workgroups;
        load();
    }

    private void load() {
        for (PreparedStatement[] workgroupStatements : files.readAll(folder, PreparedStatement[].class)) {
            for (PreparedStatement statement : workgroupStatements) {
                statements(statement.workGroupName()).put(statement.statementName(), statement);
            }
        }
    }

    private Map<String, PreparedStatement> statements(String workgroup) {
        return byWorkgroup.computeIfAbsent(workgroup, k -> new TreeMap<>());
    }

    private String existingWorkgroup(String workgroup) {
        return workgroups.get(workgroup).name();
    }

    /** CreatePreparedStatement: fails when the workgroup already has a statement of that name. */
    public synchronized PreparedStatement create(String workgroup, String name, String queryStatement,
                                                 String description) {
        String group = existingWorkgroup(workgroup);
        validate(name, queryStatement);
        if (statements(group).containsKey(name)) {
            throw GlauxException.alreadyExists("Prepared statement " + name + " already exists in workgroup "
                    + group);
        }
        return save(new PreparedStatement(name, group, queryStatement, description, Instant.now()));
    }

    /** SQL PREPARE: creates the statement or replaces its SQL, keeping its description. */
    public synchronized PreparedStatement put(String workgroup, String name, String queryStatement) {
        String group = existingWorkgroup(workgroup);
        validate(name, queryStatement);
        PreparedStatement current = statements(group).get(name);
        return save(new PreparedStatement(name, group, queryStatement,
                current == null ? null : current.description(), Instant.now()));
    }

    /** UpdatePreparedStatement: new SQL; the description is kept when {@code description} is null. */
    public synchronized PreparedStatement update(String workgroup, String name, String queryStatement,
                                                 String description) {
        PreparedStatement current = get(workgroup, name);
        validate(name, queryStatement);
        return save(new PreparedStatement(name, current.workGroupName(), queryStatement,
                description == null ? current.description() : description, Instant.now()));
    }

    public synchronized void delete(String workgroup, String name) {
        PreparedStatement current = get(workgroup, name);
        Map<String, PreparedStatement> statements = statements(current.workGroupName());
        statements.remove(name);
        persist(current.workGroupName());
    }

    /** The statement of exactly this name. */
    public Optional<PreparedStatement> find(String workgroup, String name) {
        String group = existingWorkgroup(workgroup);
        synchronized (this) {
            return Optional.ofNullable(statements(group).get(name));
        }
    }

    public PreparedStatement get(String workgroup, String name) {
        return find(workgroup, name).orElseThrow(() -> notFound(name));
    }

    /**
     * The statement a SQL EXECUTE or DEALLOCATE PREPARE names: the exact name, else the one name that matches it
     * ignoring case (SQL folds unquoted names, the API keeps them as given).
     */
    public PreparedStatement resolve(String workgroup, String name) {
        String group = existingWorkgroup(workgroup);
        synchronized (this) {
            Map<String, PreparedStatement> statements = statements(group);
            PreparedStatement exact = statements.get(name);
            if (exact != null) {
                return exact;
            }
            List<PreparedStatement> folded = statements.values().stream()
                    .filter(s -> s.statementName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .toList();
            if (folded.size() == 1) {
                return folded.get(0);
            }
            throw notFound(name);
        }
    }

    /** The workgroup's statements by name. */
    public List<PreparedStatement> list(String workgroup) {
        String group = existingWorkgroup(workgroup);
        synchronized (this) {
            return List.copyOf(statements(group).values());
        }
    }

    private static GlauxException notFound(String name) {
        return GlauxException.notFound("Prepared statement not found: " + name);
    }

    private static void validate(String name, String queryStatement) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid prepared statement name '" + name
                    + "': it must match " + NAME.pattern());
        }
        if (queryStatement == null || queryStatement.isBlank()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The prepared statement's query must not be empty");
        }
        Optional<String> command = PreparedStatementCommand.commandKeyword(queryStatement);
        if (command.isPresent()) {
            throw new GlauxException(ErrorType.INVALID_ARGUMENT, "Invalid statement type for prepared statement: "
                    + command.get());
        }
    }

    private PreparedStatement save(PreparedStatement statement) {
        statements(statement.workGroupName()).put(statement.statementName(), statement);
        persist(statement.workGroupName());
        return statement;
    }

    private void persist(String workgroup) {
        PreparedStatement[] all = statements(workgroup).values().toArray(PreparedStatement[]::new);
        Path file = folder.resolve(workgroup + ".json");
        if (all.length == 0) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + file, e);
            }
        } else {
            files.write(file, Arrays.asList(all));
        }
    }
}
