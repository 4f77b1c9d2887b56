package com.tutors.infra.compute;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which image tag a run deploys. The deployed image is the source of truth: the deploy records the tag
 * it verified in an SSM parameter, and every later run that names no tag (a PR preview, the nightly
 * drift check, a by-hand {@code pulumi up}) plans that one instead of rolling the services back to a
 * tag in a stack file.
 */
public final class ImageTags {
    private ImageTags() {}

    /** Before the first verified deploy there is no record: the tag CI pushes beside each commit's. */
    public static final String BEFORE_FIRST_DEPLOY = "latest";

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /** A Docker image tag: letters, digits, '_', '.' and '-', up to 128, not starting with '.' or '-'. */
    public static boolean valid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /**
     * The services' tag: the one this run names, else the recorded one, else {@link #BEFORE_FIRST_DEPLOY}.
     * {@code names} and {@code values} are the parameters under the stack's path, as SSM lists them.
     *
     * @throws IllegalStateException when the record holds something that is not a tag (nothing is deployed from it)
     */
    public static String services(
            Optional<String> configured, String parameter, List<String> names, List<String> values) {
        if (configured.isPresent()) {
            return configured.get();
        }
        int at = names == null ? -1 : names.indexOf(parameter);
        if (at < 0 || values == null || at >= values.size()) {
            return BEFORE_FIRST_DEPLOY;
        }
        var recorded = values.get(at).strip();
        if (!valid(recorded)) {
            throw new IllegalStateException(
                    "the SSM parameter " + parameter + " holds '" + recorded
                            + "', not an image tag: put the deployed commit's tag there, or pass --config tutors:imageTag=<tag>");
        }
        return recorded;
    }
}
