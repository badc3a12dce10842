package io.measured.internal.rest;

import java.util.Locale;
import java.util.Optional;

/**
 * The content codings the endpoint answers in, and the choice between them from an
 * {@code Accept-Encoding} header by its q-values (RFC 9110 section 12.5.3).
 */
enum ContentCoding {
    GZIP,
    IDENTITY;

    /** What the 406 message lists. */
    static final String SUPPORTED = "gzip, identity";

    /**
     * Returns the coding to answer in, or empty when the header refuses both (406). No header, or an
     * empty one, means identity. gzip (or its alias x-gzip) is acceptable when listed or matched by
     * {@code *} with a q-value above 0; identity is acceptable unless {@code identity;q=0}, or
     * {@code *;q=0} without identity listed. gzip wins unless identity, named by itself or by
     * {@code *}, has the higher q-value. A
     * malformed q-value counts as 0 ({@link Quality}).
     */
    static Optional<ContentCoding> choose(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return Optional.of(IDENTITY);
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = Quality.of(parts);
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "identity" -> identity = Math.max(identity, q);
                case "*" -> any = Math.max(any, q);
                default -> {
                    // another coding (br, deflate, zstd ...): not written here
                }
            }
        }
        double gzipQ = gzip >= 0 ? gzip : Math.max(any, 0);
        // Identity unnamed (neither listed nor matched by *) is acceptable but asked for by no one.
        boolean identityNamed = identity >= 0 || any >= 0;
        double identityQ = identity >= 0 ? identity : any;
        if (gzipQ > 0 && (!identityNamed || gzipQ >= identityQ)) {
            return Optional.of(GZIP);
        }
        return !identityNamed || identityQ > 0 ? Optional.of(IDENTITY) : Optional.empty();
    }
}
