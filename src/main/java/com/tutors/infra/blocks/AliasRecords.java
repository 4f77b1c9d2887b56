package com.tutors.infra.blocks;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.tutors.infra.core.Naming;
import java.util.List;

/** The A record of a name, and its AAAA twin where the target is dual-stack: one pair, one way. */
public final class AliasRecords {
    private AliasRecords() {}

    /** Logical names {@code <part>-a} and {@code <part>-aaaa}. */
    public static void declare(
            Naming names,
            String part,
            Output<String> zoneId,
            String recordName,
            AliasTarget target,
            boolean ipv6,
            CustomResourceOptions options) {
        for (var type : ipv6 ? List.of("A", "AAAA") : List.of("A")) {
            new Record(
                    names.name(part + "-" + type.toLowerCase()),
                    RecordArgs.builder()
                            .zoneId(zoneId)
                            .name(recordName)
                            .type(type)
                            .aliases(RecordAliasArgs.builder()
                                    .name(target.dnsName())
                                    .zoneId(target.zoneId())
                                    .evaluateTargetHealth(target.evaluateTargetHealth())
                                    .build())
                            .build(),
                    options);
        }
    }
}
