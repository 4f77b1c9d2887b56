package com.tutors.infra.edge;

import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.aws.lb.ListenerRule;
import com.tutors.infra.StackRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /static/* and /media/* belong to the buckets on every stack: Next.js never answers them, with or without a CDN. */
class ReservedPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    @SuppressWarnings("unchecked")
    void theBucketsPathsNeverReachTheFrontend(String stack) {
        var run = StackRuns.succeeded(StackRuns.committed(stack));
        var statics = named(run, ListenerRule.class, "tutors-" + stack + "-static-redirect");
        var action = ((List<Map<String, Object>>) statics.input("actions")).get(0);
        assertEquals("redirect", action.get("type"));
        var redirect = (Map<String, Object>) action.get("redirect");
        assertEquals(StackRuns.bucket(stack, "static") + ".s3.eu-central-1.amazonaws.com", redirect.get("host"));
        assertEquals("/#{path}", redirect.get("path"), "the key keeps its static/ prefix");
        assertEquals(1.0, statics.input("priority"), "before every forwarding rule");
        var media = named(run, ListenerRule.class, "tutors-" + stack + "-media-not-here");
        assertEquals(
                "fixed-response",
                ((List<Map<String, Object>>) media.input("actions")).get(0).get("type"));
        for (var rule : ofType(run, ListenerRule.class)) {
            if (String.valueOf(rule.input("actions")).contains("type=forward")) {
                assertTrue(((Number) rule.input("priority")).intValue() > EdgePolicies.MEDIA_PRIORITY, rule.name());
            }
        }
    }
}
