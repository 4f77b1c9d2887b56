package com.tutors.infra.compute;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What phase 4 gives the later phases and CI: the seed's outputs (cluster and service names) plus
 * the command that runs the migration task, the image tag the services run and each task definition's
 * ARN with its revision (the deploy checks that the services run exactly these), and the scheduled jobs'
 * task families (phase 6 tells of their failures).
 *
 * @param services every ECS service in the order of its description, web services first: empty until phase 5
 *                 gives the web services their target groups (the services are declared from then on)
 * @param taskDefinitionArns by part, and the release task's under "migrate"
 */
public record ComputeOutputs(
        Output<String> ecsClusterName,
        List<Service> services,
        Output<String> migrateCommand,
        Output<String> migrateTaskFamily,
        boolean sleepsOutsideOfficeHours,
        Output<String> imageTag,
        Output<Map<String, String>> taskDefinitionArns,
        List<String> jobFamilies) {

    public ComputeOutputs {
        services = List.copyOf(services);
        jobFamilies = List.copyOf(jobFamilies);
    }

    /**
     * One declared ECS service: its alarms, dashboard row and rollout check follow from these.
     *
     * @param web it serves HTTP behind the load balancer: phase 5 has a target group of the same part
     */
    public record Service(String part, Output<String> name, boolean web) {}

    /** The service name of a part, once declared. */
    public Optional<Output<String>> serviceName(String part) {
        return services.stream()
                .filter(s -> s.part().equals(part))
                .map(Service::name)
                .findFirst();
    }
}
