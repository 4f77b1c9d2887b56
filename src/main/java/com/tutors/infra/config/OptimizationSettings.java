package com.tutors.infra.config;

import java.util.List;
import java.util.Optional;

/**
 * Phase 6's validated inputs: three parts, each with its own switch.
 *
 * @param originSecret header value CloudFront sends and the ALB requires; present when {@code cdn} is
 */
public record OptimizationSettings(boolean cdn,
                                   boolean waf,
                                   boolean alarms,
                                   Optional<String> alarmEmail,
                                   int wafRateLimit,
                                   List<String> blockedCountries,
                                   Optional<SecretValue> originSecret) {
    public OptimizationSettings {
        blockedCountries = List.copyOf(blockedCountries);
    }
}
