package com.tutors.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.ParsedConfig;
import com.tutors.infra.StackRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A flag's or a number's rule lives beside its key: the reads use it, the reference shows it, and
 * neither the description nor a settings class restates it (where it could drift).
 */
class KeyRulesTest {

    @Test
    void everyRuledKeysDefaultPassesItsRuleAndItsDescriptionLeavesTheRangeToIt() {
        int ruled = 0;
        for (var key : Keys.ALL) {
            if (key.rule() == null) {
                continue;
            }
            ruled++;
            key.rule().parse(key.defaultValue());
            assertFalse(
                    key.description().matches(".*\\d+ to \\d+.*|.*\\b0-100\\b.*"),
                    key + ": the range is the rule's to say");
        }
        assertTrue(ruled >= 30, "flags and numbers: " + ruled);
    }

    @Test
    void theSettingsReadEveryFlagAndNumberThroughItsRule() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(StackRuns.PROJECT_DIR.resolve("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith("KeyReader.java") || file.endsWith("Rule.java")) {
                    continue;
                }
                var text = Files.readString(file);
                assertFalse(
                        text.contains("KeyReader.range(") || text.contains("KeyReader::bool"),
                        file + " parses a key past its rule: use r.number(key) or r.flag(key)");
            }
        }
    }

    @Test
    void aValueOutsideTheRuleNamesTheKeyTheValueAndTheRulesRange() {
        assertEquals(
                List.of("tutors:dbBackupRetentionDays = '36': out of range; allowed: 1 to 35"),
                ParsedConfig.problems("prod", "tutors:dbBackupRetentionDays", "36"));
        assertEquals(
                List.of("tutors:cdn = 'yes': not a boolean; allowed: true, false"),
                ParsedConfig.problems("prod", "tutors:cdn", "yes"));
    }
}
