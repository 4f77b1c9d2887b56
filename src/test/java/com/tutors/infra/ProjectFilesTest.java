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
    void readmeDocumentsEveryConfigKey() throws IOException {
        var readme = Files.readString(StackRuns.PROJECT_DIR.resolve("README.md"));
        for (var key : Keys.ALL) {
            assertTrue(readme.contains("`" + key.fullName() + "`"), "README lacks " + key);
        }
    }

    @Test
    void theReadmeConfigurationTableIsGeneratedFromKeys() throws IOException {
        var readme = Files.readString(StackRuns.PROJECT_DIR.resolve("README.md"));
        int start = readme.indexOf(com.tutors.infra.config.ConfigDocs.START);
        int end = readme.indexOf(com.tutors.infra.config.ConfigDocs.END);
        assertTrue(start >= 0 && end > start, "the README has the generated table's markers");
        assertEquals(
                com.tutors.infra.config.ConfigDocs.table(),
                readme.substring(start + com.tutors.infra.config.ConfigDocs.START.length() + 1, end),
                "regenerate it: java -cp target/tutors-infra.jar com.tutors.infra.config.ConfigDocs");
    }
}
