package io.glaux.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.glaux.cli.ProcessSettings.JETTY_REFERENCES_PER_CACHE_LINE;
import static io.glaux.cli.ProcessSettings.NATIVE_REFLECTION;
import static io.glaux.cli.ProcessSettings.PICOCLI_CLOSURES_OFF;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessSettingsTest {

    private String referencesBefore;
    private String reflectionBefore;
    private String closuresBefore;

    @BeforeEach
    void remember() {
        referencesBefore = System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE);
        reflectionBefore = System.getProperty(NATIVE_REFLECTION);
        closuresBefore = System.getProperty(PICOCLI_CLOSURES_OFF);
    }

    @AfterEach
    void restore() {
        restore(JETTY_REFERENCES_PER_CACHE_LINE, referencesBefore);
        restore(NATIVE_REFLECTION, reflectionBefore);
        restore(PICOCLI_CLOSURES_OFF, closuresBefore);
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void jettysReferencesPerCacheLineAreWhatItWouldAskTheJvmFor() {
        // Jetty: a cache line of integers when references are compressed (heaps under 32 GB), of longs otherwise.
        assertThat(ProcessSettings.referencesPerCacheLine(64, 6L << 30)).isEqualTo(16);
        assertThat(ProcessSettings.referencesPerCacheLine(64, (32L << 30) - 1)).isEqualTo(16);
        assertThat(ProcessSettings.referencesPerCacheLine(64, 32L << 30)).isEqualTo(8);
        assertThat(ProcessSettings.referencesPerCacheLine(128, 6L << 30)).isEqualTo(32);
        assertThat(ProcessSettings.referencesPerCacheLine(2, 64L << 30)).isEqualTo(1);
        assertThat(ProcessSettings.cacheLineBytes(null)).isEqualTo(64);
        assertThat(ProcessSettings.cacheLineBytes(" 128")).isEqualTo(128);
        assertThat(ProcessSettings.cacheLineBytes("wide")).isEqualTo(64);
    }

    @Test
    void theCommandSetsJettysPropertySoJettyNeverStartsThePlatformMBeanServer() {
        System.clearProperty(JETTY_REFERENCES_PER_CACHE_LINE);

        ProcessSettings.apply();

        String expected = Integer.toString(ProcessSettings.referencesPerCacheLine(
                ProcessSettings.cacheLineBytes(System.getProperty(ProcessSettings.JETTY_CACHE_LINE_BYTES)),
                Runtime.getRuntime().maxMemory()));
        assertThat(System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo(expected);
    }

    @Test
    void theCommandAsksForTheJdksNativeReflection() {
        System.clearProperty(NATIVE_REFLECTION);

        ProcessSettings.apply();

        assertThat(System.getProperty(NATIVE_REFLECTION)).isEqualTo("true");
    }

    @Test
    void theCommandTellsPicocliNotToLookForGroovysClosures() {
        System.clearProperty(PICOCLI_CLOSURES_OFF);

        ProcessSettings.apply();

        assertThat(System.getProperty(PICOCLI_CLOSURES_OFF)).isEqualTo("true");
    }

    @Test
    void valuesTheUserSetAreKept() {
        System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "4");
        System.setProperty(NATIVE_REFLECTION, "false");
        System.setProperty(PICOCLI_CLOSURES_OFF, "false");

        ProcessSettings.apply();

        assertThat(System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
        assertThat(System.getProperty(NATIVE_REFLECTION)).isEqualTo("false");
        assertThat(System.getProperty(PICOCLI_CLOSURES_OFF)).isEqualTo("false");
    }
}
