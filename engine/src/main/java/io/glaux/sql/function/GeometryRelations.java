package io.glaux.sql.function;

import org.locationtech.jts.geom.Geometry;

import static io.glaux.sql.function.Arg.GEOMETRY;

/**
 * Trino's spatial relationships between two geometries (the DE-9IM predicates, with the same meaning in Trino and
 * JTS): {@code ST_Contains(a, b)} is true when no point of {@code b} lies outside {@code a} and their interiors meet.
 */
public final class GeometryRelations {
    private GeometryRelations() {
    }

    static void declare(FunctionRegistry.Builder r) {
        Class<?> c = GeometryRelations.class;
        for (String name : new String[] {"contains", "within", "intersects", "touches", "overlaps", "crosses",
                "disjoint"}) {
            r.define(GlauxFunction.strict("st_" + name, false,
                    Signature.of(c, name, Returns.BOOLEAN, GEOMETRY, GEOMETRY)));
        }
        r.define(GlauxFunction.strict("st_equals", false,
                Signature.of(c, "topologicallyEqual", Returns.BOOLEAN, GEOMETRY, GEOMETRY)));
    }

    public static boolean contains(Geometry a, Geometry b) {
        return a.contains(b);
    }

    public static boolean within(Geometry a, Geometry b) {
        return a.within(b);
    }

    public static boolean intersects(Geometry a, Geometry b) {
        return a.intersects(b);
    }

    public static boolean touches(Geometry a, Geometry b) {
        return a.touches(b);
    }

    public static boolean overlaps(Geometry a, Geometry b) {
        return a.overlaps(b);
    }

    public static boolean crosses(Geometry a, Geometry b) {
        return a.crosses(b);
    }

    public static boolean disjoint(Geometry a, Geometry b) {
        return a.disjoint(b);
    }

    /** Whether the two geometries cover the same points, however their vertices are listed. */
    public static boolean topologicallyEqual(Geometry a, Geometry b) {
        return a.equalsTopo(b);
    }
}
