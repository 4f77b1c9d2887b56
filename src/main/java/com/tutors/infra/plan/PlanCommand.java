package com.tutors.infra.plan;

import com.pulumi.Context;

import com.tutors.infra.config.Keys;
import com.tutors.infra.plan.cost.CostModel;
import com.tutors.infra.plan.diff.DiffFormats;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import com.tutors.infra.plan.diff.SavedPlan;
import com.tutors.infra.plan.cost.CostReport;
import com.tutors.infra.plan.cost.PlanSummary;
import com.tutors.infra.plan.cost.PriceBook;
import com.tutors.infra.plan.cost.Usage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code plan --stack <name> [--format text|json] [--set key=value ...] [--dir <project dir>]}: what
 * {@code pulumi up} would create for a committed stack, computed offline. Exit 0 on success, 1 when
 * the program rejects the stack (bad configuration), 2 on bad arguments or an unknown stack.
 */
public final class PlanCommand {
    private PlanCommand() {
    }

    static final String USAGE = "usage: plan --stack <name> [--format text|json|cost|mermaid] [--set key=value ...]"
            + " [--unset key ...] [--usage key=value ...] [--dir <project dir>]"
            + "\n       plan --stack <name> --diff-set key=value ... [--diff-unset key ...] [--format text|markdown|json] [--fail-on danger]"
            + "\n       plan --diff <before plan.json> <after plan.json> [--format text|markdown|json] [--fail-on danger]"
            + "\n       plan --compare <stackA> <stackB> [--set ...] [--usage ...]"
            + "\n       plan --compare-json <base plan.json> <head plan.json>";
    static final List<String> FORMATS = List.of("text", "json", "cost", "mermaid");

    public static int run(String[] args, Consumer<Context> program, PrintStream out, PrintStream err) {
        String stack = null;
        var format = "text";
        var dir = Path.of(".");
        var overrides = new LinkedHashMap<String, String>();
        var usage = Usage.defaults();
        List<String> compare = null;
        List<String> compareJson = null;
        List<String> diff = null;
        var diffOverrides = new LinkedHashMap<String, String>();
        String failOn = null;
        String format0 = null;
        for (int i = 0; i < args.length; i++) {
            var flag = args[i];
            if (!flag.startsWith("--") || i + 1 >= args.length) {
                return usage(err, flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '" + flag + "'");
            }
            var value = args[++i];
            switch (flag) {
                case "--stack" -> stack = value;
                case "--compare", "--compare-json", "--diff" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        return usage(err, flag + " needs two " + (flag.equals("--compare") ? "stacks" : "files"));
                    }
                    var pair = List.of(value, args[++i]);
                    switch (flag) {
                        case "--compare" -> compare = pair;
                        case "--compare-json" -> compareJson = pair;
                        default -> diff = pair;
                    }
                }
                case "--fail-on" -> {
                    if (!value.equals("danger")) {
                        return usage(err, "--fail-on takes 'danger', got '" + value + "'");
                    }
                    failOn = value;
                }
                case "--unset", "--diff-unset" -> (flag.equals("--unset") ? overrides : diffOverrides)
                        .put(value.contains(":") ? value : "tutors:" + value, null);
                case "--diff-set" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        return usage(err, "--diff-set takes key=value, got '" + value + "'");
                    }
                    var key = value.substring(0, eq);
                    diffOverrides.put(key.contains(":") ? key : "tutors:" + key, value.substring(eq + 1));
                }
                case "--usage" -> {
                    int eq = value.indexOf('=');
                    try {
                        usage = usage.with(value.substring(0, Math.max(eq, 0)), Double.parseDouble(value.substring(eq + 1)));
                    } catch (IllegalArgumentException e) {
                        return usage(err, "--usage " + value + ": " + (e instanceof NumberFormatException ? "not a number" : e.getMessage()));
                    }
                }
                case "--format" -> {
                    format = value;
                    format0 = value;
                }
                case "--dir" -> dir = Path.of(value);
                case "--set" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        return usage(err, "--set takes key=value, got '" + value + "'");
                    }
                    var key = value.substring(0, eq);
                    overrides.put(key.contains(":") ? key : "tutors:" + key, value.substring(eq + 1));
                }
                default -> {
                    return usage(err, "unknown flag " + flag);
                }
            }
        }
        boolean diffing = diff != null || !diffOverrides.isEmpty();
        if (diffing) {
            return diff(program, dir, stack, overrides, diffOverrides, diff, format0 == null ? "text" : format0, failOn, out, err);
        }
        if (failOn != null) {
            return usage(err, "--fail-on goes with --diff or --diff-set");
        }
        if (!FORMATS.contains(format)) {
            return usage(err, "unknown format '" + format + "'; allowed: " + String.join(", ", FORMATS));
        }
        if (compareJson != null) {
            try {
                var base = PlanSummary.fromJson(Files.readString(Path.of(compareJson.get(0))));
                var head = PlanSummary.fromJson(Files.readString(Path.of(compareJson.get(1))));
                out.print(CostReport.compare("base", base, "head", head));
                return 0;
            } catch (IOException | IllegalArgumentException e) {
                err.println("plan: --compare-json: " + e.getMessage());
                return 2;
            }
        }
        if (compare != null) {
            if (stack != null) {
                return usage(err, "--compare and --stack do not go together");
            }
            try {
                var a = planned(program, dir, compare.get(0), overrides, err);
                var b = planned(program, dir, compare.get(1), overrides, err);
                out.print(CostReport.compare(compare.get(0), PlanSummary.of(a.resources(), estimate(a, usage)),
                        compare.get(1), PlanSummary.of(b.resources(), estimate(b, usage))));
                return 0;
            } catch (Failed e) {
                return e.code;
            }
        }
        if (stack == null) {
            return usage(err, "--stack (or --compare) is required");
        }
        try {
            var result = planned(program, dir, stack, overrides, err);
            var estimate = estimate(result, usage);
            out.print(switch (format) {
                case "json" -> PlanFormats.json(result, estimate);
                case "cost" -> CostReport.text(stack, estimate);
                case "mermaid" -> Diagram.mermaid(result);
                default -> PlanFormats.text(result, estimate);
            });
            return 0;
        } catch (Failed e) {
            return e.code;
        }
    }

    /** {@code --diff a.json b.json}, or the stack against itself with {@code --diff-set} overrides. */
    private static int diff(Consumer<Context> program, Path dir, String stack, Map<String, String> overrides,
                            Map<String, String> diffOverrides, List<String> files, String format, String failOn,
                            PrintStream out, PrintStream err) {
        if (!DiffFormats.FORMATS.contains(format)) {
            return usage(err, "unknown diff format '" + format + "'; allowed: " + String.join(", ", DiffFormats.FORMATS));
        }
        PlanDiff.Result result;
        if (files != null) {
            if (stack != null || !diffOverrides.isEmpty()) {
                return usage(err, "--diff compares two saved plans; --stack and --diff-set compare a stack with itself");
            }
            try {
                var before = SavedPlan.resources(Files.readString(Path.of(files.get(0))));
                var after = SavedPlan.resources(Files.readString(Path.of(files.get(1))));
                result = PlanDiff.between(files.get(0), before, files.get(1), after, ReplaceRules.standard());
            } catch (IOException | IllegalArgumentException e) {
                err.println("plan: --diff: " + e.getMessage());
                return 2;
            }
        } else {
            if (stack == null) {
                return usage(err, "--diff-set needs --stack");
            }
            try {
                var before = planned(program, dir, stack, overrides, err);
                var changed = new LinkedHashMap<>(overrides);
                changed.putAll(diffOverrides);
                var after = planned(program, dir, stack, changed, err);
                var label = new StringBuilder();
                diffOverrides.forEach((k, v) -> label.append(label.length() == 0 ? "" : " ").append(v == null ? "-" + k : k + "=" + v));
                result = PlanDiff.between(stack, before.resources(), stack + " with " + label, after.resources(),
                        ReplaceRules.standard());
            } catch (Failed e) {
                return e.code;
            }
        }
        out.print(DiffFormats.render(result, format));
        return failOn != null && result.dangerous() ? 4 : 0;
    }

    /** A plan that could not be made; the reason is already printed. */
    private static final class Failed extends RuntimeException {
        final int code;

        Failed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    /** @throws Failed with 2 for an unknown stack, 1 for a configuration the program rejects */
    private static OfflineRun.Result planned(Consumer<Context> program, Path dir, String stack, Map<String, String> overrides, PrintStream err) {
        OfflineRun.Result result;
        try {
            result = OfflineRun.plan(program, dir, stack, overrides, Map.of());
        } catch (StackFile.Invalid e) {
            err.println("plan: invalid stack file: " + e.getMessage());
            throw new Failed(1);
        } catch (IllegalArgumentException e) {
            err.println("plan: " + e.getMessage() + "; use --dir <project dir> for another folder");
            throw new Failed(2);
        }
        if (!result.succeeded()) {
            err.println("plan: invalid configuration for stack '" + stack + "':");
            result.problems().forEach(p -> err.println("  - " + p));
            throw new Failed(1);
        }
        return result;
    }

    public static CostModel.Estimate estimate(OfflineRun.Result result, Usage usage) {
        var region = result.config().getOrDefault(Keys.AWS_REGION.fullName(), Keys.AWS_REGION.prodDefault());
        return CostModel.estimate(result.resources(), usage, PriceBook.load(region));
    }

    private static int usage(PrintStream err, String problem) {
        err.println("plan: " + problem + "\n" + USAGE);
        return 2;
    }
}
