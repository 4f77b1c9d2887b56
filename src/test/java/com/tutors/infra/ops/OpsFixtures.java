package com.tutors.infra.ops;

import static org.mockito.Mockito.withSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mockito.Mockito;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Mocked AWS clients. The SDK's consumer-builder methods are real (they build the request and call the
 * request method), so a test stubs and verifies the request methods, with the requests as AWS gets them.
 */
final class OpsFixtures {
    private OpsFixtures() {}

    static <T> T client(Class<T> type) {
        return Mockito.mock(type, withSettings().defaultAnswer(Mockito.CALLS_REAL_METHODS));
    }

    static final String CLUSTER = "tutors-prod-cluster";
    static final String TD = "arn:aws:ecs:eu-central-1:123456789012:task-definition/";

    static StackOutputs prod() {
        return new StackOutputs(
                "prod",
                CLUSTER,
                Map.of("backend", "tutors-prod-backend", "frontend", "tutors-prod-frontend"),
                Map.of(
                        "backend",
                        TD + "tutors-prod-backend:8",
                        "frontend",
                        TD + "tutors-prod-frontend:8",
                        "migrate",
                        TD + "tutors-prod-backend-migrate:8"),
                List.of("subnet-a", "subnet-b"),
                "sg-ecs",
                Optional.of("tutors-prod-postgres"),
                "def456",
                Optional.of("eu-central-1"));
    }

    /** Mocked clients and a captured console. */
    static final class World {
        final EcsClient ecs = client(EcsClient.class);
        final RdsClient rds = client(RdsClient.class);
        final CloudWatchLogsClient logs = client(CloudWatchLogsClient.class);
        final SsmClient ssm = client(SsmClient.class);
        final FakeClock clock = new FakeClock();
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        Aws aws() {
            return new Aws() {
                @Override
                public EcsClient ecs() {
                    return ecs;
                }

                @Override
                public RdsClient rds() {
                    return rds;
                }

                @Override
                public CloudWatchLogsClient logs() {
                    return logs;
                }

                @Override
                public SsmClient ssm() {
                    return ssm;
                }
            };
        }

        OpsCommand.Context context(StackOutputs outputs) {
            return new OpsCommand.Context(
                    region -> aws(),
                    clock,
                    stack -> {
                        if (!stack.equals(outputs.stack())) {
                            throw new OpsFailure("no stack " + stack);
                        }
                        return outputs;
                    },
                    out,
                    err);
        }

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
