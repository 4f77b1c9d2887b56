package com.tutors.infra.blocks;

import com.pulumi.core.Output;

/** Where an alias record points: a load balancer or a CloudFront distribution. */
public record AliasTarget(Output<String> dnsName, Output<String> zoneId, boolean evaluateTargetHealth) {}
