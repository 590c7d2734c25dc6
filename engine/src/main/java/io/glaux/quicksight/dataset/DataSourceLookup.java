package io.glaux.quicksight.dataset;

import java.util.Optional;

/** How the compiler learns of the account's data sources: the caller answers from its own registry. */
@FunctionalInterface
public interface DataSourceLookup {

    /** The Athena workgroup of the data source with this ARN, or empty when there is no such data source. */
    Optional<String> workGroup(String dataSourceArn);
}
