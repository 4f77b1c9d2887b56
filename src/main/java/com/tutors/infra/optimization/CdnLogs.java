package com.tutors.infra.optimization;

import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryArgs;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliveryDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogDeliverySourceArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.inputs.LogDeliveryDestinationDeliveryDestinationConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * CloudFront's access logs with standard logging v2 (CloudWatch vended logs): delivered to a log group
 * in us-east-1, where the distribution's delivery source must live. Legacy logging would need a bucket
 * with ACLs enabled (Security Hub S3.12); this needs none.
 */
final class CdnLogs {
    private CdnLogs() {}

    /** CloudFront standard logging v2's log type. */
    static final String LOG_TYPE = "ACCESS_LOGS";

    static void declare(OptimizationArgs args, Distribution distribution, CustomResourceOptions global) {
        var names = args.names();
        var group = new LogGroup(
                names.name("cdn-logs"),
                LogGroupArgs.builder()
                        .name("/cloudfront/" + names.name("cdn"))
                        .retentionInDays(args.logRetentionDays())
                        .build(),
                global);
        var source = new LogDeliverySource(
                names.name("cdn-logs"),
                LogDeliverySourceArgs.builder()
                        .name(names.name("cdn-logs"))
                        .logType(LOG_TYPE)
                        .resourceArn(distribution.arn())
                        .build(),
                global);
        var destination = new LogDeliveryDestination(
                names.name("cdn-logs"),
                LogDeliveryDestinationArgs.builder()
                        .name(names.name("cdn-logs"))
                        .deliveryDestinationConfiguration(
                                LogDeliveryDestinationDeliveryDestinationConfigurationArgs.builder()
                                        .destinationResourceArn(group.arn())
                                        .build())
                        .build(),
                global);
        new LogDelivery(
                names.name("cdn-logs"),
                LogDeliveryArgs.builder()
                        .deliverySourceName(source.name())
                        .deliveryDestinationArn(destination.arn())
                        .build(),
                global);
    }
}
