package io.glaux.connectors.lambda;

import io.glaux.storage.NoSuchBucketException;
import io.glaux.storage.NoSuchObjectException;
import io.glaux.storage.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A deployment package copied into Glaux's staging folder and checked as Lambda checks it: a zip (a jar is one) whose
 * entries stay inside the package, at most 50 MB when sent inline and 250 MB unzipped, with Lambda's CodeSha256
 * (base64 of the SHA-256 of the zip's bytes) and CodeSize (its length).
 */
final class CodePackage {

    /** Lambda's limit for a package sent inline (ZipFile). */
    static final long MAX_INLINE_BYTES = 50L * 1024 * 1024;
    /** Lambda's limit for a package unzipped (with its layers, which Glaux does not have). */
    static final long MAX_UNZIPPED_BYTES = 262_144_000L;
    /** What Lambda's message names as the largest CreateFunction or UpdateFunctionCode request. */
    static final long MAX_REQUEST_BYTES = 70_167_211L;

    static final String UNZIP_FAILED = "Could not unzip uploaded file. Please check your file, then try to upload"
            + " again.";

    private final Path file;
    private final String sha256;
    private final long size;

    private CodePackage(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    Path file() {
        return file;
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    /** Copies the package from {@code source} into {@code staging} and checks it. */
    static CodePackage stage(CodeSource source, Path staging, ObjectStore store, String operation) {
        Path file;
        try {
            Files.createDirectories(staging);
            file = Files.createTempFile(staging, "package-", ".zip");
        } catch (IOException e) {
            throw new LambdaException(LambdaException.Kind.SERVICE, "Could not stage the deployment package", e);
        }
        try {
            String sha256;
            if (source instanceof CodeSource.Inline inline) {
                if (inline.zip().length > MAX_INLINE_BYTES) {
                    throw new LambdaException(LambdaException.Kind.TOO_LARGE, "Request must be smaller than "
                            + MAX_REQUEST_BYTES + " bytes for the " + operation + " operation");
                }
                sha256 = copy(new java.io.ByteArrayInputStream(inline.zip()), file);
            } else if (source instanceof CodeSource.File local) {
                try (InputStream in = Files.newInputStream(local.path())) {
                    sha256 = copy(in, file);
                }
            } else {
                sha256 = copyStored((CodeSource.StoredObject) source, store, file);
            }
            CodePackage staged = new CodePackage(file, sha256, Files.size(file));
            staged.check();
            return staged;
        } catch (IOException e) {
            delete(file);
            throw new LambdaException(LambdaException.Kind.SERVICE, "Could not stage the deployment package", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static String copyStored(CodeSource.StoredObject object, ObjectStore store, Path file)
            throws IOException {
        if (store == null) {
            throw LambdaException.invalid("Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error"
                    + " Message: The specified bucket does not exist");
        }
        if (object.version() != null && !object.version().equals("null")) {
            throw LambdaException.invalid("Error occurred while GetObject. S3 Error Code: NoSuchVersion. S3 Error"
                    + " Message: The specified version does not exist.");
        }
        try (InputStream in = store.get(object.bucket(), object.key(), 0, -1)) {
            return copy(in, file);
        } catch (NoSuchBucketException e) {
            throw LambdaException.invalid("Error occurred while GetObject. S3 Error Code: NoSuchBucket. S3 Error"
                    + " Message: The specified bucket does not exist");
        } catch (NoSuchObjectException e) {
            throw LambdaException.invalid("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error"
                    + " Message: The specified key does not exist.");
        }
    }

    private static String copy(InputStream in, Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_UNZIPPED_BYTES) {
                    // A zip is never larger than what it unzips to (beyond a few bytes of headers).
                    throw LambdaException.invalid("Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES
                            + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** Lambda's checks: a readable zip, entries inside the package, at most 250 MB unzipped. */
    private void check() throws IOException {
        long unzipped = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!inside(entry.getName())) {
                    throw LambdaException.invalid(UNZIP_FAILED);
                }
                unzipped += Math.max(0, entry.getSize());
                if (unzipped > MAX_UNZIPPED_BYTES) {
                    throw LambdaException.invalid("Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES
                            + " bytes");
                }
            }
        } catch (ZipException e) {
            throw LambdaException.invalid(UNZIP_FAILED);
        }
    }

    /** Moves the package to {@code target} (its kept copy, {@code code/<name>/<revision>/package.zip}). */
    void moveTo(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void discard() {
        delete(file);
    }

    /**
     * Unpacks {@code zip} into {@code folder} (Lambda's task root), counting the bytes really written against the
     * 250 MB limit whatever the entries declare.
     */
    static void unpack(Path zip, Path folder) throws IOException {
        Files.createDirectories(folder);
        long written = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            byte[] buffer = new byte[65536];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!inside(entry.getName())) {
                    throw new ZipException(UNZIP_FAILED);
                }
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new ZipException(UNZIP_FAILED);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(target)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        written += n;
                        if (written > MAX_UNZIPPED_BYTES) {
                            throw new ZipException("Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES
                                    + " bytes");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        }
    }

    private static boolean inside(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
