package com.tutors.infra.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.ec2.Vpc;
import com.tutors.infra.StackRuns;
import com.tutors.infra.core.Phase;
import com.tutors.infra.plan.cost.CostReport;
import com.tutors.infra.plan.cost.Usage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private record Run(int exit, String out, String err) {}

    /** The command is deterministic: identical invocations share one run. */
    private static final Map<List<String>, Run> RUNS = new ConcurrentHashMap<>();

    static {
        StackRuns.onReset(RUNS::clear);
    }

    private static Run plan(String... args) {
        return StackRuns.caching() ? RUNS.computeIfAbsent(List.of(args), k -> execute(args)) : execute(args);
    }

    private static Run execute(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(
                args,
                CachedPlans.INSTANCE,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonListsEveryResourceWithItsInputsAsTheProviderGetsThem() {
        var run = plan("--stack", "prod", "--format", "json", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        var doc = new Gson().fromJson(run.out(), Map.class);
        assertEquals("prod", doc.get("stack"));
        assertEquals("tutors", doc.get("project"));
        assertEquals("instance-per-az", ((Map<String, Object>) doc.get("config")).get("tutors:natMode"));
        var resources = (List<Map<String, Object>>) doc.get("resources");
        assertEquals(StackRuns.committed("prod").resources().size(), resources.size());
        for (var r : resources) {
            var keys = new HashSet<>(r.keySet());
            keys.remove("protect"); // only where it is set
            keys.remove("dependencies");
            keys.remove("ignoreChanges");
            keys.remove("identifiers"); // what a dependent takes of it, where the mock gave it an id
            assertEquals(Set.of("urn", "type", "name", "parent", "provider", "phase", "inputs"), keys, r.toString());
        }
        assertTrue(resources.stream()
                .filter(r -> r.containsKey("protect"))
                .allMatch(r -> r.get("protect").equals(true)));
        var service = resources.stream()
                .filter(r -> r.get("name").equals("tutors-prod-backend")
                        && r.get("type").equals(StackRuns.typeOf(com.pulumi.aws.ecs.Service.class)))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("desiredCount"), service.get("ignoreChanges"), "what the diff leaves to autoscaling");
        assertTrue(
                ((List<?>) service.get("dependencies"))
                        .stream().anyMatch(d -> String.valueOf(d).endsWith("TaskDefinition::tutors-prod-backend")),
                "what a replacement reaches");
        var vpc = resources.stream()
                .filter(r -> r.get("type").equals(StackRuns.typeOf(Vpc.class)))
                .findFirst()
                .orElseThrow();
        assertEquals(1.0, vpc.get("phase"));
        assertEquals("10.0.0.0/16", ((Map<String, Object>) vpc.get("inputs")).get("cidrBlock"));
        assertTrue(run.out().contains("\"fromPort\": 443,"), "whole numbers print as integers");
        assertTrue(((Map<String, Object>) doc.get("outputs")).containsKey("securityGroupIds"));
    }

    @Test
    void textGroupsResourcesByPhase() {
        var run = plan("--stack", "staging", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Phase 1 Foundation"), run.out());
        assertTrue(run.out().contains("    tutors-staging-nat  aws:ec2/instance:Instance"), run.out());
    }

    @Test
    void setOverridesTheCommittedStack() {
        var run = plan(
                "--stack",
                "prod",
                "--format",
                "json",
                "--set",
                "natMode=gateway-single",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"tutors:natMode\": \"gateway-single\""));
    }

    @Test
    void badConfigurationExitsOneNamingTheKey() {
        var run = plan("--stack", "prod", "--set", "tutors:natMode=none", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("tutors:natMode = 'none': unknown NAT mode"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void costFormatPricesEveryPhase() {
        var run = plan("--stack", "prod", "--format", "cost", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Estimated monthly cost of stack prod: $"), run.out());
        for (int phase = 1; phase <= 6; phase++) {
            assertTrue(run.out().contains("\nPhase " + phase + " "), "phase " + phase);
        }
        var more = plan(
                "--stack",
                "prod",
                "--format",
                "cost",
                "--usage",
                "cdnDataGb=1050",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        assertTrue(more.out().contains("cdnDataGb=1,050"), more.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonCarriesTheCost() {
        var run = plan("--stack", "staging", "--format", "json", "--dir", StackRuns.PROJECT_DIR.toString());
        var cost =
                (Map<String, Object>) new Gson().fromJson(run.out(), Map.class).get("cost");
        assertEquals("USD", cost.get("currency"));
        assertEquals(72.64, cost.get("total"));
        assertTrue(((List<?>) cost.get("lines")).size() > 20);
    }

    @Test
    void compareIsMarkdownWithADifferencePerPhase() {
        var run = plan("--compare", "staging", "prod", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("### Infrastructure: `staging` vs `prod`"), run.out());
        assertTrue(run.out().contains("| 2 Data |"));
        assertTrue(run.out().contains("| **Total** |"));
        assertTrue(run.out().contains("**$72.64** | **$209.19** | **+$136.54**"), run.out());
    }

    @Test
    void mermaidDrawsTheDeclaredArchitecture() {
        var run = plan("--stack", "prod", "--format", "mermaid", "--dir", StackRuns.PROJECT_DIR.toString());
        assertTrue(run.out().startsWith("flowchart LR\n"));
        assertTrue(run.out().contains("cdn --> alb") && run.out().contains("waf -. guards .- cdn"), run.out());
        var staging = plan("--stack", "staging", "--format", "mermaid", "--dir", StackRuns.PROJECT_DIR.toString());
        assertTrue(staging.out().contains("dns --> alb") && !staging.out().contains("cdn"), staging.out());
        assertTrue(staging.out().contains("NAT instance"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareJsonOfTwoSavedPlansCountsAndPricesEachPhaseAsThePlansSay(@TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // What the pull-request workflow does: save main's plan and the PR's, then compare the files.
        var base = plan("--stack", "staging", "--format", "json", "--dir", StackRuns.PROJECT_DIR.toString());
        var head = plan(
                "--stack",
                "staging",
                "--set",
                "natMode=gateway-single",
                "--format",
                "json",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        var a = dir.resolve("base.json");
        var b = dir.resolve("head.json");
        java.nio.file.Files.writeString(a, base.out());
        java.nio.file.Files.writeString(b, head.out());
        var run = plan("--compare-json", a.toString(), b.toString());
        assertEquals(0, run.exit(), run.err());
        var gson = new Gson();
        var docA = gson.fromJson(base.out(), Map.class);
        var docB = gson.fromJson(head.out(), Map.class);
        for (int phase = 1; phase <= 6; phase++) {
            int p = phase;
            Function<Map<?, ?>, Long> count = doc -> ((List<Map<String, Object>>) doc.get("resources"))
                    .stream()
                            .filter(r -> ((String) r.get("type")).startsWith("aws:")
                                    && ((Double) r.get("phase")).intValue() == p)
                            .count();
            Function<Map<?, ?>, Double> cost =
                    doc -> (Double) ((Map<String, Object>) ((Map<String, Object>) doc.get("cost")).get("byPhase"))
                            .getOrDefault(String.valueOf(p), 0.0);
            var name = Phase.values()[p - 1];
            var row = run.out()
                    .lines()
                    .filter(l -> l.startsWith("| " + p + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row for phase " + p + " (" + name + "):\n" + run.out()));
            var cells = row.split("\\|");
            assertEquals(String.valueOf(count.apply(docA)), cells[2].trim(), row);
            assertEquals(String.valueOf(count.apply(docB)), cells[3].trim(), row);
            assertEquals(CostReport.money(cost.apply(docA)), cells[4].trim(), row);
            assertEquals(CostReport.money(cost.apply(docB)), cells[5].trim(), row);
        }
        // The instance gives way to a NAT gateway: phase 1 is dearer by the gateway less the instance, disk and alarm.
        var phase1 =
                run.out().lines().filter(l -> l.startsWith("| 1 ")).findFirst().orElseThrow();
        assertTrue(phase1.endsWith("| +$34.11 |"), phase1);
    }

    @Test
    void aPartialSpotShareIsPricedAsBaseOnDemandAndTheRestByWeight() {
        var run = plan(
                "--stack",
                "prod",
                "--set",
                "cpuArchitecture=X86_64",
                "--set",
                "fargateSpotPercent=25",
                "--format",
                "cost",
                "--dir",
                StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        var estimate = PlanCommand.estimate(
                StackRuns.with("prod", Map.of("tutors:cpuArchitecture", "X86_64", "tutors:fargateSpotPercent", "25")),
                Usage.defaults());
        for (var service : List.of("tutors-prod-backend", "tutors-prod-frontend")) {
            var lines = estimate.lines().stream()
                    .filter(l -> l.resource().equals(service))
                    .toList();
            // Two tasks: one is the on-demand base, the other splits 75/25 -> 1.75 on demand, 0.25 on Spot.
            var onDemand = lines.stream()
                    .filter(l -> l.item().contains("on demand"))
                    .findFirst()
                    .orElseThrow();
            var spot = lines.stream()
                    .filter(l -> l.item().startsWith("Fargate Spot"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(1.75 * 730, onDemand.quantity(), 1e-9);
            assertEquals(0.25 * 730, spot.quantity(), 1e-9);
            // 0.25 vCPU x $0.04656 + 0.5 GB x $0.00511 on demand; 0.25 x $0.01482 + 0.5 x $0.00163 on Spot
            assertEquals(0.014195, onDemand.unitPrice(), 1e-12);
            assertEquals(0.00452, spot.unitPrice(), 1e-12);
            assertTrue(run.out().contains(service), "the text shows the same lines");
        }
    }

    @Test
    void theReadmeProfilesTableIsTheProgramsOwn() throws java.io.IOException {
        var run = plan("--profiles", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(0, run.exit(), run.err());
        var cost = java.nio.file.Files.readString(StackRuns.PROJECT_DIR.resolve("docs/cost.md"));
        assertTrue(cost.contains(run.out()), "regenerate the profiles in docs/cost.md: plan --profiles\n" + run.out());
        // Independent of the table: the committed prod's row and the NAT-gateway one differ by the gateways
        assertTrue(run.out().contains("| Committed prod | `prod` | $209.19 | - |"), run.out());
        assertTrue(
                run.out().contains("| Prod with NAT gateways | `prod` `natMode=gateway-per-az` | $276.89 | +$67.71 |"),
                run.out());
    }

    @Test
    void theReadmeDiagramIsTheProgramsOwn() throws java.io.IOException {
        var run = plan("--stack", "prod", "--format", "mermaid", "--dir", StackRuns.PROJECT_DIR.toString());
        var readme = java.nio.file.Files.readString(StackRuns.PROJECT_DIR.resolve("README.md"));
        assertTrue(
                readme.contains("```mermaid\n" + run.out() + "```"),
                "regenerate the README diagram: plan --stack prod --format mermaid");
    }

    @Test
    void badArgumentsAndUnknownStacksExitTwo() {
        var unknownStack = plan("--stack", "qa", "--dir", StackRuns.PROJECT_DIR.toString());
        assertEquals(2, unknownStack.exit());
        assertTrue(
                unknownStack.err().contains("unknown stack 'qa'")
                        && unknownStack.err().contains("prod, staging"),
                unknownStack.err());
        assertEquals(2, plan().exit());
        assertEquals(2, plan("--stack").exit());
        assertEquals(2, plan("--stack", "prod", "--format", "yaml").exit());
        assertEquals(2, plan("--stack", "prod", "--frobnicate", "1").exit());
        assertEquals(2, plan("--stack", "prod", "--set", "novalue").exit());
        assertEquals(2, plan("--stack", "prod", "--usage", "bandwidth=3").exit());
        assertEquals(2, plan("--stack", "prod", "--usage", "logsGb=lots").exit());
        assertEquals(2, plan("--compare", "prod").exit());
        assertEquals(
                2,
                plan("--compare", "prod", "qa", "--dir", StackRuns.PROJECT_DIR.toString())
                        .exit());
        assertEquals(2, plan("--compare", "prod", "staging", "--stack", "prod").exit());
    }
}
