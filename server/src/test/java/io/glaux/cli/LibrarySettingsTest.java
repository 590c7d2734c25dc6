package io.glaux.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.glaux.cli.LibrarySettings.JETTY_REFERENCES_PER_CACHE_LINE;
import static org.assertj.core.api.Assertions.assertThat;

class LibrarySettingsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JETTY_REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void jettysReferencesPerCacheLineAreWhatItWouldAskTheJvmFor() {
        // Jetty: a cache line of integers when references are compressed (heaps under 32 GB), of longs otherwise.
        assertThat(LibrarySettings.referencesPerCacheLine(64, 6L << 30)).isEqualTo(16);
        assertThat(LibrarySettings.referencesPerCacheLine(64, (32L << 30) - 1)).isEqualTo(16);
        assertThat(LibrarySettings.referencesPerCacheLine(64, 32L << 30)).isEqualTo(8);
        assertThat(LibrarySettings.referencesPerCacheLine(128, 6L << 30)).isEqualTo(32);
        assertThat(LibrarySettings.referencesPerCacheLine(2, 64L << 30)).isEqualTo(1);
        assertThat(LibrarySettings.cacheLineBytes(null)).isEqualTo(64);
        assertThat(LibrarySettings.cacheLineBytes(" 128")).isEqualTo(128);
        assertThat(LibrarySettings.cacheLineBytes("wide")).isEqualTo(64);
    }

    @Test
    void theCommandSetsJettysPropertySoJettyNeverStartsThePlatformMBeanServer() {
        System.clearProperty(JETTY_REFERENCES_PER_CACHE_LINE);

        LibrarySettings.apply();

        String expected = Integer.toString(LibrarySettings.referencesPerCacheLine(
                LibrarySettings.cacheLineBytes(System.getProperty(LibrarySettings.JETTY_CACHE_LINE_BYTES)),
                Runtime.getRuntime().maxMemory()));
        assertThat(System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo(expected);
    }

    @Test
    void aValueTheUserSetIsKept() {
        System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "4");

        LibrarySettings.apply();

        assertThat(System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
    }
}
