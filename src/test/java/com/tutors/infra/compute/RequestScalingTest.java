package com.tutors.infra.compute;

import static com.tutors.infra.StackRuns.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.TargetGroup;
import com.tutors.infra.StackRuns;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web services scale on requests per task as well as CPU (I/O-bound load leaves CPU low). */
class RequestScalingTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void eachWebServiceTracksItsTargetGroupsRequests(String stack) {
        var run = StackRuns.succeeded(StackRuns.committed(stack));
        var alb = StackRuns.value(((LoadBalancer) named(run, LoadBalancer.class, "tutors-" + stack + "-alb")
                        .resource())
                .arnSuffix());
        for (var part : List.of("backend", "frontend")) {
            var tg = StackRuns.value(((TargetGroup) named(run, TargetGroup.class, "tutors-" + stack + "-" + part)
                            .resource())
                    .arnSuffix());
            var requests = named(run, Policy.class, "tutors-" + stack + "-" + part + "-requests");
            assertEquals("TargetTrackingScaling", requests.input("policyType"));
            assertEquals(600.0, requests.input("targetTrackingScalingPolicyConfiguration.targetValue"));
            assertEquals(
                    "ALBRequestCountPerTarget",
                    requests.input(
                            "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType"));
            assertEquals(
                    alb + "/" + tg,
                    requests.input(
                            "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.resourceLabel"),
                    "app/<alb>/<id>/targetgroup/<tg>/<id>: the service's own target group");
            var cpu = named(run, Policy.class, "tutors-" + stack + "-" + part + "-cpu");
            assertEquals(cpu.input("resourceId"), requests.input("resourceId"), "the same scalable target");
        }
    }
}
