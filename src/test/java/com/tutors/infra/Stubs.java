package com.tutors.infra;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.tutors.infra.compute.ComputeOutputs;
import com.tutors.infra.data.DataOutputs;
import com.tutors.infra.data.DataOutputs.AppSecret;
import com.tutors.infra.edge.EdgeOutputs;
import com.tutors.infra.network.NetworkOutputs;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.storage.StorageOutputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Earlier phases' outputs made with {@code Output.of}, so each phase component can be built alone
 * from its args (the seed: every phase is tested on its own). The ids are recognisable stand-ins.
 */
public final class Stubs {
    private Stubs() {}

    public static final String REGION = "eu-west-1";

    public static NetworkOutputs network() {
        var groups = new NetworkOutputs.SecurityGroupIds(
                Output.of("sg-stub-alb"),
                Output.of("sg-stub-ecs"),
                Output.of("sg-stub-rds"),
                Output.of("sg-stub-redis"));
        return new NetworkOutputs(
                Output.of("vpc-stub"),
                Output.of(List.of("subnet-pub-a", "subnet-pub-b")),
                Output.of(List.of("subnet-priv-a", "subnet-priv-b")),
                groups,
                Output.of(Map.of(
                        "alb", "sg-stub-alb", "ecs", "sg-stub-ecs", "rds", "sg-stub-rds", "redis", "sg-stub-redis")),
                Output.of(List.of("203.0.113.10", "203.0.113.11")),
                true);
    }

    public static DataOutputs data() {
        var arns = new LinkedHashMap<AppSecret, Output<String>>();
        var versions = new LinkedHashMap<AppSecret, Output<String>>();
        for (var secret : AppSecret.values()) {
            arns.put(secret, Output.of(secretArn(secret)));
            versions.put(secret, Output.of(secretVersion(secret)));
        }
        return new DataOutputs(
                Output.of("db.stub"),
                Output.of(5432),
                Output.of("redis.stub"),
                Output.of(6379),
                arns,
                Output.of(Map.of()),
                versions,
                Output.of("db-stub"),
                Output.of("redis-stub"),
                Output.of(List.of("redis-stub-a01", "redis-stub-b02")),
                2);
    }

    public static String secretArn(AppSecret secret) {
        return "arn:aws:secretsmanager:" + REGION + ":111122223333:secret:stub-" + secret.part();
    }

    public static String secretVersion(AppSecret secret) {
        return "version-of-" + secret.part();
    }

    public static StorageOutputs storage() {
        return new StorageOutputs(
                Output.of("media-stub"),
                Output.of("static-stub"),
                Output.of("arn:aws:s3:::media-stub"),
                Output.of("arn:aws:s3:::static-stub"),
                Output.of("media-stub.s3.eu-west-1.amazonaws.com"),
                Output.of("static-stub.s3.eu-west-1.amazonaws.com"),
                Output.of("111122223333.dkr.ecr.eu-west-1.amazonaws.com/be"),
                Output.of("111122223333.dkr.ecr.eu-west-1.amazonaws.com/fe"),
                Output.of("s3-logs-stub"));
    }

    public static ComputeOutputs compute() {
        return new ComputeOutputs(
                Output.of("cluster-stub"),
                List.of(
                        new ComputeOutputs.Service("backend", Output.of("backend-stub"), true),
                        new ComputeOutputs.Service("frontend", Output.of("frontend-stub"), true)),
                Output.of("aws ecs run-task ..."),
                Output.of("migrate-stub"),
                false,
                Output.of("abc123"),
                Output.of(Map.of("backend", "td-backend:1", "frontend", "td-frontend:1", "migrate", "td-migrate:1")),
                List.of());
    }

    public static EdgeOutputs edge(String domain) {
        return new EdgeOutputs(
                Output.of("alb-stub.eu-west-1.elb.amazonaws.com"),
                Output.of("ZALBSTUB"),
                Output.of("arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/alb-stub/1"),
                Output.of("app/alb-stub/1"),
                Output.of("arn:aws:acm:eu-west-1:111122223333:certificate/stub"),
                Output.of(domain),
                Output.of(domain),
                Output.of("https://" + domain),
                Optional.of(new EdgeOutputs.Zone(domain, Output.of("ZSTUB"), Output.of("_stub." + domain))),
                new EdgeOutputs.TargetGroups(
                        Map.of(
                                "backend",
                                new EdgeOutputs.Group(
                                        Output.of("arn:tg/backend-stub"), Output.of("targetgroup/backend-stub/1")),
                                "frontend",
                                new EdgeOutputs.Group(
                                        Output.of("arn:tg/frontend-stub"), Output.of("targetgroup/frontend-stub/1"))),
                        List.of()),
                Optional.of(new EdgeOutputs.Mail(
                        domain,
                        "no-reply@" + domain,
                        Output.of("arn:aws:ses:eu-west-1:111122223333:identity/" + domain),
                        "mail-stub",
                        Output.of("arn:aws:ses:eu-west-1:111122223333:configuration-set/mail-stub"))));
    }

    /** Runs one component under the mock engine with a plain provider; {@code build} gets the options. */
    public static OfflineRun.Result alone(Function<ComponentResourceOptions, ?> build) {
        return OfflineRun.execute(
                (Context ctx) -> {
                    var aws = new Provider(
                            "test", ProviderArgs.builder().region(REGION).build());
                    build.apply(
                            ComponentResourceOptions.builder().providers(aws).build());
                },
                "unit",
                Map.of("aws:region", REGION),
                Set.of(),
                Set.of());
    }
}
