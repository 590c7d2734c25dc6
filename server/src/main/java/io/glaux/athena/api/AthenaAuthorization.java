package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryService;
import io.glaux.saved.NamedQuery;
import io.glaux.saved.NamedQueryStore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Which IAM action and resources each Athena call needs, as the Service Authorization Reference for Amazon Athena
 * names them: {@code athena:<Operation>} on the workgroup a call works in ({@code workgroup/<name>}: the request's
 * {@code WorkGroup}, {@code primary} when it names none, or the workgroup of the query execution or named query it
 * names, looked up), on the data catalog of catalog and metadata calls ({@code datacatalog/<name>}), on the ARN a tag
 * call names, or on {@code *} for the calls that have no resource (ListWorkGroups, ListDataCatalogs,
 * ListEngineVersions). A batch call checks every workgroup it reads.
 *
 * <p>Members are read as sent, without the model's checks (the operation makes those): a call that does not name its
 * resource, or names a query execution or named query that does not exist, is not refused here, so it is answered
 * with the same validation or not-found error as with enforcement off.
 */
final class AthenaAuthorization {

    private static final String PRIMARY = "primary";

    private final CallAuthorizer authorizer;
    private final QueryService queries;
    private final NamedQueryStore namedQueries;
    /** For each operation, the resources it is checked on (suffixes after the account: {@code workgroup/x}). */
    private static final Map<String, BiFunction<AthenaAuthorization, JsonInput, Set<String>>> RESOURCES =
            Map.ofEntries(
            Map.entry("StartQueryExecution", (a, in) -> workgroupOr(in, "WorkGroup")),
            Map.entry("ListQueryExecutions", (a, in) -> workgroupOr(in, "WorkGroup")),
            Map.entry("GetQueryExecution", AthenaAuthorization::queryWorkgroup),
            Map.entry("GetQueryResults", AthenaAuthorization::queryWorkgroup),
            Map.entry("StopQueryExecution", AthenaAuthorization::queryWorkgroup),
            Map.entry("GetQueryRuntimeStatistics", AthenaAuthorization::queryWorkgroup),
            Map.entry("BatchGetQueryExecution", AthenaAuthorization::queryWorkgroups),
            Map.entry("CreateWorkGroup", (a, in) -> named(in, "Name", "workgroup/")),
            Map.entry("GetWorkGroup", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("UpdateWorkGroup", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("DeleteWorkGroup", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("ListWorkGroups", (a, in) -> Set.of("*")),
            Map.entry("CreateNamedQuery", (a, in) -> workgroupOr(in, "WorkGroup")),
            Map.entry("ListNamedQueries", (a, in) -> workgroupOr(in, "WorkGroup")),
            Map.entry("GetNamedQuery", AthenaAuthorization::namedQueryWorkgroup),
            Map.entry("UpdateNamedQuery", AthenaAuthorization::namedQueryWorkgroup),
            Map.entry("DeleteNamedQuery", AthenaAuthorization::namedQueryWorkgroup),
            Map.entry("BatchGetNamedQuery", AthenaAuthorization::namedQueryWorkgroups),
            Map.entry("CreatePreparedStatement", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("GetPreparedStatement", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("ListPreparedStatements", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("UpdatePreparedStatement", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("DeletePreparedStatement", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("BatchGetPreparedStatement", (a, in) -> named(in, "WorkGroup", "workgroup/")),
            Map.entry("CreateDataCatalog", (a, in) -> named(in, "Name", "datacatalog/")),
            Map.entry("GetDataCatalog", (a, in) -> named(in, "Name", "datacatalog/")),
            Map.entry("UpdateDataCatalog", (a, in) -> named(in, "Name", "datacatalog/")),
            Map.entry("DeleteDataCatalog", (a, in) -> named(in, "Name", "datacatalog/")),
            Map.entry("ListDataCatalogs", (a, in) -> Set.of("*")),
            Map.entry("ListDatabases", (a, in) -> named(in, "CatalogName", "datacatalog/")),
            Map.entry("GetDatabase", (a, in) -> named(in, "CatalogName", "datacatalog/")),
            Map.entry("ListTableMetadata", (a, in) -> named(in, "CatalogName", "datacatalog/")),
            Map.entry("GetTableMetadata", (a, in) -> named(in, "CatalogName", "datacatalog/")),
            Map.entry("ListEngineVersions", (a, in) -> Set.of("*")),
            Map.entry("TagResource", (a, in) -> named(in, "ResourceARN", "")),
            Map.entry("UntagResource", (a, in) -> named(in, "ResourceARN", "")),
            Map.entry("ListTagsForResource", (a, in) -> named(in, "ResourceARN", "")));

    AthenaAuthorization(CallAuthorizer authorizer, QueryService queries, NamedQueryStore namedQueries) {
        this.authorizer = authorizer;
        this.queries = queries;
        this.namedQueries = namedQueries;
    }

    /** The resources {@code operation} is checked on: ARNs, or {@code *}; empty when the call names none. */
    Set<String> resourcesOf(String operation, JsonInput input, RequestContext context) {
        BiFunction<AthenaAuthorization, JsonInput, Set<String>> rule = RESOURCES.get(operation);
        if (rule == null) {
            return Set.of("*");
        }
        Set<String> arns = new LinkedHashSet<>();
        for (String resource : rule.apply(this, input)) {
            arns.add(resource.equals("*") || resource.startsWith("arn:") ? resource
                    : authorizer.arn(context, resource));
        }
        return arns;
    }

    /** Throws the denial when the caller may not make this call. */
    void check(String operation, JsonInput input, RequestContext context) {
        for (String resource : resourcesOf(operation, input, context)) {
            authorizer.check(context, operation, resource);
        }
    }

    /** The operations this class names resources for (every operation Athena's API answers). */
    Set<String> operations() {
        return RESOURCES.keySet();
    }

    private Set<String> queryWorkgroup(JsonInput input) {
        return Optional.ofNullable(text(input.json(), "QueryExecutionId")).flatMap(queries::get)
                .map(q -> Set.of("workgroup/" + q.workgroup())).orElse(Set.of());
    }

    private Set<String> queryWorkgroups(JsonInput input) {
        Set<String> workgroups = new LinkedHashSet<>();
        for (String id : texts(input.json(), "QueryExecutionIds")) {
            queries.get(id).map(QueryExecution::workgroup).ifPresent(w -> workgroups.add("workgroup/" + w));
        }
        return workgroups;
    }

    private Set<String> namedQueryWorkgroup(JsonInput input) {
        return Optional.ofNullable(text(input.json(), "NamedQueryId")).flatMap(namedQueries::find)
                .map(q -> Set.of("workgroup/" + q.workGroup())).orElse(Set.of());
    }

    private Set<String> namedQueryWorkgroups(JsonInput input) {
        Set<String> workgroups = new LinkedHashSet<>();
        for (String id : texts(input.json(), "NamedQueryIds")) {
            namedQueries.find(id).map(NamedQuery::workGroup).ifPresent(w -> workgroups.add("workgroup/" + w));
        }
        return workgroups;
    }

    /** The workgroup {@code member} names, or {@code primary} when it names none, as Athena runs such a call. */
    private static Set<String> workgroupOr(JsonInput input, String member) {
        JsonNode value = input.json().get(member);
        if (value == null || value.isNull()) {
            return Set.of("workgroup/" + PRIMARY);
        }
        return value.isTextual() ? Set.of("workgroup/" + value.textValue()) : Set.of();
    }

    /** {@code prefix + member}'s value, or nothing when the call does not name it (the operation answers that). */
    private static Set<String> named(JsonInput input, String member, String prefix) {
        String name = text(input.json(), member);
        return name == null || name.isEmpty() ? Set.of() : Set.of(prefix + name);
    }

    private static String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static List<String> texts(JsonNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return java.util.stream.StreamSupport.stream(value.spliterator(), false).filter(JsonNode::isTextual)
                .map(JsonNode::textValue).toList();
    }
}
