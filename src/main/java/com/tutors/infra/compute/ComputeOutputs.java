package com.tutors.infra.compute;

import com.pulumi.core.Output;
import java.util.Optional;

/**
 * What phase 4 gives the later phases and CI: the seed's outputs (cluster and service names) plus
 * the command that runs the migration task, the image tag the services run and each task definition's
 * ARN with its revision (the deploy checks that the services run exactly these), and the scheduled jobs'
 * task families (phase 6 tells of their failures) and the workers' service names by part (their alarms and rows). The services exist once phase 5 gives them their target
 * groups, so their names are present from then on.
 */
public record ComputeOutputs(
        Output<String> ecsClusterName,
        Optional<Output<String>> backendServiceName,
        Optional<Output<String>> frontendServiceName,
        Output<String> migrateCommand,
        Output<String> migrateTaskFamily,
        boolean sleepsOutsideOfficeHours,
        Output<String> imageTag,
        Output<java.util.Map<String, String>> taskDefinitionArns,
        java.util.List<String> jobFamilies,
        java.util.Map<String, String> workerServices) {}
