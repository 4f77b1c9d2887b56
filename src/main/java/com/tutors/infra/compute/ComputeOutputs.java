package com.tutors.infra.compute;

import com.pulumi.core.Output;

/**
 * What phase 4 gives the later phases and CI: the seed's outputs (cluster and service names) plus
 * the command that runs the migration task.
 */
public record ComputeOutputs(Output<String> ecsClusterName,
                             Output<String> backendServiceName,
                             Output<String> frontendServiceName,
                             Output<String> migrateCommand) {
}
