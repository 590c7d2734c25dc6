package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The records of one split: a ReadRecordsRequest sent on the first {@link #next()}, answered either inline
 * (ReadRecordsResponse: one block) or by the S3 objects the function spilled (RemoteReadRecordsResponse), each
 * fetched, decrypted with the split's key and decoded when its turn comes. One batch is held at a time; moving on or
 * closing releases its Arrow memory.
 */
final class FederationBatchReader implements BatchReader {

    private final FunctionClient function;
    private final ObjectNode request;
    private final String context;
    private final List<String> columns;
    private final SpilledObjects spill;
    private final ArrowMemory memory;
    private final BufferAllocator allocator;

    private Schema schema;
    private Response response;
    private final Deque<JsonNode> blocks = new ArrayDeque<>();
    private byte[] key;
    private byte[] nonce;
    private VectorSchemaRoot current;
    private boolean closed;

    FederationBatchReader(FunctionClient function, ObjectNode request, String context, List<String> columns,
                          SpilledObjects spill, ArrowMemory memory, BufferAllocator allocator) {
        this.function = function;
        this.request = request;
        this.context = context;
        this.columns = columns;
        this.spill = spill;
        this.memory = memory;
        this.allocator = allocator;
    }

    @Override
    public ColumnBatch next() {
        if (closed) {
            return null;
        }
        if (response == null) {
            fetch();
        }
        release();
        JsonNode block = blocks.poll();
        if (block == null) {
            return null;
        }
        current = load(block);
        return new ArrowColumnBatch(current, positions(current.getSchema()));
    }

    private void fetch() {
        response = function.call(request, context, Set.of("ReadRecordsResponse", "RemoteReadRecordsResponse"));
        JsonNode node = response.node();
        if (response.type().equals("ReadRecordsResponse")) {
            blocks.add(response.object(node, "records"));
            return;
        }
        schema = response.schema(node, "schema");
        response.array(node, "remoteBlocks").forEach(blocks::add);
        JsonNode encryption = node.get("encryptionKey");
        if (encryption != null && !encryption.isNull()) {
            key = response.binary(encryption, "key");
            nonce = response.binary(encryption, "nonce");
        }
    }

    /** An inline Block, or a spilled one: an S3SpillLocation of a record batch, encrypted when the split has a key. */
    private VectorSchemaRoot load(JsonNode block) {
        if (schema == null) {
            Schema blockSchema = response.schema(block, "schema");
            byte[] records = response.binary(block, "records");
            if (records.length == 0) {
                return VectorSchemaRoot.create(blockSchema, allocator);
            }
            return decode(blockSchema, records, "its records");
        }
        String bucket = response.text(block, "bucket");
        String objectKey = response.text(block, "key");
        String location = "s3://" + bucket + "/" + objectKey;
        byte[] bytes;
        try {
            bytes = spill.read(bucket, objectKey);
        } catch (IOException e) {
            throw FederationErrors.spill(function.arn(), context, location, e.getMessage(), e);
        }
        if (key != null) {
            try {
                bytes = SpillCrypto.decrypt(key, nonce, bytes);
            } catch (GeneralSecurityException e) {
                throw FederationErrors.spill(function.arn(), context, location, "it does not decrypt with the"
                        + " split's key (" + e.getMessage() + ")", e);
            }
        }
        try {
            return ArrowIpc.readBatch(schema, bytes, allocator);
        } catch (IOException | RuntimeException e) {
            throw FederationErrors.spill(function.arn(), context, location, "it is not an Arrow record batch ("
                    + e.getMessage() + ")", e);
        }
    }

    private VectorSchemaRoot decode(Schema blockSchema, byte[] records, String what) {
        try {
            return ArrowIpc.readBatch(blockSchema, records, allocator);
        } catch (IOException | RuntimeException e) {
            throw response.malformed(what + " are not an Arrow record batch: " + e.getMessage());
        }
    }

    /** Where each requested column is in the block (by name, without regard to case). */
    private List<Integer> positions(Schema blockSchema) {
        List<Integer> positions = new ArrayList<>();
        List<Field> fields = blockSchema.getFields();
        for (String column : columns) {
            int found = -1;
            for (int i = 0; i < fields.size() && found < 0; i++) {
                if (fields.get(i).getName().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
                    found = i;
                }
            }
            if (found < 0) {
                release();
                throw response.malformed("its records have no column " + column);
            }
            positions.add(found);
        }
        return positions;
    }

    private void release() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            blocks.clear();
            release();
            memory.release(allocator);
        }
    }
}
