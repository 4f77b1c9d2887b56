package com.tutors.infra.ops;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The AWS clients the operations use, each made on first use. Credentials and region come from the
 * SDK's default chains (CI: the OIDC role's environment; a person: their profile), unless
 * {@code --region} names one.
 */
public interface Aws {
    EcsClient ecs();

    RdsClient rds();

    CloudWatchLogsClient logs();

    SsmClient ssm();

    static Aws real(Optional<String> region) {
        var ecs = once(() -> build(EcsClient.builder(), region));
        var rds = once(() -> build(RdsClient.builder(), region));
        var logs = once(() -> build(CloudWatchLogsClient.builder(), region));
        var ssm = once(() -> build(SsmClient.builder(), region));
        return new Aws() {
            @Override
            public EcsClient ecs() {
                return ecs.get();
            }

            @Override
            public RdsClient rds() {
                return rds.get();
            }

            @Override
            public CloudWatchLogsClient logs() {
                return logs.get();
            }

            @Override
            public SsmClient ssm() {
                return ssm.get();
            }
        };
    }

    /** The JDK's HTTP client: one synchronous client is all a command needs (no Apache or Netty jars). */
    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C build(
            B builder, Optional<String> region) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        region.map(Region::of).ifPresent(builder::region);
        return builder.build();
    }

    private static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }
}
