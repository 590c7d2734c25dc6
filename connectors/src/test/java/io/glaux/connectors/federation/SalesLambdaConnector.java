package io.glaux.connectors.federation;

import com.amazonaws.athena.connector.lambda.handlers.CompositeHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * The test connector as a Lambda function deploys it: a public class with a no-arg constructor, configured by its
 * environment as an SDK connector is ({@code spill_bucket}, {@code spill_prefix}, and {@code max_block_bytes} to
 * spill sooner). Its S3 and Athena clients find their endpoint and region in the environment the function runs in;
 * S3 is addressed path-style. Each request it receives is appended as a JSON line to the file named by {@code
 * received_file}, when given, for the test that deployed it to read.
 */
public class SalesLambdaConnector extends CompositeHandler {

    public SalesLambdaConnector() {
        this(System.getenv(), new ReceivedFile(System.getenv("received_file")));
    }

    private SalesLambdaConnector(Map<String, String> environment, List<Received> received) {
        super(new SalesMetadataHandler(environment, true, true, AthenaClient.create(), received),
                new SalesRecordHandler(S3Client.builder().forcePathStyle(true).build(), AthenaClient.create(),
                        environment, received));
    }

    /** A list that only appends, one JSON line per element, to a file (or nowhere). */
    private static final class ReceivedFile extends AbstractList<Received> {

        private static final ObjectMapper JSON = new ObjectMapper();
        private final Path file;

        ReceivedFile(String file) {
            this.file = file == null || file.isEmpty() ? null : Path.of(file);
        }

        @Override
        public boolean add(Received received) {
            if (file == null) {
                return true;
            }
            try {
                String line = JSON.writeValueAsString(received) + "\n";
                synchronized (ReceivedFile.class) {
                    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Received get(int index) {
            throw new UnsupportedOperationException("written to " + file);
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
