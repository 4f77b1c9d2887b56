package com.tutors.infra.plan;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code plan --stack <name> [--format text|json] [--set key=value ...] [--dir <project dir>]}: what
 * {@code pulumi up} would create for a committed stack, computed offline. Exit 0 on success, 1 when
 * the program rejects the stack (bad configuration), 2 on bad arguments or an unknown stack.
 */
public final class PlanCommand {
    private PlanCommand() {
    }

    static final String USAGE = "usage: plan --stack <name> [--format text|json] [--set key=value ...] [--dir <project dir>]";

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String stack = null;
        var format = "text";
        var dir = Path.of(".");
        var overrides = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var flag = args[i];
            if (!flag.startsWith("--") || i + 1 >= args.length) {
                return usage(err, flag.startsWith("--") ? flag + " needs a value" : "unexpected argument '" + flag + "'");
            }
            var value = args[++i];
            switch (flag) {
                case "--stack" -> stack = value;
                case "--format" -> format = value;
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
        if (stack == null) {
            return usage(err, "--stack is required");
        }
        if (!format.equals("text") && !format.equals("json")) {
            return usage(err, "unknown format '" + format + "'; allowed: text, json");
        }
        OfflineRun.Result result;
        try {
            result = OfflineRun.plan(dir, stack, overrides, Map.of());
        } catch (IllegalArgumentException e) {
            err.println("plan: " + e.getMessage());
            return 2;
        }
        if (!result.succeeded()) {
            err.println("plan: invalid configuration for stack '" + stack + "':");
            result.problems().forEach(p -> err.println("  - " + p));
            return 1;
        }
        out.print(format.equals("json") ? PlanFormats.json(result) : PlanFormats.text(result));
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("plan: " + problem + "\n" + USAGE);
        return 2;
    }
}
