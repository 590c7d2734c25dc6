package io.glaux.sql.function;

import org.locationtech.jts.geom.Geometry;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Trino's geometry kinds: the name its errors use ({@code LINE_STRING}) and the one ST_GeometryType returns
 * ({@code ST_LineString}), from a JTS geometry's type.
 */
enum GeometryKind {
    POINT("ST_Point"),
    MULTI_POINT("ST_MultiPoint"),
    LINE_STRING("ST_LineString"),
    MULTI_LINE_STRING("ST_MultiLineString"),
    POLYGON("ST_Polygon"),
    MULTI_POLYGON("ST_MultiPolygon"),
    GEOMETRY_COLLECTION("ST_GeomCollection");

    final String standardName;

    GeometryKind(String standardName) {
        this.standardName = standardName;
    }

    static GeometryKind of(Geometry g) {
        switch (g.getGeometryType()) {
            case Geometry.TYPENAME_POINT:
                return POINT;
            case Geometry.TYPENAME_MULTIPOINT:
                return MULTI_POINT;
            case Geometry.TYPENAME_LINESTRING:
            case Geometry.TYPENAME_LINEARRING:
                return LINE_STRING;
            case Geometry.TYPENAME_MULTILINESTRING:
                return MULTI_LINE_STRING;
            case Geometry.TYPENAME_POLYGON:
                return POLYGON;
            case Geometry.TYPENAME_MULTIPOLYGON:
                return MULTI_POLYGON;
            default:
                return GEOMETRY_COLLECTION;
        }
    }

    /** Fails as Trino does unless the geometry is of one of the kinds the function applies to. */
    static void require(String function, Geometry g, GeometryKind... kinds) {
        GeometryKind kind = of(g);
        if (!Arrays.asList(kinds).contains(kind)) {
            throw FunctionErrors.invalidArgument(String.format("%s only applies to %s. Input type is: %s", function,
                    Arrays.stream(kinds).map(Enum::name).collect(Collectors.joining(" or ")), kind));
        }
    }
}
