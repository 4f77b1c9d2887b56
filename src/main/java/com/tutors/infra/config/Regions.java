package com.tutors.infra.config;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The commercial AWS regions (partition {@code aws}) as of 2026: the program writes {@code arn:aws:}
 * ARNs, so GovCloud and China are refused rather than half-supported.
 */
public final class Regions {
    private Regions() {}

    public static final List<String> ALL = List.of(
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "ca-central-1",
            "ca-west-1",
            "mx-central-1",
            "sa-east-1",
            "eu-central-1",
            "eu-central-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "eu-south-1",
            "eu-south-2",
            "eu-north-1",
            "il-central-1",
            "me-south-1",
            "me-central-1",
            "af-south-1",
            "ap-east-1",
            "ap-east-2",
            "ap-south-1",
            "ap-south-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7");

    /** The nearest known region to a typo, if it is near enough to be what was meant. */
    public static Optional<String> nearest(String typo) {
        return ALL.stream()
                .min(Comparator.comparingInt(r -> Text.distance(r, typo)))
                .filter(r -> Text.distance(r, typo) <= 3);
    }
}
