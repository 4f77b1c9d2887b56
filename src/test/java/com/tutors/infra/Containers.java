package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a task definition's container definitions, checking every key is a real ECS field. */
public final class Containers {
    private Containers() {}

    /** Every field of ECS's ContainerDefinition (RegisterTaskDefinition API). */
    private static final Set<String> CONTAINER_FIELDS = Set.of(
            "name",
            "image",
            "repositoryCredentials",
            "cpu",
            "memory",
            "memoryReservation",
            "links",
            "portMappings",
            "essential",
            "restartPolicy",
            "entryPoint",
            "command",
            "environment",
            "environmentFiles",
            "mountPoints",
            "volumesFrom",
            "linuxParameters",
            "secrets",
            "dependsOn",
            "startTimeout",
            "stopTimeout",
            "versionConsistency",
            "hostname",
            "user",
            "workingDirectory",
            "disableNetworking",
            "privileged",
            "readonlyRootFilesystem",
            "dnsServers",
            "dnsSearchDomains",
            "extraHosts",
            "dockerSecurityOptions",
            "interactive",
            "pseudoTerminal",
            "dockerLabels",
            "ulimits",
            "logConfiguration",
            "healthCheck",
            "systemControls",
            "resourceRequirements",
            "firelensConfiguration",
            "credentialSpecs");

    @SuppressWarnings("unchecked")
    public static Map<String, Object> container(PlannedResource task) {
        List<Map<String, Object>> list = new Gson().fromJson((String) task.input("containerDefinitions"), List.class);
        assertEquals(1, list.size());
        var c = list.get(0);
        assertTrue(CONTAINER_FIELDS.containsAll(c.keySet()), () -> "not ContainerDefinition fields: " + c.keySet());
        return c;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> pairs(Map<String, Object> container, String list, String valueKey) {
        return ((List<Map<String, String>>) container.get(list))
                .stream().collect(Collectors.toMap(p -> p.get("name"), p -> p.get(valueKey)));
    }
}
