package com.tutors.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.config.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The files a Pulumi user relies on agree with the program. */
class ProjectFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void pulumiYamlNamesTheProjectAndRunsThePackagedJar() throws IOException {
        Map<String, Object> project = new Yaml().load(Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi.yaml")));
        assertEquals(Keys.PROJECT, project.get("name"), "config keys are namespaced by the project name");
        var runtime = (Map<String, Object>) project.get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals("target/tutors-infra.jar", ((Map<String, Object>) runtime.get("options")).get("binary"));
    }

    @Test
    void theConfigurationReferenceDocumentsEveryKey() throws IOException {
        var reference = Files.readString(StackRuns.PROJECT_DIR.resolve("docs/configuration.md"));
        for (var key : Keys.ALL) {
            assertTrue(reference.contains("`" + key.fullName() + "`"), "docs/configuration.md lacks " + key);
        }
    }

    @Test
    void everyGeneratedTableIsTheCodesTheStackFilesAndThePlansOwn() throws IOException {
        // Every generated block of every doc (phases, diagram, costs, profiles, secrets, alarms, containers,
        // configuration, FSBP controls, security groups), from the tests' cached plans of the same configurations.
        var dir = StackRuns.PROJECT_DIR;
        var regenerated = ReferenceDocs.regenerate(
                dir, (stack, overrides) -> StackRuns.succeeded(StackRuns.with(stack, overrides)));
        assertEquals(6, regenerated.size());
        for (var file : regenerated.entrySet()) {
            assertEquals(
                    file.getValue(),
                    Files.readString(file.getKey()),
                    dir.relativize(file.getKey()) + " drifted; regenerate: java -cp target/tutors-infra.jar "
                            + "com.tutors.infra.ReferenceDocs .");
        }
        var operations = Files.readString(dir.resolve("docs/operations.md"));
        var configuration = Files.readString(dir.resolve("docs/configuration.md"));
        assertTrue(
                operations.contains("`tutors-<env>-backend-no-healthy-hosts` | prod |"),
                "staging sleeps: no such alarm there");
        // The reference tells the truth: what the committed stacks run, not only the code's defaults.
        assertTrue(
                configuration.contains("| `tutors:natMode` |")
                        && configuration.contains("**`instance-per-az`**")
                        && configuration.contains("**`instance`**"),
                "prod's and staging's NAT modes as their files say");
    }
}
