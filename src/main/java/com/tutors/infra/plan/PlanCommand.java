package com.tutors.infra.plan;

import com.pulumi.Context;
import com.tutors.infra.config.Keys;
import com.tutors.infra.plan.cost.CostModel;
import com.tutors.infra.plan.cost.CostReport;
import com.tutors.infra.plan.cost.PlanSummary;
import com.tutors.infra.plan.cost.PriceBook;
import com.tutors.infra.plan.cost.Profiles;
import com.tutors.infra.plan.cost.Usage;
import com.tutors.infra.plan.diff.DiffFormats;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import com.tutors.infra.plan.diff.SavedPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code plan}: what {@code pulumi up} would do for a committed stack, computed offline under the mock
 * engine: the plan itself, a comparison of two stacks' cost, or a diff of two configurations.
 */
@Command(
        name = "plan",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Plans a committed stack offline (no AWS account, no Pulumi CLI): what `pulumi up` would create, "
                + "what it costs, or what an update between two configurations would change.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the program refused the configuration (one line per problem)",
            "2:bad arguments, an unknown stack or an unreadable plan file",
            "3:internal error (the trace with --debug)",
            "4:--fail-on danger and the diff raised a danger"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  plan --stack prod --format cost --usage cdnDataGb=200",
            "  plan --stack prod --diff-set fargateSpotPercent=50 --fail-on danger",
            "  plan --compare staging prod",
            "  plan --compare prod prod --set-b natMode=gateway-single",
            "  plan --diff base-prod.json head-prod.json --format markdown"
        })
public final class PlanCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int INTERNAL = 3;
    public static final int DANGER = 4;

    static final List<String> FORMATS = List.of("text", "json", "cost", "mermaid");

    @Option(names = "--stack", paramLabel = "<name>", description = "The stack to plan: Pulumi.<name>.yaml in --dir.")
    String stack;

    @Option(
            names = "--format",
            paramLabel = "<format>",
            description = "text, json, cost or mermaid for a plan; text, markdown or json for a diff. Default: text.")
    String format;

    @Option(
            names = "--set",
            paramLabel = "<key=value>",
            description = "Override a key (tutors: is implied), on every side.")
    List<String> set = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "<key>", description = "Remove a key for this plan, e.g. --unset domain.")
    List<String> unset = new ArrayList<>();

    @Option(
            names = "--usage",
            paramLabel = "<key=number>",
            description = "Override a usage assumption of the cost estimate.")
    List<String> usage = new ArrayList<>();

    @Option(
            names = "--dir",
            paramLabel = "<project dir>",
            description = "Where Pulumi.yaml and the stack files are. Default: .")
    Path dir = Path.of(".");

    @Option(
            names = "--compare",
            arity = "2",
            paramLabel = "<stack>",
            description = "Markdown table of resources and monthly cost per phase, A against B.")
    List<String> compare;

    @Option(
            names = "--set-b",
            paramLabel = "<key=value>",
            description = "With --compare: override a key on side B only.")
    List<String> setB = new ArrayList<>();

    @Option(
            names = "--compare-json",
            arity = "2",
            paramLabel = "<plan.json>",
            description = "The same comparison of two saved plans (plan --format json).")
    List<String> compareJson;

    @Option(
            names = "--diff",
            arity = "2",
            paramLabel = "<plan.json>",
            description = "What an update from the first saved plan to the second would do.")
    List<String> diff;

    @Option(
            names = "--diff-set",
            paramLabel = "<key=value>",
            description = "With --stack: diff the stack against itself with this override.")
    List<String> diffSet = new ArrayList<>();

    @Option(
            names = "--diff-unset",
            paramLabel = "<key>",
            description = "With --stack: diff against the stack without this key.")
    List<String> diffUnset = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "danger", description = "With a diff: exit 4 when a danger is raised.")
    String failOn;

    @Option(names = "--profiles", description = "Markdown table of the cost profiles (docs/cost.md), each priced.")
    boolean profiles;

    @Option(names = "--debug", description = "Print the stack trace of an internal error.")
    boolean debug;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "This help: every option, format and exit code.")
    boolean help;

    /** How a stack is planned: the real program under the mock engine (tests may reuse earlier runs). */
    public interface Planner {
        OfflineRun.Result plan(Path dir, String stack, Map<String, String> overrides);
    }

    private Planner planner;
    private PrintStream out;
    private PrintStream err;

    /** Runs the command line; never throws and never exits the JVM. */
    public static int run(String[] args, Consumer<Context> program, PrintStream out, PrintStream err) {
        return run(
                args, (dir, stack, overrides) -> OfflineRun.plan(program, dir, stack, overrides, Map.of()), out, err);
    }

    public static int run(String[] args, Planner planner, PrintStream out, PrintStream err) {
        var command = new PlanCommand();
        command.planner = planner;
        command.out = out;
        command.err = err;
        var cli = PlanHelp.withKeyLists(new CommandLine(command))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                // Invalid input exits 2 (picocli's USAGE code), as docs/development.md says.
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    err.println(
                            "plan: internal error: " + e + (command.debug ? "" : " (run with --debug for the trace)"));
                    if (command.debug) {
                        e.printStackTrace(err);
                    }
                    return INTERNAL;
                });
        return cli.execute(args);
    }

    /** The usage text, for the jar's own --help. */
    public static String usage() {
        return PlanHelp.withKeyLists(new CommandLine(new PlanCommand())).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Override
    public Integer call() {
        try {
            return dispatch();
        } catch (PlanArguments.BadArguments e) {
            err.println("plan: " + e.getMessage() + "\nRun plan --help for every option.");
            return BAD_ARGUMENTS;
        } catch (Failed e) {
            return e.code;
        }
    }

    private int dispatch() {
        var overrides = PlanArguments.overrides(set, unset, "--set");
        var usageValues = PlanArguments.usage(usage);
        boolean diffing = diff != null || !diffSet.isEmpty() || !diffUnset.isEmpty();
        if (failOn != null && !failOn.equals("danger")) {
            throw new PlanArguments.BadArguments("--fail-on takes 'danger', got '" + failOn + "'");
        }
        if (diffing) {
            return diff(overrides);
        }
        if (failOn != null) {
            throw new PlanArguments.BadArguments("--fail-on goes with --diff or --diff-set");
        }
        if (!setB.isEmpty() && compare == null) {
            throw new PlanArguments.BadArguments("--set-b goes with --compare");
        }
        if (compareJson != null) {
            only(compareJson, "--compare-json", stack == null && compare == null && format == null);
            var base = summary(compareJson.get(0));
            var head = summary(compareJson.get(1));
            out.print(CostReport.compare("base", base, "head", head));
            return OK;
        }
        if (profiles) {
            only(List.of(), "--profiles", stack == null && compare == null && format == null);
            out.print(Profiles.markdown(p ->
                    estimate(planned(p.stack(), p.overrides()), usageValues).total()));
            return OK;
        }
        if (compare != null) {
            only(compare, "--compare", stack == null && format == null);
            var a = planned(compare.get(0), overrides);
            var b = planned(
                    compare.get(1),
                    PlanArguments.merged(overrides, PlanArguments.overrides(setB, List.of(), "--set-b")));
            var labelB = compare.get(1) + (setB.isEmpty() ? "" : " with " + String.join(" ", setB));
            out.print(CostReport.compare(
                    compare.get(0),
                    PlanSummary.of(a.resources(), estimate(a, usageValues)),
                    labelB,
                    PlanSummary.of(b.resources(), estimate(b, usageValues))));
            return OK;
        }
        if (stack == null) {
            throw new PlanArguments.BadArguments("--stack (or --compare, --compare-json, --diff) is required");
        }
        var chosen = format == null ? "text" : format;
        if (!FORMATS.contains(chosen)) {
            throw new PlanArguments.BadArguments(
                    "unknown format '" + chosen + "'; allowed: " + String.join(", ", FORMATS));
        }
        var result = planned(stack, overrides);
        var estimate = estimate(result, usageValues);
        out.print(
                switch (chosen) {
                    case "json" -> PlanFormats.json(result, estimate);
                    case "cost" -> CostReport.text(stack, estimate);
                    case "mermaid" -> Diagram.mermaid(result);
                    default -> PlanFormats.text(result, estimate);
                });
        Advice.of(result).forEach(w -> err.println("plan: warning: " + w));
        return OK;
    }

    private int diff(Map<String, String> overrides) {
        var chosen = format == null ? "text" : format;
        if (!DiffFormats.FORMATS.contains(chosen)) {
            throw new PlanArguments.BadArguments(
                    "unknown diff format '" + chosen + "'; allowed: " + String.join(", ", DiffFormats.FORMATS));
        }
        PlanDiff.Result result;
        if (diff != null) {
            if (stack != null || !diffSet.isEmpty() || !diffUnset.isEmpty()) {
                throw new PlanArguments.BadArguments(
                        "--diff compares two saved plans; --stack with --diff-set compares a stack with itself");
            }
            result = PlanDiff.between(
                    diff.get(0), saved(diff.get(0)), diff.get(1), saved(diff.get(1)), ReplaceRules.standard());
        } else {
            if (stack == null) {
                throw new PlanArguments.BadArguments("--diff-set needs --stack");
            }
            var changes = PlanArguments.overrides(diffSet, diffUnset, "--diff-set");
            var before = planned(stack, overrides);
            var after = planned(stack, PlanArguments.merged(overrides, changes));
            var label = new StringBuilder();
            changes.forEach(
                    (k, v) -> label.append(label.length() == 0 ? "" : " ").append(v == null ? "-" + k : k + "=" + v));
            result = PlanDiff.between(
                    stack, before.resources(), stack + " with " + label, after.resources(), ReplaceRules.standard());
        }
        out.print(DiffFormats.render(result, chosen));
        return failOn != null && result.dangerous() ? DANGER : OK;
    }

    private static void only(List<String> pair, String flag, boolean alone) {
        if (!alone) {
            throw new PlanArguments.BadArguments(
                    flag + " goes without --stack" + (flag.equals("--compare-json") ? ", --compare" : "")
                            + " and --format (its output is a markdown table)");
        }
    }

    private PlanSummary summary(String file) {
        return parsed("--compare-json", file, PlanSummary::fromJson);
    }

    private static java.util.List<com.tutors.infra.plan.model.PlannedResource> saved(String file) {
        return parsed("--diff", file, SavedPlan::resources);
    }

    /** A saved plan read and parsed; a missing or unreadable file is the user's mistake, named with its flag. */
    private static <T> T parsed(String flag, String file, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(Files.readString(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new PlanArguments.BadArguments(flag + ": no file " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw new PlanArguments.BadArguments(flag + ": " + file + ": " + e.getMessage());
        }
    }

    /** @throws Failed with 2 for an unknown stack, 1 for a configuration the program rejects */
    private OfflineRun.Result planned(String name, Map<String, String> overrides) {
        OfflineRun.Result result;
        try {
            result = planner.plan(dir, name, overrides);
        } catch (StackFile.Invalid e) {
            err.println("plan: invalid stack file: " + e.getMessage());
            throw new Failed(REFUSED);
        } catch (IllegalArgumentException e) {
            err.println("plan: " + e.getMessage() + "; use --dir <project dir> for another folder");
            throw new Failed(BAD_ARGUMENTS);
        }
        if (!result.succeeded()) {
            err.println("plan: invalid configuration for stack '" + name + "':");
            result.problems().forEach(p -> err.println("  - " + p));
            throw new Failed(REFUSED);
        }
        return result;
    }

    public static CostModel.Estimate estimate(OfflineRun.Result result, Usage usage) {
        var region = result.config().getOrDefault(Keys.AWS_REGION.fullName(), Keys.AWS_REGION.defaultValue());
        return CostModel.estimate(result.resources(), usage, PriceBook.load(region));
    }

    /** A plan that could not be made; the reason is already printed. */
    private static final class Failed extends RuntimeException {
        final int code;

        Failed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
