package io.glaux.sql.function;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.GEOMETRY;
import static io.glaux.sql.function.Arg.STRING;
import static io.glaux.sql.function.GeometryKind.LINE_STRING;
import static io.glaux.sql.function.GeometryKind.MULTI_LINE_STRING;
import static io.glaux.sql.function.GeometryKind.MULTI_POINT;
import static io.glaux.sql.function.GeometryKind.MULTI_POLYGON;
import static io.glaux.sql.function.GeometryKind.POINT;
import static io.glaux.sql.function.GeometryKind.POLYGON;

/**
 * Trino's geospatial constructors, accessors and measures over planar geometries (SQL type {@code GEOMETRY}, JTS
 * objects at run time): WKT in and out, as Trino prints it ({@code POINT (1 2)}), and Trino's errors for a geometry
 * of the wrong kind. The spatial relationships are {@link GeometryRelations}'.
 */
public final class GeospatialFunctions {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeospatialFunctions() {
    }

    /** Declares the geospatial functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> g = GeospatialFunctions.class;
        r.define(GlauxFunction.strict("st_point", false,
                Signature.of(g, "point", Returns.GEOMETRY, DOUBLE, DOUBLE)));
        r.define(GlauxFunction.strict("st_geometryfromtext", false,
                Signature.of(g, "geometryFromText", Returns.GEOMETRY, STRING)));
        r.define(GlauxFunction.strict("st_linefromtext", false,
                Signature.of(g, "lineFromText", Returns.GEOMETRY, STRING)));
        r.define(GlauxFunction.strict("st_polygon", false,
                Signature.of(g, "polygon", Returns.GEOMETRY, STRING)));
        r.define(GlauxFunction.strict("st_astext", false,
                Signature.of(g, "asText", Returns.VARCHAR, GEOMETRY)));
        r.define(GlauxFunction.strict("st_x", true, Signature.of(g, "x", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_y", true, Signature.of(g, "y", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_xmin", true, Signature.of(g, "xMin", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_xmax", true, Signature.of(g, "xMax", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_ymin", true, Signature.of(g, "yMin", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_ymax", true, Signature.of(g, "yMax", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_area", false, Signature.of(g, "area", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_length", false, Signature.of(g, "length", Returns.DOUBLE, GEOMETRY)));
        r.define(GlauxFunction.strict("st_distance", true,
                Signature.of(g, "distance", Returns.DOUBLE, GEOMETRY, GEOMETRY)));
        r.define(GlauxFunction.strict("st_isempty", false,
                Signature.of(g, "isEmpty", Returns.BOOLEAN, GEOMETRY)));
        r.define(GlauxFunction.strict("st_isvalid", false,
                Signature.of(g, "isValid", Returns.BOOLEAN, GEOMETRY)));
        r.define(GlauxFunction.strict("st_geometrytype", false,
                Signature.of(g, "geometryType", Returns.VARCHAR, GEOMETRY)));
        r.define(GlauxFunction.strict("st_numpoints", false,
                Signature.of(g, "numPoints", Returns.BIGINT, GEOMETRY)));
        r.define(GlauxFunction.strict("st_startpoint", true,
                Signature.of(g, "startPoint", Returns.GEOMETRY, GEOMETRY)));
        r.define(GlauxFunction.strict("st_endpoint", true,
                Signature.of(g, "endPoint", Returns.GEOMETRY, GEOMETRY)));
        r.define(GlauxFunction.strict("st_convexhull", false,
                Signature.of(g, "convexHull", Returns.GEOMETRY, GEOMETRY)));
        r.define(GlauxFunction.strict("st_centroid", false,
                Signature.of(g, "centroid", Returns.GEOMETRY, GEOMETRY)));
        GeometryRelations.declare(r);
    }

    public static Geometry point(double x, double y) {
        return FACTORY.createPoint(new Coordinate(x, y));
    }

    /** The geometry a WKT text describes; Trino's INVALID_FUNCTION_ARGUMENT if it describes none. */
    public static Geometry geometryFromText(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw FunctionErrors.invalidArgument("Invalid WKT: " + wkt);
        }
    }

    public static Geometry lineFromText(String wkt) {
        Geometry g = geometryFromText(wkt);
        GeometryKind.require("ST_LineFromText", g, LINE_STRING);
        return g;
    }

    public static Geometry polygon(String wkt) {
        Geometry g = geometryFromText(wkt);
        GeometryKind.require("ST_Polygon", g, POLYGON);
        return g;
    }

    /** The geometry's WKT, as Trino prints it: {@code POINT (1 2)}, {@code LINESTRING EMPTY}. */
    public static String asText(Geometry g) {
        return new WKTWriter().write(g);
    }

    public static Double x(Geometry g) {
        GeometryKind.require("ST_X", g, POINT);
        return g.isEmpty() ? null : ((Point) g).getX();
    }

    public static Double y(Geometry g) {
        GeometryKind.require("ST_Y", g, POINT);
        return g.isEmpty() ? null : ((Point) g).getY();
    }

    public static Double xMin(Geometry g) {
        return g.isEmpty() ? null : g.getEnvelopeInternal().getMinX();
    }

    public static Double xMax(Geometry g) {
        return g.isEmpty() ? null : g.getEnvelopeInternal().getMaxX();
    }

    public static Double yMin(Geometry g) {
        return g.isEmpty() ? null : g.getEnvelopeInternal().getMinY();
    }

    public static Double yMax(Geometry g) {
        return g.isEmpty() ? null : g.getEnvelopeInternal().getMaxY();
    }

    /** The planar area: 0 for points and lines. */
    public static double area(Geometry g) {
        return g.getArea();
    }

    /** The planar length of a line or multi-line. */
    public static double length(Geometry g) {
        GeometryKind.require("ST_Length", g, LINE_STRING, MULTI_LINE_STRING);
        return g.getLength();
    }

    /** The minimum planar distance; NULL if either geometry is empty. */
    public static Double distance(Geometry a, Geometry b) {
        return a.isEmpty() || b.isEmpty() ? null : a.distance(b);
    }

    public static boolean isEmpty(Geometry g) {
        return g.isEmpty();
    }

    public static boolean isValid(Geometry g) {
        return g.isValid();
    }

    public static String geometryType(Geometry g) {
        return GeometryKind.of(g).standardName;
    }

    /** The number of points, counting a polygon ring's closing point once (as Trino does). */
    public static long numPoints(Geometry g) {
        if (g.isEmpty()) {
            return 0;
        }
        long count = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon) {
                Polygon p = (Polygon) part;
                count += p.getExteriorRing().getNumPoints() - 1;
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    count += p.getInteriorRingN(r).getNumPoints() - 1;
                }
            } else {
                count += part.getNumPoints();
            }
        }
        return count;
    }

    /** A line's first point; NULL for an empty line. */
    public static Geometry startPoint(Geometry g) {
        GeometryKind.require("ST_StartPoint", g, LINE_STRING);
        return g.isEmpty() ? null : ((LineString) g).getStartPoint();
    }

    /** A line's last point; NULL for an empty line. */
    public static Geometry endPoint(Geometry g) {
        GeometryKind.require("ST_EndPoint", g, LINE_STRING);
        return g.isEmpty() ? null : ((LineString) g).getEndPoint();
    }

    /** The centre of mass of a point set, line or polygon (not of a geometry collection); empty for empty. */
    public static Geometry centroid(Geometry g) {
        GeometryKind.require("ST_Centroid", g, POINT, MULTI_POINT, LINE_STRING, MULTI_LINE_STRING, POLYGON,
                MULTI_POLYGON);
        return g.isEmpty() ? FACTORY.createPoint() : g.getCentroid();
    }

    public static Geometry convexHull(Geometry g) {
        return g.convexHull();
    }
}
