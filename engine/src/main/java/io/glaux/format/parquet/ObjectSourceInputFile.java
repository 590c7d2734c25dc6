package io.glaux.format.parquet;

import io.glaux.format.ObjectSource;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over an object's ranged reads; the object's name is what errors print. */
final class ObjectSourceInputFile implements InputFile {

    private final ObjectSource source;

    ObjectSourceInputFile(ObjectSource source) {
        this.source = source;
    }

    @Override
    public long getLength() {
        return source.size();
    }

    @Override
    public SeekableInputStream newStream() {
        return new RangedSeekableInputStream(source);
    }

    @Override
    public String toString() {
        return source.name();
    }
}
