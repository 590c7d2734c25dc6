package io.glaux.saved;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.persist.JsonFiles;
import io.glaux.workgroup.Workgroup;
import io.glaux.workgroup.WorkgroupService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named queries, persisted one JSON file each ({@code <id>.json}). Every named query lives in an existing workgroup
 * ({@code primary} when none is given); a repeated ClientRequestToken returns the query it first created.
 */
public final class NamedQueryStore {

    private final Path folder;
    private final WorkgroupService workgroups;
    private final JsonFiles files = new JsonFiles();
    private final Map<String, NamedQuery> queries = new ConcurrentHashMap<>();

    public NamedQueryStore(Path folder, WorkgroupService workgroups) {
        this.folder = folder;
        this.workgroups = workgroups;
        load();
    }

    private void load() {
        for (NamedQuery query : files.readAll(folder, NamedQuery.class)) {
            queries.put(query.namedQueryId(), query);
        }
    }

    private static String orPrimary(String workgroup) {
        return workgroup == null ? Workgroup.PRIMARY : workgroup;
    }

    /** CreateNamedQuery: returns the new query, or the one a repeated ClientRequestToken created. */
    public synchronized NamedQuery create(String name, String description, String database, String queryString,
                                          String workgroup, String clientRequestToken) {
        String group = workgroups.get(orPrimary(workgroup)).name();
        if (clientRequestToken != null) {
            Optional<NamedQuery> earlier = queries.values().stream()
                    .filter(q -> clientRequestToken.equals(q.clientRequestToken())).findFirst();
            if (earlier.isPresent()) {
                if (!earlier.get().sameDefinition(name, description, database, queryString, group)) {
                    throw new GlauxException(ErrorType.INVALID_ARGUMENT, "The ClientRequestToken was already used"
                            + " to create a different named query");
                }
                return earlier.get();
            }
        }
        NamedQuery query = new NamedQuery(UUID.randomUUID().toString(), name, description, database, queryString,
                group, clientRequestToken, Instant.now());
        save(query);
        return query;
    }

    public Optional<NamedQuery> find(String id) {
        return Optional.ofNullable(id == null ? null : queries.get(id));
    }

    public NamedQuery get(String id) {
        return find(id).orElseThrow(() -> GlauxException.notFound("NamedQuery " + id + " was not found"));
    }

    /** The workgroup's named queries in the order they were created. */
    public List<NamedQuery> list(String workgroup) {
        String group = workgroups.get(orPrimary(workgroup)).name();
        return queries.values().stream().filter(q -> q.workGroup().equals(group))
                .sorted(Comparator.comparing(NamedQuery::creationTime).thenComparing(NamedQuery::namedQueryId))
                .toList();
    }

    /** UpdateNamedQuery: a new name and query text; the description is kept when {@code description} is null. */
    public synchronized NamedQuery update(String id, String name, String description, String queryString) {
        NamedQuery current = get(id);
        NamedQuery updated = current.withChanges(name, description == null ? current.description() : description,
                queryString);
        save(updated);
        return updated;
    }

    public synchronized void delete(String id) {
        get(id);
        try {
            Files.deleteIfExists(folder.resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete named query " + id, e);
        }
        queries.remove(id);
    }

    private void save(NamedQuery query) {
        files.write(folder.resolve(query.namedQueryId() + ".json"), query);
        queries.put(query.namedQueryId(), query);
    }
}
