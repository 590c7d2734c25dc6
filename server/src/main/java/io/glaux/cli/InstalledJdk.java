package io.glaux.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Java installation found on this machine: its home folder and the runtime version its {@code release} file names
 * ({@code JAVA_RUNTIME_VERSION}, e.g. {@code 25.0.3+9-LTS}). Reading that file tells a JDK's version without starting
 * it; an ahead-of-time cache is only usable by the very runtime that made it, so the version is what the launcher
 * matches on.
 */
record InstalledJdk(Path home, String runtimeVersion) {

    /** The installation whose home is {@code home}, if it has a {@code bin/java} and a release file naming its version. */
    static Optional<InstalledJdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(launcherIn(home))) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
                    String value = line.substring("JAVA_RUNTIME_VERSION=".length()).replace("\"", "").trim();
                    return value.isEmpty() ? Optional.empty() : Optional.of(new InstalledJdk(home, value));
                }
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The installation a {@code java} launcher belongs to (symbolic links followed, as {@code /usr/bin/java}'s). */
    static Optional<InstalledJdk> ofLauncher(Path java) {
        try {
            Path real = java.toRealPath();
            Path bin = real.getParent();
            return bin == null || bin.getParent() == null ? Optional.empty() : at(bin.getParent());
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    /** The feature release: 25 for {@code 25.0.3+9-LTS}, 17 for {@code 17.0.15+6-Debian-1deb12u1}, 8 for {@code 1.8.0_402-b06}. */
    int feature() {
        String[] parts = runtimeVersion.split("[.+_-]");
        int first = leadingNumber(parts[0]);
        return first == 1 && parts.length > 1 ? leadingNumber(parts[1]) : first;
    }

    /** This installation's {@code bin/java}. */
    Path java() {
        return launcherIn(home);
    }

    private static Path launcherIn(Path home) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    private static int leadingNumber(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(text.substring(0, end));
    }
}
