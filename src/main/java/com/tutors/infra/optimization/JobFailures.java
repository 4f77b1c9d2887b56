package com.tutors.infra.optimization;

import com.google.gson.Gson;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduled job that fails reaches the alarm topic: an EventBridge rule on ECS's task state changes
 * matches a job's task that stopped with a non-zero exit code, or that never started, and sends one
 * line to the topic. (Scheduler's own retries only cover a task that could not be started.)
 */
final class JobFailures {
    private JobFailures() {}

    static final String PART = "job-failures";

    static String ruleArn(Naming names, String region, String accountId) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + names.name(PART);
    }

    /** ECS's event for a stopped task of one of these families that failed. */
    static String pattern(List<String> families) {
        var failed = List.of(
                Map.of("containers", Map.of("exitCode", List.of(Map.of("anything-but", 0)))),
                Map.of("stopCode", List.of("TaskFailedToStart")));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("lastStatus", List.of("STOPPED"));
        detail.put("group", families.stream().map(f -> "family:" + f).toList());
        detail.put("$or", failed);
        var pattern = new LinkedHashMap<String, Object>();
        pattern.put("source", List.of("aws.ecs"));
        pattern.put("detail-type", List.of("ECS Task State Change"));
        pattern.put("detail", detail);
        return new Gson().toJson(pattern);
    }

    /** @param policy lets the rule publish (SNS checks at delivery; declared first so none is lost) */
    static void declare(
            Naming names,
            List<String> families,
            Output<String> topic,
            TopicPolicy policy,
            CustomResourceOptions child) {
        var rule = new EventRule(
                names.name(PART),
                EventRuleArgs.builder()
                        .name(names.name(PART))
                        .description("A scheduled job of " + names.name("cluster")
                                + " stopped with an error, or never started")
                        .eventPattern(pattern(families))
                        .build(),
                child);
        var paths = new java.util.TreeMap<String, String>(
                Map.of("job", "$.detail.group", "reason", "$.detail.stoppedReason", "task", "$.detail.taskArn"));
        new EventTarget(
                names.name(PART),
                EventTargetArgs.builder()
                        .rule(rule.name())
                        .arn(topic)
                        .inputTransformer(EventTargetInputTransformerArgs.builder()
                                .inputPaths(paths)
                                .inputTemplate("\"Scheduled job <job> failed: <reason> (task <task>)\"")
                                .build())
                        .build(),
                CustomResourceOptions.merge(
                        child, CustomResourceOptions.builder().dependsOn(policy).build()));
    }
}
