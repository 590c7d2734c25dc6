package io.glaux.quicksight.api;

import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.render.DataSetPreviews;

/**
 * Glaux's dataset preview (not a QuickSight operation; the dataset editor uses it):
 * {@code POST /glaux/quicksight/accounts/{AwsAccountId}/data-sets/preview} with CreateDataSet's members (Name,
 * ImportMode, PhysicalTableMap, LogicalTableMap...) and an optional {@code MaxRows} (1 to 1000, 100 by default),
 * answering the first rows as the visual-data endpoint answers, from a direct query in the data source's workgroup.
 * The definition is checked and compiled as CreateDataSet does, so it refuses the same way; nothing is stored.
 */
final class DataSetPreviewOperation {

    private static final int DEFAULT_ROWS = 100;

    private final DataSetPreviews previews;

    DataSetPreviewOperation(DataSetPreviews previews) {
        this.previews = previews;
    }

    RestRoute route() {
        return RestRoute.of("PreviewDataSet", "POST", VisualDataOperations.ACCOUNT + "/data-sets/preview",
                this::preview);
    }

    private RestResponse preview(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        Integer maxRows = body.integer("MaxRows", 1, DataSetPreviews.MAX_ROWS);
        return VisualDataOperations.answer(previews.preview(DataSetOperations.definition(body),
                maxRows == null ? DEFAULT_ROWS : maxRows));
    }
}
