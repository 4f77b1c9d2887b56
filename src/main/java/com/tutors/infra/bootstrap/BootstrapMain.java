package com.tutors.infra.bootstrap;

import com.google.gson.GsonBuilder;
import com.pulumi.Pulumi;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.StackFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Entry point of {@code target/tutors-infra-bootstrap.jar}: without arguments the bootstrap program
 * ({@code pulumi up} in {@code bootstrap/} runs it); {@code plan [--stack S] [--dir D] [--json]} runs it
 * offline under the mock engine with {@code D/Pulumi.S.yaml} (defaults: {@code account}, {@code bootstrap}).
 */
public final class BootstrapMain {
    private BootstrapMain() {}

    public static final String USAGE =
            "usage: java -jar target/tutors-infra-bootstrap.jar            the bootstrap program (pulumi up in bootstrap/)\n"
                    + "       java -jar target/tutors-infra-bootstrap.jar plan [--stack account] [--dir bootstrap] [--json]";

    public static void main(String[] args) {
        if (args.length == 0) {
            Pulumi.run(Bootstrap::program);
            return;
        }
        OfflineRun.usePoolOfAtLeastTwo();
        System.exit(run(args, System.out, System.err));
    }

    /** @return 0 planned, 1 refused (the problems are printed), 2 bad arguments */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (!args[0].equals("plan")) {
            err.println((List.of("-h", "--help", "help").contains(args[0]) ? "" : "unknown command '" + args[0] + "'\n")
                    + USAGE);
            return 2;
        }
        String stack = "account";
        Path dir = Path.of("bootstrap");
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--stack", "--dir" -> {
                    if (i + 1 == args.length) {
                        err.println(args[i] + " needs a value\n" + USAGE);
                        return 2;
                    }
                    if (args[i].equals("--stack")) {
                        stack = args[++i];
                    } else {
                        dir = Path.of(args[++i]);
                    }
                }
                case "--json" -> json = true;
                default -> {
                    err.println("unknown option '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        OfflineRun.Result result;
        try {
            result = plan(dir, stack);
        } catch (IllegalArgumentException | StackFile.Invalid e) {
            err.println("plan: " + e.getMessage());
            return 2;
        }
        if (!result.succeeded()) {
            err.println("plan: invalid configuration for bootstrap stack '" + stack + "':");
            result.problems().forEach(p -> err.println("  - " + p));
            return 1;
        }
        out.println(json ? json(result) : text(result));
        return 0;
    }

    /** The committed bootstrap stack file, planned under the main program's mock engine. */
    public static OfflineRun.Result plan(Path dir, String stack) {
        var file = StackFile.read(dir, stack);
        return OfflineRun.execute(
                BootstrapSettings.PROJECT, Bootstrap::program, stack, file.values(), file.secretKeys(), Set.of(), true);
    }

    static String text(OfflineRun.Result result) {
        var text = new StringBuilder("Stack " + BootstrapSettings.PROJECT + "/" + result.stack() + ": "
                + result.resources().stream()
                        .filter(r -> r.custom() && !r.isProvider())
                        .count() + " AWS resources\n");
        for (var r : result.resources()) {
            if (r.custom() && !r.isProvider()) {
                text.append("  + ")
                        .append(r.type())
                        .append("  ")
                        .append(r.name())
                        .append(r.protect() ? "  [protected]" : "")
                        .append('\n');
            }
        }
        text.append("Outputs:\n");
        var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        result.outputs()
                .forEach((k, v) -> text.append("  ")
                        .append(k)
                        .append(": ")
                        .append(v instanceof String ? v : gson.toJson(v).replace("\n", "\n  "))
                        .append('\n'));
        return text.toString().stripTrailing();
    }

    static String json(OfflineRun.Result result) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("project", BootstrapSettings.PROJECT);
        doc.put("stack", result.stack());
        doc.put(
                "resources",
                result.resources().stream()
                        .filter(r -> r.custom() && !r.isProvider())
                        .map(r -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("urn", r.urn());
                            m.put("type", r.type());
                            m.put("name", r.name());
                            m.put("protect", r.protect());
                            m.put("inputs", r.inputs());
                            return m;
                        })
                        .toList());
        doc.put("outputs", result.outputs());
        return new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(doc);
    }
}
