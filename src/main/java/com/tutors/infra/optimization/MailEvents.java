package com.tutors.infra.optimization;

import com.pulumi.aws.sesv2.ConfigurationSetEventDestination;
import com.pulumi.aws.sesv2.ConfigurationSetEventDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationArgs;
import com.pulumi.aws.sesv2.inputs.ConfigurationSetEventDestinationEventDestinationSnsDestinationArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.edge.EdgeOutputs;
import java.util.List;

/**
 * The mail configuration set's bounce, complaint and rejection events, to the alarm topic: the team
 * hears of each one (SES already suppresses the address), and the rate alarms watch the trend.
 */
final class MailEvents {
    private MailEvents() {}

    /** What reaches people: what hurts deliverability or never left. Deliveries and opens would drown it. */
    static final List<String> EVENTS = List.of("BOUNCE", "COMPLAINT", "REJECT", "RENDERING_FAILURE");

    /** @param policy the topic's policy, which lets SES publish: SES checks when the destination is set */
    static void declare(
            OptimizationArgs args,
            EdgeOutputs.Mail mail,
            Output<String> topic,
            TopicPolicy policy,
            CustomResourceOptions child) {
        var names = args.names();
        new ConfigurationSetEventDestination(
                names.name("mail-events"),
                ConfigurationSetEventDestinationArgs.builder()
                        .configurationSetName(mail.configurationSetName())
                        .eventDestinationName(names.name("mail-events"))
                        .eventDestination(ConfigurationSetEventDestinationEventDestinationArgs.builder()
                                .enabled(true)
                                .matchingEventTypes(EVENTS)
                                .snsDestination(
                                        ConfigurationSetEventDestinationEventDestinationSnsDestinationArgs.builder()
                                                .topicArn(topic)
                                                .build())
                                .build())
                        .build(),
                CustomResourceOptions.merge(
                        child, CustomResourceOptions.builder().dependsOn(policy).build()));
    }
}
