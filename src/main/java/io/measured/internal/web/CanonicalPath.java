package io.measured.internal.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical form of a raw (still percent-encoded) request path, by the Servlet 6 URI path
 * canonicalisation (section 3.5.2): path parameters ({@code ;...}) removed from every segment, each
 * segment percent-decoded once as UTF-8, empty segments other than the last removed, {@code .}
 * and {@code ..} segments resolved. Empty for every path the specification calls suspicious (a
 * fragment, no leading {@code /}, a leading {@code ..}, an encoded {@code /}, a dot segment that was
 * encoded or had parameters, an empty segment with parameters, a backslash, a control character,
 * a bad escape or bad UTF-8), and also, since containers may be configured to resolve them either
 * way, for a {@code ..} anywhere after an empty segment and for any raw character outside printable ASCII.
 * Callers treat empty as "cannot tell what this path is". Stateless.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /** The canonical path of {@code raw} (a query after {@code ?} is ignored), or empty when it is suspicious. */
    static Optional<String> of(String raw) {
        if (raw == null || raw.indexOf('#') >= 0) {
            return Optional.empty();
        }
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String[] rawSegments = path.substring(1).split("/", -1);
        List<String> segments = new ArrayList<>(rawSegments.length);
        boolean emptyRemoved = false;
        for (int i = 0; i < rawSegments.length; i++) {
            boolean last = i == rawSegments.length - 1;
            String segment = decodedSegment(rawSegments[i], last);
            // A container that keeps empty segments lets a later ".." remove one of them instead.
            if (segment == null || segment.equals("..") && emptyRemoved) {
                return Optional.empty();
            }
            if (segment.isEmpty() && !last) {
                emptyRemoved = true;
                continue;
            }
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty(); // above the root
                }
                segments.remove(segments.size() - 1);
                continue;
            }
            segments.add(segment);
        }
        return Optional.of("/" + String.join("/", segments));
    }

    /**
     * One segment without its parameters, decoded; null when suspicious. Checked here, where it is
     * still known whether a dot segment was encoded or had parameters.
     */
    private static String decodedSegment(String raw, boolean last) {
        int semicolon = raw.indexOf(';');
        String plain = semicolon < 0 ? raw : raw.substring(0, semicolon);
        boolean parameters = semicolon >= 0;
        // The parameters are checked too: an encoded '/' or a control character is suspicious anywhere.
        String whole = decode(raw);
        if (!harmless(whole)) {
            return null;
        }
        // ';' is ASCII, so it never splits a UTF-8 sequence: the part before it decodes as well.
        String decoded = parameters ? decode(plain) : whole;
        boolean dots = decoded.equals(".") || decoded.equals("..");
        if (dots && (parameters || plain.indexOf('%') >= 0) || decoded.isEmpty() && parameters && !last) {
            return null;
        }
        return decoded;
    }

    private static boolean harmless(String decoded) {
        return decoded != null && decoded.indexOf('/') < 0 && decoded.indexOf('\\') < 0
                && decoded.chars().noneMatch(Character::isISOControl);
    }

    /** Percent-decodes once as UTF-8; null for a raw character outside printable ASCII, a bad escape or bad UTF-8. */
    static String decode(String text) {
        if (text.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return null;
        }
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
