package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeospatialFunctionsTest {

    @Test
    void pointsPrintAsTrinosWkt() {
        assertThat(value("SELECT ST_AsText(ST_Point(1, 2))")).isEqualTo("POINT (1 2)");
        assertThat(value("SELECT ST_AsText(ST_Point(1.5, -2.25))")).isEqualTo("POINT (1.5 -2.25)");
        assertThat(value("SELECT ST_X(ST_Point(1.5, 2.5))")).isEqualTo(1.5);
        assertThat(value("SELECT ST_Y(ST_Point(1.5, 2.5))")).isEqualTo(2.5);
        assertThat(value("SELECT typeof(ST_Point(1, 2))")).isEqualTo("Geometry");
    }

    @Test
    void measuresArePlanar() {
        assertThat(value("SELECT ST_Area(ST_GeometryFromText('POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))'))"))
                .isEqualTo(4.0);
        assertThat(value("SELECT ST_Distance(ST_Point(0, 0), ST_Point(3, 4))")).isEqualTo(5.0);
        assertThat(value("SELECT ST_Distance(ST_Point(0, 0), ST_GeometryFromText('POINT EMPTY'))")).isNull();
        assertThat(value("SELECT ST_Length(ST_GeometryFromText('LINESTRING (0 0, 3 4)'))")).isEqualTo(5.0);
        assertThat(value("SELECT ST_Length(ST_GeometryFromText('MULTILINESTRING ((0 0, 3 4), (0 0, 0 1))'))"))
                .isEqualTo(6.0);
    }

    @Test
    void accessorsOfTheWrongKindFailAsTrinoDoes() {
        assertThatThrownBy(() -> value("SELECT ST_Length(ST_GeometryFromText('POLYGON ((0 0, 0 2, 2 2, 0 0))'))"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("ST_Length only applies to LINE_STRING or MULTI_LINE_STRING. Input type is: "
                        + "POLYGON");
        assertThatThrownBy(() -> value("SELECT ST_X(ST_GeometryFromText('LINESTRING (0 0, 1 1)'))"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("ST_X only applies to POINT. Input type is: LINE_STRING");
        assertThatThrownBy(() -> value("SELECT ST_LineFromText('POINT (1 2)')"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("ST_LineFromText only applies to LINE_STRING. Input type is: POINT");
        assertThatThrownBy(() -> value("SELECT ST_GeometryFromText('POINT (1)')"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Invalid WKT: POINT (1)");
    }

    @Test
    void accessorsReadCoordinatesAndKinds() {
        String line = "ST_LineFromText('LINESTRING (1 2, 3 5, 4 1)')";
        assertThat(value("SELECT ST_AsText(ST_StartPoint(" + line + "))")).isEqualTo("POINT (1 2)");
        assertThat(value("SELECT ST_AsText(ST_EndPoint(" + line + "))")).isEqualTo("POINT (4 1)");
        assertThat(value("SELECT ST_XMin(" + line + ")")).isEqualTo(1.0);
        assertThat(value("SELECT ST_XMax(" + line + ")")).isEqualTo(4.0);
        assertThat(value("SELECT ST_YMin(" + line + ")")).isEqualTo(1.0);
        assertThat(value("SELECT ST_YMax(" + line + ")")).isEqualTo(5.0);
        assertThat(value("SELECT ST_XMin(ST_GeometryFromText('POLYGON EMPTY'))")).isNull();
        assertThat(value("SELECT ST_NumPoints(" + line + ")")).isEqualTo(3L);
        assertThat(value("SELECT ST_NumPoints(ST_Polygon('POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))'))")).isEqualTo(4L);
        assertThat(value("SELECT ST_GeometryType(" + line + ")")).isEqualTo("ST_LineString");
        assertThat(value("SELECT ST_GeometryType(ST_Point(1, 2))")).isEqualTo("ST_Point");
        assertThat(value("SELECT ST_GeometryType(ST_GeometryFromText('MULTIPOLYGON (((0 0, 0 1, 1 1, 0 0)))'))"))
                .isEqualTo("ST_MultiPolygon");
        assertThat(value("SELECT ST_IsEmpty(ST_GeometryFromText('POINT EMPTY'))")).isEqualTo(true);
        assertThat(value("SELECT ST_IsValid(ST_GeometryFromText('POLYGON ((0 0, 2 2, 0 2, 2 0, 0 0))'))"))
                .isEqualTo(false);
        assertThat(value("SELECT ST_AsText(ST_ConvexHull(ST_GeometryFromText('MULTIPOINT ((0 0), (1 1), (2 0))')))"))
                .isEqualTo("POLYGON ((0 0, 1 1, 2 0, 0 0))");
    }

    @Test
    void centroidsOfPointSetsLinesAndPolygons() {
        assertThat(value("SELECT ST_AsText(ST_Centroid(ST_GeometryFromText('POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))')))"))
                .isEqualTo("POINT (1 1)");
        assertThat(value("SELECT ST_AsText(ST_Centroid(ST_GeometryFromText('MULTIPOINT ((0 0), (4 2))')))"))
                .isEqualTo("POINT (2 1)");
        assertThat(value("SELECT ST_AsText(ST_Centroid(ST_GeometryFromText('POINT EMPTY')))")).isEqualTo("POINT EMPTY");
        assertThatThrownBy(() -> value("SELECT ST_Centroid(ST_GeometryFromText('GEOMETRYCOLLECTION (POINT (1 1))'))"))
                .isInstanceOf(GlauxException.class)
                .hasMessageContaining("ST_Centroid only applies to POINT or MULTI_POINT or LINE_STRING or "
                        + "MULTI_LINE_STRING or POLYGON or MULTI_POLYGON. Input type is: GEOMETRY_COLLECTION");
    }

    @Test
    void relationshipsFollowTheDe9imModel() {
        String square = "ST_GeometryFromText('POLYGON ((0 0, 0 2, 2 2, 2 0, 0 0))')";
        assertThat(value("SELECT ST_Contains(" + square + ", ST_Point(1, 1))")).isEqualTo(true);
        assertThat(value("SELECT ST_Contains(" + square + ", ST_Point(3, 1))")).isEqualTo(false);
        assertThat(value("SELECT ST_Within(ST_Point(1, 1), " + square + ")")).isEqualTo(true);
        assertThat(value("SELECT ST_Touches(ST_Point(2, 1), " + square + ")")).isEqualTo(true);
        assertThat(value("SELECT ST_Intersects(ST_Point(2, 1), " + square + ")")).isEqualTo(true);
        assertThat(value("SELECT ST_Disjoint(ST_Point(3, 1), " + square + ")")).isEqualTo(true);
        assertThat(value("SELECT ST_Crosses(ST_LineFromText('LINESTRING (1 1, 3 1)'), " + square + ")"))
                .isEqualTo(true);
        assertThat(value("SELECT ST_Overlaps(ST_GeometryFromText('POLYGON ((1 1, 1 3, 3 3, 3 1, 1 1))'), "
                + square + ")")).isEqualTo(true);
        assertThat(value("SELECT ST_Equals(ST_GeometryFromText('POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))'), "
                + square + ")")).isEqualTo(true);
    }
}
