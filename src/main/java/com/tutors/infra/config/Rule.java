package com.tutors.infra.config;

import static com.tutors.infra.config.KeyReader.require;

/**
 * What a key accepts, beside the key: the one parser its reads use, and the "allowed" text the
 * configuration reference and every error message show, so neither can drift from the other.
 */
public sealed interface Rule permits Rule.Flag, Rule.Range {

    /** The value, parsed; {@link KeyReader.Invalid} saying what is allowed otherwise. */
    Object parse(String raw);

    /** What is allowed, as docs/configuration.md shows it. */
    String allowed();

    /** true or false. */
    record Flag() implements Rule {
        @Override
        public Boolean parse(String raw) {
            return KeyReader.bool(raw);
        }

        @Override
        public String allowed() {
            return "true, false";
        }
    }

    /** A whole number from min to max, both included. */
    record Range(int min, int max) implements Rule {
        public Range {
            require(min <= max, "an empty range: " + min + " to " + max);
        }

        @Override
        public Integer parse(String raw) {
            return KeyReader.range(min, max).apply(raw);
        }

        @Override
        public String allowed() {
            return String.format(java.util.Locale.ROOT, "%,d to %,d", min, max);
        }
    }
}
