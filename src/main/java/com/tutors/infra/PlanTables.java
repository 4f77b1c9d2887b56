package com.tutors.infra;

import com.google.gson.JsonParser;
import com.tutors.infra.core.Runbook;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The docs' tables read off the committed stacks' plans: the secrets and who reads them, every alarm with
 * what it means and where to look, and the FSBP controls each stack meets.
 */
final class PlanTables {
    private PlanTables() {}

    public static final String SECRETS_START =
            "<!-- secrets:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String SECRETS_END = "<!-- secrets:end -->";
    public static final String ALARMS_START =
            "<!-- alarms:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String ALARMS_END = "<!-- alarms:end -->";

    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    /** The stack's Secrets Manager secrets, what each holds, and the variables of the task definitions that read it. */
    public static String secrets(String stack, List<PlannedResource> plan) {
        var readers = new TreeMap<String, TreeSet<String>>();
        for (var task : plan.stream().filter(r -> r.type().equals(TASK)).toList()) {
            var containers = JsonParser.parseString((String) task.input("containerDefinitions"))
                    .getAsJsonArray();
            for (var c : containers) {
                var secrets = c.getAsJsonObject().getAsJsonArray("secrets");
                if (secrets == null) {
                    continue;
                }
                for (var ref : secrets) {
                    var from = ref.getAsJsonObject().get("valueFrom").getAsString();
                    var variable = ref.getAsJsonObject().get("name").getAsString();
                    var family = ((String) task.input("family")).replace("tutors-" + stack + "-", "");
                    readers.computeIfAbsent(from.replaceAll(":::.*$", ""), k -> new TreeSet<>())
                            .add("`" + variable + "` (" + family + ")");
                }
            }
        }
        var table = new StringBuilder("| Secret | Holds | Read by (variable, task) |\n|---|---|---|\n");
        plan.stream().filter(r -> r.type().equals(SECRET)).forEach(r -> {
            var read = r.identifiers().stream()
                    .map(readers::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .map(set -> String.join(", ", set))
                    .orElse("none: built for operators and tools");
            table.append("| `")
                    .append(((String) r.input("name")).replace("/" + stack + "/", "/<env>/"))
                    .append("` | ")
                    .append(r.input("description"))
                    .append(" | ")
                    .append(read)
                    .append(" |\n");
        });
        return SECRETS_START + "\n" + table + SECRETS_END + "\n";
    }

    /** Every alarm of the committed stacks: which stack has it, what makes it fire, what it means, where to look. */
    public static String alarms(Map<String, List<PlannedResource>> plans) {
        var rows = new TreeMap<String, String>();
        var where = new TreeMap<String, List<String>>();
        plans.forEach((stack, plan) -> plan.stream()
                .filter(r -> r.type().equals(ALARM))
                .forEach(r -> {
                    var name = ((String) r.input("name")).replace("tutors-" + stack + "-", "");
                    var description = ((String) r.input("alarmDescription"))
                            .replace("tutors-" + stack + "-", "tutors-<env>-")
                            .replace(" (runbook: " + Runbook.ALARMS + ")", "");
                    rows.putIfAbsent(name, description);
                    where.computeIfAbsent(name, k -> new ArrayList<>()).add(stack);
                }));
        var table = new StringBuilder(
                "| Alarm | Stacks | Fires when | What it means | Where to look |\n|---|---|---|---|---|\n");
        rows.forEach((name, description) -> {
            var guide = AlarmGuide.of(name)
                    .orElseThrow(() -> new IllegalStateException(
                            "no AlarmGuide entry for " + name + ": say what it means and where to look"));
            table.append("| `tutors-<env>-")
                    .append(name)
                    .append("` | ")
                    .append(String.join(", ", where.get(name)))
                    .append(" | ")
                    .append(description.replace("|", "\\|"))
                    .append(" | ")
                    .append(guide.means())
                    .append(" | ")
                    .append(guide.look())
                    .append(" |\n");
        });
        return ALARMS_START + "\n" + table + ALARMS_END + "\n";
    }

    public static final String CONTROLS_START =
            "<!-- fsbp:start (generated: java -cp target/tutors-infra.jar com.tutors.infra.ReferenceDocs) -->";
    public static final String CONTROLS_END = "<!-- fsbp:end -->";

    /** The FSBP controls with each stack's status computed from its plan. */
    public static String controls(Map<String, List<PlannedResource>> plans) {
        return CONTROLS_START + "\n" + SecurityControls.table(plans) + CONTROLS_END + "\n";
    }
}
