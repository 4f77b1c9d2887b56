package com.tutors.infra.config;

/**
 * Phase 4's validated inputs.
 *
 * @param spotPercent share of tasks beyond the on-demand base that run on Fargate Spot, 0-100
 */
public record ComputeSettings(String imageTag,
                              Service backend,
                              Service frontend,
                              String cpuArchitecture,
                              int spotPercent,
                              int logRetentionDays,
                              boolean ecsExec) {

    /** One ECS service's size and scaling bounds. */
    public record Service(int cpu, int memory, int desiredCount, int minCount, int maxCount) {
    }
}
