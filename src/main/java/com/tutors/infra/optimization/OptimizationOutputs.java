package com.tutors.infra.optimization;

import com.pulumi.core.Output;
import com.tutors.infra.blocks.AliasTarget;
import java.util.Optional;

/**
 * What phase 6 gives back: each part's outputs where that part is on.
 *
 * @param aliasTarget where the domain's records point when the CDN is on
 */
public record OptimizationOutputs(
        Optional<Output<String>> cdnDomainName,
        Optional<Output<String>> distributionId,
        Optional<Output<String>> distributionArn,
        Optional<Output<String>> webAclArn,
        Optional<Output<String>> alarmTopicArn,
        Optional<Output<String>> dashboardUrl,
        Optional<AliasTarget> aliasTarget) {}
