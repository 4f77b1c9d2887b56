package com.tutors.infra.compute;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.inputs.ServiceAlarmsArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.core.Naming;
import com.tutors.infra.core.OfficeHours;
import com.tutors.infra.network.NetworkOutputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's ECS services: the two behind the load balancer, each with target-tracking autoscaling on
 * CPU and on requests per task, and the workers, on CPU.
 */
final class Services {

    private final Resource parent;
    private final Naming names;
    private final ComputeSettings settings;
    private final NetworkOutputs network;
    private final Cluster cluster;
    private final List<Resource> ready;
    private final CustomResourceOptions child;
    private final Map<String, List<String>> deploymentAlarms;

    /**
     * @param ready            what every service waits for: capacity providers, the secrets policy, listeners and rules
     * @param deploymentAlarms by part, the alarms whose firing during a deployment rolls it back
     */
    Services(
            Resource parent,
            Naming names,
            ComputeSettings settings,
            NetworkOutputs network,
            Cluster cluster,
            List<Resource> ready,
            Map<String, List<String>> deploymentAlarms) {
        this.deploymentAlarms = Map.copyOf(deploymentAlarms);
        this.parent = parent;
        this.names = names;
        this.settings = settings;
        this.network = network;
        this.cluster = cluster;
        this.ready = List.copyOf(ready);
        this.child = CustomResourceOptions.builder().parent(parent).build();
    }

    static final double CPU_TARGET_PERCENT = 70.0;
    static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
    static final int SCALE_IN_COOLDOWN_SECONDS = 300;

    /**
     * One service from its description, with its scaling. A web service sits behind its target group, with a
     * health-check grace period (the container's start period too); a worker has neither (ECS refuses a grace
     * period without a load balancer). A singleton's deploy stops the old task before it starts the new (0% and
     * 100%), so two never run at once.
     *
     * @param targetGroup present exactly for a web service
     * @param registry    the Cloud Map service its tasks register in (the backend's private name), if any
     */
    Service declare(
            AppService service,
            TaskDefinition task,
            Optional<ComputeArgs.TargetGroup> targetGroup,
            Optional<Output<String>> registry) {
        var part = service.part();
        var serviceArgs = base(part, task, service.size().desiredCount())
                .deploymentMinimumHealthyPercent(service.minimumHealthyPercent())
                .deploymentMaximumPercent(service.maximumPercent());
        service.http().ifPresent(http -> {
            serviceArgs
                    .loadBalancers(ServiceLoadBalancerArgs.builder()
                            .targetGroupArn(targetGroup.orElseThrow().arn())
                            .containerName(service.container())
                            .containerPort(http.port())
                            .build())
                    // New tasks get this long before failed ALB health checks count.
                    .healthCheckGracePeriodSeconds(AppProcesses.START_PERIOD_SECONDS);
            // Rolled back too when its own 5xx alarms (count, rate) fire during the deployment (a release that starts
            // but serves errors); they treat missing data as fine, so a sleeping staging never blocks one.
            var alarms = deploymentAlarms.getOrDefault(part, List.of());
            if (!alarms.isEmpty()) {
                serviceArgs.alarms(ServiceAlarmsArgs.builder()
                        .alarmNames(alarms)
                        .enable(true)
                        .rollback(true)
                        .build());
            }
        });
        // ECS registers each running, healthy task's address under the private name, and removes it before the task
        // stops.
        registry.ifPresent(arn -> serviceArgs.serviceRegistries(
                ServiceServiceRegistriesArgs.builder().registryArn(arn).build()));
        var declared = declared(part, serviceArgs);

        var size = service.size();
        var target = target(part, declared, size.minCount(), size.maxCount());
        if (service.scalesOnCpu()) {
            tracking(
                    part + "-cpu",
                    target,
                    CPU_TARGET_PERCENT,
                    PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                            .predefinedMetricType("ECSServiceAverageCPUUtilization")
                            .build());
        }
        // Requests per task too: CPU stays low while threads wait on the database; either policy scales out,
        // and a scale-in needs both (Application Auto Scaling's rule for several target-tracking policies).
        targetGroup.ifPresent(group -> tracking(
                part + "-requests",
                target,
                settings.requestsPerTask(),
                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                        .predefinedMetricType("ALBRequestCountPerTarget")
                        .resourceLabel(group.requestsLabel())
                        .build()));
        return declared;
    }

    /** What every service of the stack shares: cluster, capacity, private subnets, the circuit breaker, tags. */
    private ServiceArgs.Builder base(String part, TaskDefinition task, int desired) {
        return ServiceArgs.builder()
                .name(names.name(part))
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(desired)
                .capacityProviderStrategies(Capacity.strategy(settings.spotPercent()).stream()
                        .map(share -> ServiceCapacityProviderStrategyArgs.builder()
                                .capacityProvider(share.provider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(network.privateSubnetIds())
                        .securityGroups(network.securityGroups().ecs().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .enableExecuteCommand(settings.ecsExec())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                // A changed capacity strategy is then an in-place rolling update, not a new service (the provider's
                // capacityProviderStrategyCustomizeDiff); it also starts a deployment on every update of the service.
                .forceNewDeployment(true);
    }

    private Service declared(String part, ServiceArgs.Builder serviceArgs) {
        return new Service(
                names.name(part),
                serviceArgs.build(),
                CustomResourceOptions.builder()
                        .parent(parent)
                        .dependsOn(ready)
                        // Autoscaling owns the running count after creation; an `up` must not reset it.
                        .ignoreChanges("desiredCount")
                        .build());
    }

    /** Sets the target's bounds at a time of day; desired follows (up to min, down to max). */
    private void schedule(String part, Target target, String cron, OfficeHours hours, int min, int max) {
        new ScheduledAction(
                names.name(part),
                ScheduledActionArgs.builder()
                        .name(names.name(part))
                        .serviceNamespace(target.serviceNamespace())
                        .scalableDimension(target.scalableDimension())
                        .resourceId(target.resourceId())
                        .schedule(cron)
                        .timezone(hours.zone().getId())
                        .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                                .minCapacity(min)
                                .maxCapacity(max)
                                .build())
                        .build(),
                child);
    }

    /** The service's count between min and max; with office hours, zero outside them. */
    private Target target(String part, Service service, int min, int max) {
        var target = new Target(
                names.name(part),
                TargetArgs.builder()
                        .serviceNamespace("ecs")
                        .scalableDimension("ecs:service:DesiredCount")
                        .resourceId(Output.tuple(cluster.name(), service.name())
                                .applyValue(t -> "service/" + t.t1 + "/" + t.t2))
                        .minCapacity(min)
                        .maxCapacity(max)
                        .build(),
                // With office hours the schedules below move min and max twice a day: that is not drift.
                settings.officeHours().isEmpty()
                        ? child
                        : CustomResourceOptions.builder()
                                .parent(parent)
                                .ignoreChanges("minCapacity", "maxCapacity")
                                .build());
        settings.officeHours().ifPresent(hours -> {
            schedule(part + "-open", target, hours.openCron(), hours, min, max);
            schedule(part + "-close", target, hours.closeCron(), hours, 0, 0);
        });
        return target;
    }

    /** A target-tracking policy on the service's scalable target. */
    private void tracking(
            String part,
            Target target,
            double value,
            PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs metric) {
        new Policy(
                names.name(part),
                PolicyArgs.builder()
                        .name(names.name(part))
                        .policyType("TargetTrackingScaling")
                        .serviceNamespace(target.serviceNamespace())
                        .scalableDimension(target.scalableDimension())
                        .resourceId(target.resourceId())
                        .targetTrackingScalingPolicyConfiguration(
                                PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                                        .targetValue(value)
                                        .predefinedMetricSpecification(metric)
                                        // Out fast when busy; in slowly, so a short lull does not flap the task count.
                                        .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                                        .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                                        .build())
                        .build(),
                child);
    }
}
