package com.tutors.infra.plan.cost;

import com.tutors.infra.plan.model.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ECS service's Fargate cost lines, from the task definition it runs and its capacity strategy. */
final class FargateCost {
    private FargateCost() {}

    /**
     * A service's tasks on Fargate: the base runs on demand, the rest split by the strategy's weights.
     * Task size and architecture come from the task definition the service runs; {@code awake} is the
     * part of the week it runs (1 without office hours).
     */
    static List<CostLine> lines(
            PlannedResource service,
            Map<String, PlannedResource> tasks,
            double monthHours,
            double awake,
            PriceBook prices) {
        double hours = monthHours * awake;
        var when = awake < 1 ? ", office hours" : "";
        var arn = String.valueOf(service.input("taskDefinition"));
        var family = arn.substring(arn.lastIndexOf('/') + 1).replaceAll(":\\d+$", "");
        var task = tasks.get(family);
        if (task == null) {
            throw new IllegalStateException("service " + service.name() + " runs an undeclared task definition " + arn);
        }
        double vcpu = Double.parseDouble(String.valueOf(task.input("cpu"))) / 1024;
        double gb = Double.parseDouble(String.valueOf(task.input("memory"))) / 1024;
        var arch = String.valueOf(task.input("runtimePlatform.cpuArchitecture"));
        double count = CostModel.number(service, "desiredCount");
        double onDemand = count;
        double spot = 0;
        if (service.input("capacityProviderStrategies") instanceof List<?> strategy) {
            double base = 0;
            double onDemandWeight = 0;
            double spotWeight = 0;
            for (var s : strategy) {
                var share = (Map<?, ?>) s;
                var weight = ((Number) share.get("weight")).doubleValue();
                if ("FARGATE_SPOT".equals(share.get("capacityProvider"))) {
                    spotWeight += weight;
                } else {
                    base += share.get("base") == null ? 0 : ((Number) share.get("base")).doubleValue();
                    onDemandWeight += weight;
                }
            }
            double rest = Math.max(0, count - base);
            spot = spotWeight == 0 ? 0 : rest * spotWeight / (spotWeight + onDemandWeight);
            onDemand = count - spot;
        }
        var size = CostModel.fmt(vcpu) + " vCPU / " + CostModel.fmt(gb) + " GB " + arch;
        var lines = new ArrayList<CostLine>();
        if (onDemand > 0) {
            lines.add(new CostLine(
                    service.phase(),
                    service.name(),
                    "Fargate tasks (" + size + ", on demand) x " + CostModel.fmt(onDemand) + when,
                    onDemand * hours,
                    "task-hours",
                    vcpu * prices.price("fargateVcpuHour", arch) + gb * prices.price("fargateGbHour", arch)));
        }
        if (spot > 0) {
            lines.add(new CostLine(
                    service.phase(),
                    service.name(),
                    "Fargate Spot tasks (" + size + ") x " + CostModel.fmt(spot) + when,
                    spot * hours,
                    "task-hours",
                    vcpu * prices.price("fargateSpotVcpuHour", arch) + gb * prices.price("fargateSpotGbHour", arch)));
        }
        return lines;
    }
}
