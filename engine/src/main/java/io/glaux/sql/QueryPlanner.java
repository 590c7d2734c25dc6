package io.glaux.sql;

import io.glaux.error.AthenaMessages;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.sql.connector.ConnectorLimitPushdown;
import io.glaux.sql.function.JsonType;
import io.glaux.sql.function.CharCoercion;
import io.glaux.sql.function.TrinoCharType;
import io.glaux.sql.plan.OptimizerProgram;
import io.glaux.sql.plan.OrFactors;
import io.glaux.sql.plan.PlannerMetadata;
import io.glaux.sql.plan.SemiJoinAlgorithms;
import io.glaux.sql.vector.plan.FallbackPlan;
import io.glaux.sql.vector.plan.VectorFallback;
import io.glaux.sql.vector.plan.VectorQuery;
import io.glaux.sql.vector.plan.VectorTableScanRule;
import io.glaux.sql.plan.TableSources;
import io.glaux.sql.scan.Cancellation;
import io.glaux.sql.plan.WindowCollation;
import io.glaux.sql.function.TrinoFunctions;
import io.glaux.sql.parse.GlauxParserConfig;
import io.glaux.sql.plan.RepeatedInputs;
import io.glaux.sql.plan.RowValueKeys;
import io.glaux.sql.parse.ParserText;
import io.glaux.sql.parse.GlauxTypeSystem;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.Context;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.TimeFrames;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.CancelFlag;
import org.apache.calcite.util.Pair;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns Athena SQL text into a compiled, runnable query: parse (Babel grammar) → rewrite Trino-isms → validate →
 * relational plan → optimize into Calcite's Enumerable convention → generate and compile code.
 */
public final class QueryPlanner {

    static {
        CalciteDefaults.apply();
    }

    private final CalciteSchema rootSchema;
    private final SqlOperatorTable operatorTable;
    private final List<Supplier<SqlShuttle>> rewriters;
    private final JavaTypeFactory typeFactory = new JsonType.TypeFactory(GlauxTypeSystem.INSTANCE);
    private final CalciteConnectionConfig config;
    private final CatalogVersions catalogVersions;
    private final PlanCache cache;
    private volatile boolean cancellationChecks = true;

    /**
     * A planner that plans every statement afresh.
     *
     * @param rootSchema catalogs as sub-schemas ({@code awsdatacatalog} → databases → tables)
     * @param extraOperators Glaux's functions, consulted after the standard operators
     * @param rewriters passes applied to each parsed statement before validation, in order
     */
    public QueryPlanner(CalciteSchema rootSchema, SqlOperatorTable extraOperators,
                        List<Supplier<SqlShuttle>> rewriters) {
        this(rootSchema, extraOperators, rewriters, null, 0);
    }

    /**
     * A planner that reuses compiled plans (up to {@code planCacheSize}; 0 turns that off) while the catalogs each
     * was made from stay at the same version: {@code catalogVersions} must change after every change to what the
     * schema shows.
     */
    public QueryPlanner(CalciteSchema rootSchema, SqlOperatorTable extraOperators,
                        List<Supplier<SqlShuttle>> rewriters, CatalogVersions catalogVersions, int planCacheSize) {
        this.catalogVersions = catalogVersions;
        this.cache = catalogVersions != null && planCacheSize > 0 ? new PlanCache(planCacheSize) : null;
        this.rootSchema = rootSchema;
        this.operatorTable = SqlOperatorTables.chain(SqlStdOperatorTable.instance(), extraOperators);
        this.rewriters = List.copyOf(rewriters);
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(),
                GlauxParserConfig.CONFORMANCE.name());
        this.config = new CalciteConnectionConfigImpl(properties);
    }

    /**
     * Parses a statement with Glaux's dialect (after {@link ParserText} quotes what Calcite's grammar would misread);
     * syntax errors become Athena's, with positions in the text as written.
     */
    public SqlNode parse(String sql) {
        return parse(ParserText.quote(sql));
    }

    private SqlNode parse(ParserText sql) {
        try {
            return SqlParser.create(sql.text(), GlauxParserConfig.PARSER).parseStmt();
        } catch (SqlParseException e) {
            throw sql.restore(SqlErrors.syntax(e, sql.text()));
        }
    }

    /**
     * Plans a query.
     *
     * @param parameters SQL literal texts for the statement's {@code ?} placeholders (Athena ExecutionParameters)
     */
    public PreparedQuery prepare(String sql, QueryContext context, List<String> parameters) {
        return prepare(sql, context, parameters, new AtomicBoolean());
    }

    /**
     * Plans a query that can be stopped while it is planned: the cost-based planner reads {@code cancelFlag} (the
     * query's own, which StopQueryExecution sets) before each rule it fires and stops once it is set; the flag is read
     * again before code is generated, and planning ends with {@link Cancellation#cancelled()}, as a running query
     * does.
     *
     * @param parameters SQL literal texts for the statement's {@code ?} placeholders (Athena ExecutionParameters)
     */
    public PreparedQuery prepare(String sql, QueryContext context, List<String> parameters,
                                 AtomicBoolean cancelFlag) {
        if (cache == null) {
            return plan(sql, context, parameters, cancelFlag);
        }
        PlanCache.Key key = PlanCache.Key.of(sql, context, parameters);
        PreparedQuery cached = cache.get(key, catalogVersions);
        if (cached != null) {
            return cached;
        }
        long before = catalogVersions.all();
        PreparedQuery planned = plan(sql, context, parameters, cancelFlag);
        if (!planned.readsFederatedSources()) {
            long version = catalogVersions.of(planned.catalogs());
            // A plan made while some catalog changed is not filed: it may hold what came before the change, under
            // the version after it.
            if (version != CatalogVersions.UNKNOWN && catalogVersions.all() == before) {
                cache.put(key, planned, version, catalogVersions);
            }
        }
        return planned;
    }

    /**
     * Whether plans compiled from now on check the cancel flag between operators and in their loops (the default).
     * Only for measuring what the checks cost: a plan without them runs on after StopQueryExecution.
     */
    void cancellationChecks(boolean enabled) {
        this.cancellationChecks = enabled;
    }

    /** Compiled plans kept for reuse (0 when plans are not cached). */
    public int cachedPlans() {
        return cache == null ? 0 : cache.size();
    }

    private PreparedQuery plan(String sql, QueryContext context, List<String> parameters, AtomicBoolean cancelFlag) {
        return plan(sql, context, parameters, cancelFlag, true);
    }

    /**
     * @param vectorizeLive whether live tables may be read in columns for the vectorized operators; a plan that does
     *     carries the plan without them, for when the data read turns out to need it ({@link VectorFallback})
     */
    private PreparedQuery plan(String sql, QueryContext context, List<String> parameters, AtomicBoolean cancelFlag,
                               boolean vectorizeLive) {
        ParserText text = ParserText.quote(sql);
        SqlNode parsed = parse(text);
        try {
            SqlNode node = new ParameterBinder(parameters).bind(parsed);
            Set<String> viewCatalogs = new TreeSet<>();
            RelRoot root = toRel(node, context, cancelFlag, vectorizeLive, viewCatalogs);
            return compile(root, cancelFlag, vectorizeLive
                    ? flag -> plan(sql, context, parameters, flag, false) : null, viewCatalogs);
        } catch (RuntimeException e) {
            if (cancelFlag.get()) {
                // Calcite's cost-based planner takes the flag as a time-out and keeps the best plan it has, if any
                // (else it cannot plan): the query ends as any cancelled one.
                throw (CancellationException) Cancellation.cancelled().initCause(e);
            }
            throw text.restore(SqlErrors.translate(e, text.text(), context, this::schemaExists));
        }
    }

    /** Whether a catalog's database exists; with a null database, whether the catalog exists. */
    private boolean schemaExists(String catalog, String database) {
        CalciteSchema catalogSchema = rootSchema.getSubSchema(catalog, false);
        if (database == null) {
            return catalogSchema != null;
        }
        return catalogSchema == null || catalogSchema.getSubSchema(database, false) != null;
    }

    private SqlNode rewrite(SqlNode node) {
        SqlNode result = node;
        for (Supplier<SqlShuttle> rewriter : rewriters) {
            result = result.accept(rewriter.get());
        }
        return result;
    }

    /** @param viewCatalogs gathers the catalogs of the views the query expands */
    private RelRoot toRel(SqlNode node, QueryContext context, AtomicBoolean cancelFlag, boolean vectorizeLive,
                          Set<String> viewCatalogs) {
        // The planner checks the flag it finds in its context before each rule it fires.
        // The plan that reads live tables in columns falls back to one made without it (and without what it assumes).
        VolcanoPlanner planner = newPlanner(vectorizeLive
                ? Contexts.of(new CancelFlag(cancelFlag), FallbackPlan.AVAILABLE)
                : Contexts.of(new CancelFlag(cancelFlag)));
        if (vectorizeLive) {
            planner.addRule(VectorTableScanRule.INSTANCE);
        }
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        PlannerMetadata.install(cluster);
        return convert(node, context, cluster, viewCatalogs);
    }

    /** A cost-based planner with Calcite's default rules, less those Glaux replaces or leaves out. */
    private static VolcanoPlanner newPlanner(Context context) {
        VolcanoPlanner planner = new VolcanoPlanner(null, context);
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptUtil.registerDefaultRules(planner, false, false);
        WindowCollation.replaceWindowRule(planner);
        SemiJoinAlgorithms.removeMergeJoinRules(planner);
        return planner;
    }

    /**
     * Makes what every planner of the process shares and the first query would otherwise make: Calcite's rule
     * instances (its rule classes' static initialisers build some 300 rules), its standard operator table and its
     * time frames (which every validator takes), Glaux's function table, the window rule's metadata and the metadata
     * handlers of every cluster ({@link PlannerMetadata#loadSharedTables()}). Safe from any thread, at any time;
     * {@code glaux serve} calls it on a thread of its own while the engine opens and its server starts.
     */
    public static void loadSharedTables() {
        SqlStdOperatorTable.instance();
        newPlanner(Contexts.empty());
        TrinoFunctions.supportedNames();
        TimeFrames.CORE.getClass();
        PlannerMetadata.loadSharedTables();
    }

    private SqlValidator validator(GlauxCatalogReader catalogReader) {
        return SqlValidatorUtil.newValidator(operatorTable, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(GlauxParserConfig.CONFORMANCE)
                        .withDefaultNullCollation(NullCollation.LAST)
                        .withIdentifierExpansion(true)
                        .withTypeCoercionFactory(CharCoercion::new));
    }

    /**
     * Describes a query without binding its {@code ?} placeholders or running it: its output columns and the
     * placeholders' types, as DESCRIBE OUTPUT and DESCRIBE INPUT report them.
     */
    public StatementDescription describe(String sql, QueryContext context) {
        ParserText text = ParserText.quote(sql);
        SqlNode parsed = parse(text);
        try {
            GlauxCatalogReader catalogReader = new GlauxCatalogReader(rootSchema, context, typeFactory, config);
            return StatementDescriptions.of(validator(catalogReader), rewrite(parsed));
        } catch (RuntimeException e) {
            throw text.restore(SqlErrors.translate(e, text.text(), context, this::schemaExists));
        }
    }

    private RelRoot convert(SqlNode node, QueryContext context, RelOptCluster cluster, Set<String> viewCatalogs) {
        GlauxCatalogReader catalogReader = new GlauxCatalogReader(rootSchema, context, typeFactory, config);
        SqlValidator validator = validator(catalogReader);
        SqlNode validated = validator.validate(rewrite(node));
        OrderableTypes.check(validator, validated);
        JsonOperands.check(validator, validated);
        SqlToRelConverter converter = new SqlToRelConverter(new ViewExpander(cluster, viewCatalogs), validator,
                catalogReader, cluster, TrinoConvertlets.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
        RelRoot root = converter.convertQuery(validated, false, true);
        return root.withRel(OrFactors.pull(ConnectorLimitPushdown.apply(TrinoSemantics.apply(root.rel))));
    }

    private PreparedQuery compile(RelRoot root, AtomicBoolean cancelFlag,
                                  Function<AtomicBoolean, PreparedQuery> rowFallback, Set<String> viewCatalogs) {
        // Optimize the full relation with the requested order, then project the output fields on top, as Calcite's
        // own preparer does: projecting first would drop ORDER BY keys that are not selected.
        RelNode logical = root.rel;
        RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation)
                .simplify();
        Program program = OptimizerProgram.create();
        EnumerableRel physical = (EnumerableRel) program.run(logical.getCluster().getPlanner(), logical, desired,
                List.of(), List.of());
        // Operators that hash row values key on their fields' values, not on the arrays that hold the fields.
        physical = (EnumerableRel) RowValueKeys.apply(physical);
        // A nested loop or correlate would scan its inner table again for every outer row: read it once instead.
        physical = (EnumerableRel) RepeatedInputs.buffer(physical);
        if (!root.isRefTrivial()) {
            RexBuilder rexBuilder = physical.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (int field : Pair.left(root.fields)) {
                projects.add(rexBuilder.makeInputRef(physical, field));
            }
            // Planning may turn a json or char(n) field into the VARCHAR that holds it; the result keeps the validated
            // types.
            RelDataType output = root.validatedRowType.getFieldList().stream()
                    .anyMatch(f -> JsonType.is(f.getType()) || TrinoCharType.is(f.getType()))
                    ? RexUtil.createStructType(typeFactory, projects, root.validatedRowType.getFieldNames(), null)
                    : root.validatedRowType;
            RexProgram projection = RexProgram.create(physical.getRowType(), projects, null, output, rexBuilder);
            physical = EnumerableCalc.create(physical, projection);
        }
        String plan = RelOptUtil.toString(physical);
        // A planning cut short by the flag may have left a plan; it is not compiled.
        Cancellation.check(cancelFlag);
        // Generated code may stash objects (e.g. interpreter nodes) here and read them back from the DataContext.
        Map<String, Object> stash = new HashMap<>();
        Bindable<?> bindable;
        if (physical instanceof VectorQuery query) {
            // A plan that is one vectorized query is bound as it is: its generated code would only call it, and
            // Janino's compile costs tens of milliseconds for each new query text.
            Bindable<Object[]> unchecked = query::execute;
            bindable = cancellationChecks ? CancellationCheck.bind(unchecked) : unchecked;
        } else {
            // Every operator's input and output, and every loop of the generated code, checks the cancel flag.
            EnumerableRel checked = cancellationChecks ? CancellationCheck.insert(physical) : physical;
            bindable = EnumerableInterpretable.toBindable(stash, null, checked, EnumerableRel.Prefer.ARRAY);
        }
        RelDataType rowType = root.validatedRowType;
        OutputColumnNames names = OutputColumnNames.of(rowType);
        return new PreparedQuery(ResultTypes.columns(rowType, names.names()), names, rowType, bindable, stash,
                rootSchema.plus(), typeFactory, plan, TableSources.of(logical), TableSources.readMoreThanOnce(logical),
                viewCatalogs, physical, rowFallback);
    }

    /**
     * Expands catalog views in place, resolving their names from the view's own database, and notes each view's
     * catalog.
     */
    private final class ViewExpander implements RelOptTable.ViewExpander {
        private final RelOptCluster cluster;
        private final Set<String> viewCatalogs;

        ViewExpander(RelOptCluster cluster, Set<String> viewCatalogs) {
            this.cluster = cluster;
            this.viewCatalogs = viewCatalogs;
        }

        @Override
        public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
                                  List<String> viewPath) {
            QueryContext viewContext = new QueryContext(schemaPath.get(0), schemaPath.get(1));
            viewCatalogs.add(schemaPath.get(0).toLowerCase(Locale.ROOT));
            ParserText text = ParserText.quote(queryString);
            try {
                return convert(parse(text), viewContext, cluster, viewCatalogs);
            } catch (RuntimeException e) {
                // Positions and names in the error are the view's own; say which view, as Trino does.
                GlauxException inner = text.restore(SqlErrors.translate(e, text.text(), viewContext,
                        QueryPlanner.this::schemaExists));
                throw new GlauxException(inner.type(), TrinoErrorCode.INVALID_VIEW, "Failed analyzing stored view '"
                        + String.join(".", viewPath) + "': " + AthenaMessages.withoutCode(inner), inner);
            }
        }
    }

    JavaTypeFactory typeFactory() {
        return typeFactory;
    }

}
