package io.glaux.connectors.federation;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.MetadataVersion;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;

/**
 * Arrow schemas and record batches as the protocol carries them: single IPC messages. Serde version 2 writes the
 * legacy IPC framing (no continuation marker, metadata V4); later versions the current one. Both are read.
 */
final class ArrowIpc {

    private static final IpcOption LEGACY = new IpcOption(true, MetadataVersion.V4);

    private ArrowIpc() {
    }

    private static IpcOption option(int serdeVersion) {
        return serdeVersion <= 2 ? LEGACY : IpcOption.DEFAULT;
    }

    static byte[] schema(Schema schema, int serdeVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema, option(serdeVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The root's rows as one record batch message. */
    static byte[] batch(VectorSchemaRoot root, int serdeVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
            MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), batch, option(serdeVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Schema readSchema(byte[] bytes) throws IOException {
        return MessageSerializer.deserializeSchema(channel(bytes));
    }

    /** Loads one record batch message into a new root of {@code schema}; the caller closes the root. */
    static VectorSchemaRoot readBatch(Schema schema, byte[] bytes, BufferAllocator allocator) throws IOException {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(channel(bytes), allocator)) {
            if (batch == null) {
                throw new IOException("no record batch message");
            }
            new VectorLoader(root).load(batch);
            return root;
        } catch (IOException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static ReadChannel channel(byte[] bytes) {
        return new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }
}
