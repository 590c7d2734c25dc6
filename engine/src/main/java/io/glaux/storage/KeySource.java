package io.glaux.storage;

import java.io.IOException;

/** Objects in S3 key order, one at a time, for {@link ListingRollup}. */
interface KeySource {

    /** The next object, or null when there are no more. */
    ObjectInfo next() throws IOException;

    /** Leaves out every later key that starts with {@code prefix} (a common prefix already rolled up). */
    void skip(String prefix);

    /** Two sources as one, in key order; a key present in both is taken from {@code first}. */
    static KeySource merge(KeySource first, KeySource second) {
        return new KeySource() {
            private ObjectInfo a;
            private ObjectInfo b;
            private boolean aRead;
            private boolean bRead;
            private String skipped;

            @Override
            public ObjectInfo next() throws IOException {
                while (true) {
                    if (!aRead) {
                        a = first.next();
                        aRead = true;
                    }
                    if (!bRead) {
                        b = second.next();
                        bRead = true;
                    }
                    ObjectInfo taken;
                    if (a == null && b == null) {
                        return null;
                    } else if (b == null || (a != null && KeyOrder.compare(a.key(), b.key()) <= 0)) {
                        if (b != null && a.key().equals(b.key())) {
                            bRead = false;
                        }
                        taken = a;
                        aRead = false;
                    } else {
                        taken = b;
                        bRead = false;
                    }
                    if (skipped == null || !taken.key().startsWith(skipped)) {
                        return taken;
                    }
                }
            }

            @Override
            public void skip(String prefix) {
                skipped = prefix;
                first.skip(prefix);
                second.skip(prefix);
            }
        };
    }
}
