package io.glaux.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** JDK homes for the tests: a release file naming the runtime version, and a bin/java script that runs the given body. */
final class FakeJdks {

    private FakeJdks() {
    }

    /** A JDK home at {@code home} whose java prints its own path and arguments. */
    static Path jdk(Path home, String runtimeVersion) throws IOException {
        return jdk(home, runtimeVersion, "echo \"$0 $*\"");
    }

    static Path jdk(Path home, String runtimeVersion, String javaScript) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion
                + "\"\nJAVA_VERSION=\"" + runtimeVersion.split("[+-]")[0] + "\"\n");
        Path java = home.resolve("bin").resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + javaScript + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
