package io.glaux.sql.function;

import com.google.common.hash.Hashing;
import org.apache.calcite.avatica.util.ByteString;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import static io.glaux.sql.function.Arg.BINARY;

/**
 * Trino's non-cryptographic hashes (crc32, xxhash64, murmur3, spooky_hash_v2_32/64 by {@link SpookyHashV2}) and
 * HMACs over varbinary. The digests md5, sha1, ... are {@link BinaryFunctions}'.
 */
public final class HashFunctions {
    private HashFunctions() {
    }

    /** Declares the hash functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> h = HashFunctions.class;
        r.define(GlauxFunction.strict("crc32", false, Signature.of(h, "crc32", Returns.BIGINT, BINARY)));
        r.define(GlauxFunction.strict("xxhash64", false, Signature.of(h, "xxhash64", Returns.VARBINARY, BINARY)));
        r.define(GlauxFunction.strict("murmur3", false, Signature.of(h, "murmur3", Returns.VARBINARY, BINARY)));
        r.define(GlauxFunction.strict("spooky_hash_v2_32", false,
                Signature.of(h, "spookyHashV2x32", Returns.VARBINARY, BINARY)));
        r.define(GlauxFunction.strict("spooky_hash_v2_64", false,
                Signature.of(h, "spookyHashV2x64", Returns.VARBINARY, BINARY)));
        for (String name : new String[] {"hmac_md5", "hmac_sha1", "hmac_sha256", "hmac_sha512"}) {
            r.define(GlauxFunction.strict(name, false, Signature.withHidden(h, "hmac", Returns.VARBINARY, 1,
                    types -> List.of(macAlgorithm(name)), BINARY, BINARY)));
        }
    }

    /** The JCA name of the MAC a Trino hmac_* function computes. */
    private static String macAlgorithm(String name) {
        return "Hmac" + name.substring("hmac_".length()).toUpperCase(Locale.ROOT);
    }

    /** The CRC-32 checksum as an unsigned number. */
    public static long crc32(ByteString b) {
        CRC32 crc = new CRC32();
        crc.update(b.getBytes());
        return crc.getValue();
    }

    /** The 64-bit xxHash (seed 0) as 8 big-endian bytes. */
    public static ByteString xxhash64(ByteString b) {
        return new ByteString(ByteBuffer.allocate(Long.BYTES).putLong(XxHash64.hash(b.getBytes())).array());
    }

    /** The 128-bit MurmurHash3 (x64 variant, seed 0), as 16 bytes. */
    public static ByteString murmur3(ByteString b) {
        return new ByteString(Hashing.murmur3_128().hashBytes(b.getBytes()).asBytes());
    }

    /** The 32-bit SpookyHash V2 (seed 0) as 4 big-endian bytes. */
    public static ByteString spookyHashV2x32(ByteString b) {
        return new ByteString(ByteBuffer.allocate(Integer.BYTES).putInt((int) SpookyHashV2.hash64(b.getBytes(), 0))
                .array());
    }

    /** The 64-bit SpookyHash V2 (seed 0) as 8 big-endian bytes. */
    public static ByteString spookyHashV2x64(ByteString b) {
        return new ByteString(ByteBuffer.allocate(Long.BYTES).putLong(SpookyHashV2.hash64(b.getBytes(), 0)).array());
    }

    /** The HMAC of the message with the key, computed by the named JCA algorithm (HmacMD5, HmacSHA256, ...). */
    public static ByteString hmac(ByteString message, ByteString key, String algorithm) {
        if (key.length() == 0) {
            throw FunctionErrors.invalidArgument("Empty key");
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(), algorithm));
            return new ByteString(mac.doFinal(message.getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }
}
