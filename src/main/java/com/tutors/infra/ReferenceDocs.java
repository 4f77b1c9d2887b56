package com.tutors.infra;

import com.tutors.infra.config.ConfigDocs;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Phase;
import com.tutors.infra.network.SecurityRules;
import com.tutors.infra.plan.Diagram;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.PlanCommand;
import com.tutors.infra.plan.StackFile;
import com.tutors.infra.plan.cost.CostLine;
import com.tutors.infra.plan.cost.CostModel;
import com.tutors.infra.plan.cost.CostReport;
import com.tutors.infra.plan.cost.Profiles;
import com.tutors.infra.plan.cost.Usage;
import com.tutors.infra.plan.model.PlannedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The generated parts of docs/, from the code and the committed stack files, each between its markers:
 * {@code java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs} rewrites them in place (a test
 * fails while a committed copy differs): the configuration reference, the security-group matrix, the
 * secrets and the alarms of the committed stacks.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {}

    public static final String SG_START =
            "<!-- security-groups:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String SG_END = "<!-- security-groups:end -->";

    /** The configuration table for the committed stacks of {@code projectDir}. */
    public static String configuration(Path projectDir) {
        var stacks = new LinkedHashMap<String, Map<String, String>>();
        for (var env : Environment.values()) {
            stacks.put(env.id(), StackFile.read(projectDir, env.id()).values());
        }
        return ConfigDocs.START + "\n" + ConfigDocs.table(stacks) + ConfigDocs.END + "\n";
    }

    /** Each group's rules from {@link SecurityRules}, the CDN-locked load balancer's as a note. */
    public static String securityGroups() {
        var in = new TreeMap<String, StringBuilder>();
        var out = new TreeMap<String, StringBuilder>();
        for (var group : SecurityRules.Group.values()) {
            in.put(group.id(), new StringBuilder());
            out.put(group.id(), new StringBuilder());
        }
        for (var rule : SecurityRules.rules(true)) {
            var cell = (rule.direction() == SecurityRules.Direction.INGRESS ? in : out)
                    .get(rule.group().id());
            var peer = rule.peer() instanceof SecurityRules.GroupPeer g
                    ? "`sg-" + g.group().id() + "`"
                    : rule.peer() instanceof SecurityRules.CidrPeer c
                            ? c.block()
                            : rule.peer().part();
            cell.append(cell.length() == 0 ? "" : "; ")
                    .append(rule.port())
                    .append(rule.direction() == SecurityRules.Direction.INGRESS ? " from " : " to ")
                    .append(peer)
                    .append(" (")
                    .append(rule.description())
                    .append(")");
        }
        var table = new StringBuilder("| Group | In | Out |\n|---|---|---|\n");
        for (var group : SecurityRules.Group.values()) {
            table.append("| `sg-")
                    .append(group.id())
                    .append("` | ")
                    .append(or(in.get(group.id())))
                    .append(" | ")
                    .append(or(out.get(group.id())))
                    .append(" |\n");
        }
        return SG_START + "\n" + table
                + "\nBehind a locked CDN (`cdn` and `originLock`) `sg-alb` admits only 443 from CloudFront's "
                + "origin-facing prefix list. Every rule is TCP on one port; nothing else is open, egress included.\n"
                + SG_END + "\n";
    }

    private static String or(StringBuilder cell) {
        return cell.length() == 0 ? "none" : cell.toString();
    }

    /** The file with the text between {@code start} and {@code end} (markers included) replaced by {@code block}. */
    public static String replaced(String file, String start, String end, String block) {
        int a = file.indexOf(start);
        int b = file.indexOf(end, a);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("no markers " + start + " ... " + end);
        }
        return file.substring(0, a) + block + file.substring(b + end.length() + 1);
    }

    public static final String PHASES_START =
            "<!-- phases:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String PHASES_END = "<!-- phases:end -->";

    /** What each phase's component declares, in a line (the outputs beside it are the plans'). */
    static final Map<Phase, String> DECLARES = Map.of(
            Phase.FOUNDATION,
                    "VPC (DNS on, IPv6 /56), public + private subnet per AZ, internet gateway, NAT (per `natMode`), "
                            + "route tables, S3 gateway endpoint, security groups `sg-alb`, `sg-ecs`, `sg-rds`, `sg-redis`",
            Phase.DATA,
                    "RDS PostgreSQL 15 (private, encrypted, TLS forced, backups, storage autoscaling), ElastiCache Redis 7 "
                            + "(TLS, AUTH, encrypted), the app's Secrets Manager secrets",
            Phase.STORAGE, "S3 media (private) and static buckets, ECR `backend` and `frontend`",
            Phase.COMPUTE,
                    "ECS cluster (FARGATE + FARGATE_SPOT), backend and frontend services and task definitions, the "
                            + "`backend-migrate` task, workers and scheduled jobs (stack config), roles, log groups, autoscaling on CPU "
                            + "and requests per task, the private DNS name of the backend",
            Phase.EDGE,
                    "ALB (dual-stack, TLS 1.3/1.2, access logs), target groups, HTTPS listener with `/api` and `/admin` "
                            + "rules, HTTP→HTTPS redirect, ACM certificate (apex + wildcard, DNS-validated), Route 53 aliases, SES mail",
            Phase.OPTIMIZATION,
                    "CloudFront (ALB and both buckets as origins, the plan's cache behaviours), WAFv2 web ACL, "
                            + "CloudWatch alarms to a KMS-encrypted SNS topic, a dashboard; each part switchable");

    /**
     * The phase overview: each phase's component and what it declares, and the stack outputs it adds (an
     * output belongs to the first phase whose plan has it).
     *
     * @param outputsUpTo by last phase, the stack outputs of prod planned up to that phase
     */
    public static String phases(Map<Integer, Set<String>> outputsUpTo) {
        var table = new StringBuilder("| Phase | Component | What it declares | Outputs |\n|---|---|---|---|\n");
        var before = new TreeSet<String>();
        for (var phase : Phase.values()) {
            var added = new TreeSet<>(outputsUpTo.get(phase.number()));
            added.removeAll(before);
            before.addAll(added);
            table.append("| ")
                    .append(phase.number())
                    .append(' ')
                    .append(phase.title())
                    .append(" | `")
                    .append(phase.componentType())
                    .append("` | ")
                    .append(DECLARES.get(phase))
                    .append(" | ")
                    .append(added.stream().map(o -> "`" + o + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        return PHASES_START + "\n" + table + PHASES_END + "\n";
    }

    public static final String STACK_COSTS_START =
            "<!-- stack-costs:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String STACK_COSTS_END = "<!-- stack-costs:end -->";

    /** Each committed stack's monthly estimate and its largest items (cost lines of the same kind summed). */
    public static String stackCosts(Map<String, CostModel.Estimate> estimates) {
        var table = new StringBuilder("| Stack (as committed) | Monthly estimate | Largest items |\n|---|---:|---|\n");
        estimates.forEach((stack, e) -> {
            var byItem = new LinkedHashMap<String, Double>();
            e.lines().stream()
                    .filter(CostLine::priced)
                    .forEach(l -> byItem.merge(
                            l.item().replaceAll(" x \\d+", "").replaceAll("\\s*\\(.*\\)$", ""),
                            l.monthly(),
                            Double::sum));
            var top = byItem.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(8)
                    .map(i -> i.getKey() + " " + CostReport.money(i.getValue()))
                    .collect(Collectors.joining(", "));
            table.append("| ")
                    .append(stack)
                    .append(" | **")
                    .append(CostReport.money(e.total()))
                    .append("** | ")
                    .append(top)
                    .append(" |\n");
        });
        return STACK_COSTS_START + "\n" + table + STACK_COSTS_END + "\n";
    }

    public static final String PROFILES_START =
            "<!-- profiles:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String PROFILES_END = "<!-- profiles:end -->";
    public static final String DIAGRAM_START =
            "<!-- diagram:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String DIAGRAM_END = "<!-- diagram:end -->";

    /** The cost profiles, each planned and priced (what {@code plan --profiles} prints). */
    public static String profiles(Planner planner) {
        return PROFILES_START + "\n"
                + Profiles.markdown(p -> PlanCommand.estimate(
                                planner.plan(p.stack(), fullKeys(p.overrides())), Usage.defaults())
                        .total())
                + PROFILES_END + "\n";
    }

    /** The prod diagram, as a mermaid block (what {@code plan --stack prod --format mermaid} prints). */
    public static String diagram(OfflineRun.Result prod) {
        return DIAGRAM_START + "\n```mermaid\n" + Diagram.mermaid(prod) + "```\n" + DIAGRAM_END + "\n";
    }

    private static Map<String, String> fullKeys(Map<String, String> overrides) {
        var out = new LinkedHashMap<String, String>();
        overrides.forEach((k, v) -> out.put(k.contains(":") ? k : "tutors:" + k, v));
        return out;
    }

    /** The program's offline plan of a committed stack with some keys changed (a test passes its cached runs). */
    @FunctionalInterface
    public interface Planner {
        OfflineRun.Result plan(String stack, Map<String, String> overrides);
    }

    /**
     * Every generated part of the docs of {@code dir}, regenerated: by file, its whole new text. {@link #main}
     * writes them; a test compares them with the files, so no table drifts from the code, the stack files or
     * the plans.
     */
    public static Map<Path, String> regenerate(Path dir, Planner planner) throws java.io.IOException {
        var files = new LinkedHashMap<Path, String>();
        for (var name : List.of(
                "README.md",
                "docs/cost.md",
                "docs/operations.md",
                "docs/app-contract.md",
                "docs/configuration.md",
                "docs/security-baseline.md")) {
            files.put(dir.resolve(name), Files.readString(dir.resolve(name)));
        }
        BiConsumer<String, String[]> block = (name, startEndText) -> {
            var file = dir.resolve(name);
            files.put(file, replaced(files.get(file), startEndText[0], startEndText[1], startEndText[2]));
        };
        var upTo = new TreeMap<Integer, Set<String>>();
        for (var phase : Phase.values()) {
            upTo.put(
                    phase.number(),
                    planner.plan("prod", Map.of("tutors:lastPhase", String.valueOf(phase.number())))
                            .outputs()
                            .keySet());
        }
        var runs = new LinkedHashMap<String, OfflineRun.Result>();
        var plans = new LinkedHashMap<String, List<PlannedResource>>();
        var estimates = new LinkedHashMap<String, CostModel.Estimate>();
        for (var env : Environment.values()) {
            var run = planner.plan(env.id(), Map.of());
            runs.put(env.id(), run);
            plans.put(env.id(), run.resources());
            estimates.put(env.id(), PlanCommand.estimate(run, Usage.defaults()));
        }
        block.accept("README.md", new String[] {PHASES_START, PHASES_END, phases(upTo)});
        block.accept("README.md", new String[] {DIAGRAM_START, DIAGRAM_END, diagram(runs.get("prod"))});
        for (var name : List.of("README.md", "docs/cost.md")) {
            block.accept(name, new String[] {STACK_COSTS_START, STACK_COSTS_END, stackCosts(estimates)});
        }
        block.accept("docs/cost.md", new String[] {PROFILES_START, PROFILES_END, profiles(planner)});
        block.accept("docs/operations.md", new String[] {
            PlanTables.SECRETS_START, PlanTables.SECRETS_END, PlanTables.secrets("prod", plans.get("prod"))
        });
        block.accept(
                "docs/operations.md",
                new String[] {PlanTables.ALARMS_START, PlanTables.ALARMS_END, PlanTables.alarms(plans)});
        block.accept(
                "docs/operations.md",
                new String[] {RoutineChange.START, RoutineChange.END, RoutineChange.table(planner)});
        block.accept("docs/app-contract.md", new String[] {
            ServiceDocs.CONTAINERS_START,
            ServiceDocs.CONTAINERS_END,
            ServiceDocs.containers("prod", StackFile.read(dir, "prod").values().get("tutors:domain"), plans.get("prod"))
        });
        block.accept("docs/app-contract.md", new String[] {
            ServiceDocs.SERVICES_START, ServiceDocs.SERVICES_END, ServiceDocs.services("prod", plans.get("prod"))
        });
        block.accept("docs/configuration.md", new String[] {ConfigDocs.START, ConfigDocs.END, configuration(dir)});
        block.accept(
                "docs/security-baseline.md",
                new String[] {PlanTables.CONTROLS_START, PlanTables.CONTROLS_END, PlanTables.controls(plans)});
        block.accept("docs/security-baseline.md", new String[] {SG_START, SG_END, securityGroups()});
        return files;
    }

    /**
     * Rewrites every generated part of the docs of {@code dir} (the bootstrap's key table is {@code BootstrapDocs}'),
     * planning each configuration once.
     */
    public static void main(String[] args) throws java.io.IOException {
        var dir = Path.of(args.length > 0 ? args[0] : ".");
        var runs = new HashMap<String, OfflineRun.Result>();
        Planner planner = (stack, overrides) -> runs.computeIfAbsent(
                stack + new TreeMap<>(overrides), k -> OfflineRun.plan(Main::stack, dir, stack, overrides, Map.of()));
        for (var file : regenerate(dir, planner).entrySet()) {
            Files.writeString(file.getKey(), file.getValue());
        }
    }
}
