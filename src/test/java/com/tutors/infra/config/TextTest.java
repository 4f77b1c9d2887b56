package com.tutors.infra.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The edit distance behind "did you mean". */
class TextTest {

    @Test
    void levenshteinDistances() {
        assertEquals(0, Text.distance("", ""));
        assertEquals(3, Text.distance("", "abc"), "insert every character");
        assertEquals(3, Text.distance("abc", ""), "delete every character");
        assertEquals(0, Text.distance("natMode", "natMode"));
        assertEquals(1, Text.distance("natMode", "natMod"), "one deletion");
        assertEquals(1, Text.distance("natMode", "natMoode"), "one insertion");
        assertEquals(2, Text.distance("vpcCidr", "vpcCdir"), "a swap is two substitutions");
        assertEquals(1, Text.distance("a", "b"));
        assertEquals(2, Text.distance("ab", "ba"));
        assertEquals(3, Text.distance("kitten", "sitting"));
    }
}
