package com.tutors.infra.compute;

import java.util.List;

/** The capacity-provider strategy for a Spot share. */
public final class Capacity {
    private Capacity() {}

    public record Share(String provider, int base, int weight) {}

    /**
     * 0: on demand only. 100: Spot only (Spot can be reclaimed with two minutes' notice; fine for
     * staging). In between: one task always on demand, the rest split by weight.
     */
    public static List<Share> strategy(int spotPercent) {
        if (spotPercent == 0) {
            return List.of(new Share("FARGATE", 1, 1));
        }
        if (spotPercent == 100) {
            return List.of(new Share("FARGATE_SPOT", 0, 1));
        }
        return List.of(new Share("FARGATE", 1, 100 - spotPercent), new Share("FARGATE_SPOT", 0, spotPercent));
    }

    /** The migration command a person or CI runs before a deploy, with the real ids filled in. */
    public static String runTaskCommand(
            String cluster, String taskFamily, List<String> subnetIds, String securityGroupId, String region) {
        return "aws ecs run-task --region " + region + " --cluster " + cluster + " --task-definition " + taskFamily
                + " --launch-type FARGATE --count 1 --network-configuration "
                + "'awsvpcConfiguration={subnets=[" + String.join(",", subnetIds) + "],securityGroups=["
                + securityGroupId + "],assignPublicIp=DISABLED}'";
    }
}
