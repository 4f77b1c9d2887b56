package com.tutors.infra.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Constants;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import com.tutors.infra.config.ConfigSource;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.Keys;
import com.tutors.infra.config.SettingsException;
import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.model.PlannedResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Runs the real program under the SDK's mock engine with a committed stack file: what {@code pulumi
 * up} would be asked to create, without an AWS account or the Pulumi CLI. The offline plan and the
 * tests share it.
 */
public final class OfflineRun {
    private OfflineRun() {}

    /**
     * @param resources every registered resource, ordered by phase then URN
     * @param outputs   the stack outputs, resolved; secret ones wrapped in {@link PlannedResource.Secret}
     * @param problems  why the program failed (settings problems one a line); empty on success
     * @param config    the configuration the program saw, secret values left out
     * @param placeholders secret keys that got a stand-in value because the stack file cannot hold them
     * @param invokes      how often each function (data source) was invoked
     */
    public record Result(
            String stack,
            List<PlannedResource> resources,
            Map<String, Object> outputs,
            List<String> problems,
            Map<String, String> config,
            List<String> placeholders,
            Map<String, Integer> invokes) {
        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    /**
     * Plans a committed stack.
     *
     * @param overrides key to value; a null value removes the key (as {@code pulumi config rm} would)
     * @param secrets   values for secret keys, instead of placeholders
     */
    public static Result plan(
            Consumer<Context> program,
            Path projectDir,
            String stack,
            Map<String, String> overrides,
            Map<String, String> secrets) {
        var file = StackFile.read(projectDir, stack);
        var config = new HashMap<>(file.values());
        var secretKeys = new TreeSet<>(file.secretKeys());
        var placeholders = new TreeSet<String>();
        // Secrets are set per machine with `pulumi config set --secret`; stand-ins keep the plan whole.
        var wanted = new TreeSet<>(secretKeys);
        Keys.ALL.stream()
                .filter(k -> k.secret() && !Keys.OPTIONAL_SECRETS.contains(k))
                .map(Key::fullName)
                .forEach(wanted::add);
        for (var key : wanted) {
            if (config.containsKey(key) && !secretKeys.contains(key)) {
                continue; // set in plain text in the stack file: the program refuses it, so keep it as it is
            }
            if (secrets.containsKey(key)) {
                config.put(key, secrets.get(key));
            } else {
                config.put(key, placeholder(key));
                placeholders.add(key);
            }
            secretKeys.add(key);
        }
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
                placeholders.remove(key);
            } else {
                config.put(key, value);
                placeholders.remove(key);
                if (Keys.byFullName(key).map(Key::secret).orElse(false)) {
                    secretKeys.add(key);
                }
            }
        });
        // The CDN's origin secret matters only where a distribution is declared: elsewhere no stand-in, so no
        // plan mentions a secret the stack never uses.
        var origin = Keys.ORIGIN_SECRET.fullName();
        if (placeholders.contains(origin) && !cdnDeclared(config)) {
            config.remove(origin);
            placeholders.remove(origin);
            secretKeys.remove(origin);
        }
        return execute(program, stack, config, secretKeys, placeholders);
    }

    /** Phase 6 with its CDN, as the configuration reads before the program runs (unparsable values: assume so). */
    private static boolean cdnDeclared(Map<String, String> config) {
        var cdn = config.getOrDefault(Keys.CDN.fullName(), Keys.CDN.defaultValue());
        var last = config.getOrDefault(Keys.LAST_PHASE.fullName(), Keys.LAST_PHASE.defaultValue());
        return !cdn.equals("false") && !last.matches("[1-5]");
    }

    /**
     * {@code --set ssm:/tutors/prod/image-tag=abc123} plans as if the account held that SSM parameter
     * (offline, the account holds none).
     */
    public static final String PARAMETER_PREFIX = "ssm:";

    private static final String POOL = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * On one or two cores the JDK gives CompletableFuture a new thread per async task instead of the
     * common pool, and the SDK makes thousands of them per plan: a pool of two is about three times
     * faster there. Call before anything touches CompletableFuture; an explicit setting wins.
     */
    public static void usePoolOfAtLeastTwo() {
        if (System.getProperty(POOL) == null && Runtime.getRuntime().availableProcessors() < 3) {
            System.setProperty(POOL, "2");
        }
    }

    /** A stand-in that passes validation of any secret key; never a real credential. */
    static String placeholder(String key) {
        return "offline-placeholder-" + CloudMocks.hex(key, 48);
    }

    /** Runs any program under the same engine and mocks (the plan, and the SDK's bare floor). */
    public static Result execute(
            Consumer<Context> program,
            String stack,
            Map<String, String> config,
            Set<String> secretKeys,
            Set<String> placeholders) {
        return execute(program, stack, config, secretKeys, placeholders, true);
    }

    /** @param batching false: the SDK's runner as shipped, busy wait included (for the floor's comparison) */
    public static Result execute(
            Consumer<Context> program,
            String stack,
            Map<String, String> config,
            Set<String> secretKeys,
            Set<String> placeholders,
            boolean batching) {
        return execute(Keys.PROJECT, program, stack, config, secretKeys, placeholders, batching);
    }

    /** @param project the Pulumi project (the config namespace the program reads), e.g. the bootstrap's */
    public static synchronized Result execute(
            String project,
            Consumer<Context> program,
            String stack,
            Map<String, String> config,
            Set<String> secretKeys,
            Set<String> placeholders,
            boolean batching) {
        // "ssm:<name>" keys are what the account holds, not config: the plan reads them as SSM parameters.
        var parameters = new TreeMap<String, String>();
        config = new HashMap<>(config);
        config.entrySet()
                .removeIf(e -> e.getKey().startsWith(PARAMETER_PREFIX)
                        && parameters.put(e.getKey().substring(PARAMETER_PREFIX.length()), e.getValue()) == null);
        var mocks = new CloudMocks(
                config.getOrDefault(Keys.AWS_REGION.fullName(), Keys.AWS_REGION.defaultValue()), parameters);
        var logger = PulumiTestInternal.logger(Level.OFF); // errors come back in the result, not as log noise
        var monitor = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(logger));
        PulumiTestInternal.cleanup();
        try {
            var test = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(project)
                            .stackName(stack)
                            .preview(false)
                            .build())
                    .mocks(mocks)
                    .standardLogger(logger)
                    .config(config, secretKeys)
                    .monitorDecorator(ignored -> monitor)
                    .deploymentFactory(state -> {
                        if (batching) {
                            state.runner = new BatchingRunner(state.runner);
                        }
                        return new DeploymentImpl(state);
                    })
                    .build();
            ConfigSource.offline(config, secretKeys); // what the language host would tell a real run
            var result = test.runTest(program);
            // The SDK reports a failing program's exception more than once: keep each problem once.
            var problems = new java.util.LinkedHashSet<String>();
            for (var e : result.exceptions()) {
                problems.addAll(problemsOf(e));
            }
            if (problems.isEmpty() && result.exitCode() != 0) {
                problems.addAll(
                        result.errors().isEmpty()
                                ? List.of("the program failed (exit code " + result.exitCode() + ")")
                                : result.errors());
            }
            var outputs = new TreeMap<String, Object>();
            if (problems.isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, resolve(output)));
            }
            // Only keys the program reads and that are not secret: a mistyped key may hold a secret.
            var visibleConfig = new TreeMap<String, String>(config);
            visibleConfig
                    .keySet()
                    .removeIf(k -> secretKeys.contains(k)
                            || Keys.byFullName(k)
                                    .map(Key::secret)
                                    .orElse(!k.startsWith("pulumi:")
                                            && Keys.byFullName(k).isEmpty()));
            return new Result(
                    stack,
                    resources(monitor.registrations()),
                    outputs,
                    List.copyOf(problems),
                    visibleConfig,
                    List.copyOf(new TreeSet<>(placeholders)),
                    mocks.invokes());
        } finally {
            ConfigSource.offline(null, null);
            PulumiTestInternal.cleanup();
        }
    }

    private static List<String> problemsOf(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SettingsException s) {
                return s.problems();
            }
        }
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return List.of(root.getMessage() == null ? root.toString() : root.getMessage());
    }

    private static Object resolve(Output<?> output) {
        var data = PulumiTestInternal.extractOutputData(output);
        Object value = data.getValueNullable();
        return data.isSecret() ? new PlannedResource.Secret(value) : value;
    }

    private static List<PlannedResource> resources(List<RecordingMonitor.Registration> registrations) {
        var byUrn = new HashMap<String, RecordingMonitor.Registration>();
        registrations.forEach(r -> byUrn.put(r.urn(), r));
        var planned = new ArrayList<PlannedResource>();
        for (var r : registrations) {
            var request = r.request();
            planned.add(new PlannedResource(
                    r.urn(),
                    request.getType(),
                    request.getName(),
                    request.getCustom(),
                    request.getParent(),
                    request.getProvider(),
                    request.getProtect(),
                    List.copyOf(request.getDependenciesList()),
                    List.copyOf(request.getIgnoreChangesList()),
                    List.copyOf(request.getAdditionalSecretOutputsList()),
                    decode(request.getObject()),
                    phaseOf(r, byUrn),
                    r.resource(),
                    r.identifiers()));
        }
        planned.sort(Comparator.comparingInt(PlannedResource::phase).thenComparing(PlannedResource::urn));
        return List.copyOf(planned);
    }

    private static int phaseOf(RecordingMonitor.Registration r, Map<String, RecordingMonitor.Registration> byUrn) {
        for (var at = r; at != null; at = byUrn.get(at.request().getParent())) {
            var phase = Phase.ofComponentType(at.request().getType());
            if (phase.isPresent()) {
                return phase.get().number();
            }
        }
        return 0;
    }

    static Map<String, Object> decode(Struct struct) {
        var map = new LinkedHashMap<String, Object>();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> map.put(k, decode(v)));
        return map;
    }

    private static Object decode(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case STRING_VALUE ->
                Constants.UnknownValue.equals(value.getStringValue()) ? "[unknown]" : value.getStringValue();
            case LIST_VALUE ->
                value.getListValue().getValuesList().stream()
                        .map(OfflineRun::decode)
                        .toList();
            case STRUCT_VALUE -> {
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(Constants.SpecialSigKey);
                if (sig != null && Constants.SpecialSecretSig.equals(sig.getStringValue())) {
                    yield new PlannedResource.Secret(decode(fields.get(Constants.SecretValueName)));
                }
                if (sig != null && Constants.SpecialResourceSig.equals(sig.getStringValue())) {
                    yield decode(fields.get(Constants.ResourceUrnName));
                }
                yield decode(value.getStructValue());
            }
        };
    }
}
