package com.tutors.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A real run learns which keys the stack sets, and which are secret, from what the language host
 * passes every program: PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS (no reflection into the SDK).
 */
class ConfigFromEngineTest {

    @Test
    void keysAndSecretKeysComeFromTheLanguageHostsVariables() {
        var known = ConfigSource.fromEnvironment(Map.of(
                "PULUMI_CONFIG",
                "{\"aws:region\":\"eu-central-1\",\"tutors:vpcCidr\":\"10.0.0.0/16\",\"tutors:dbPassword\":\"s3cret\","
                        + "\"tutors:publicSubnetCidrs\":\"[\\\"10.0.1.0/24\\\"]\"}",
                "PULUMI_CONFIG_SECRET_KEYS",
                "[\"tutors:dbPassword\"]"));
        assertEquals(
                Set.of("aws:region", "tutors:vpcCidr", "tutors:dbPassword", "tutors:publicSubnetCidrs"), known.keys());
        assertEquals(Set.of("tutors:dbPassword"), known.secretKeys());
    }

    @Test
    void aStackWithoutConfigHasNoKeys() {
        var known = ConfigSource.fromEnvironment(Map.of());
        assertEquals(Set.of(), known.keys());
        assertEquals(Set.of(), known.secretKeys());
    }
}
