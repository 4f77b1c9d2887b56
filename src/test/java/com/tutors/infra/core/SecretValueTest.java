package com.tutors.infra.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

class SecretValueTest {

    @Test
    void leavesOnlyAsAPulumiSecret() {
        var secret = new SecretValue("hunter2-hunter2-hunter2");
        assertEquals("[secret]", secret.toString());
        var data = PulumiTestInternal.extractOutputData(secret.output());
        assertTrue(data.isSecret(), "Output.isSecret");
        assertEquals("hunter2-hunter2-hunter2", data.getValueNullable());
    }
}
