package com.tutors.infra.compute;

import com.tutors.infra.core.Route;
import com.tutors.infra.data.DataOutputs.AppSecret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ECS service of the stack, as data: the backend, the frontend and every worker are entries of this
 * one description ({@link AppServices#describe}). Compute derives its log group, task definition, service
 * and scaling from it; Edge its target group and listener rules (through Main); Optimization its alarms
 * and dashboard rows.
 *
 * @param part      the name part of its resources ({@code tutors-<env>-<part>}): renaming one replaces them all
 * @param image     whose image, task role and environment it runs: the backend image's processes share the backend's
 * @param container the container's name, and its log streams' prefix
 * @param command   the process the container runs
 * @param size      its task size and counts: desired at creation, then autoscaling's bounds
 * @param http      present when it serves HTTP behind the load balancer
 * @param minimumHealthyPercent,maximumPercent a deployment's limits: a singleton stops the old task first (0/100)
 * @param scalesOnCpu target tracking on CPU (a singleton does not scale)
 * @param secrets   by environment variable, the secrets its container reads (the execution role may read exactly
 *                  the union over all containers)
 */
public record AppService(
        String part,
        Image image,
        String container,
        List<String> command,
        ComputeSettings.Service size,
        Optional<Http> http,
        int minimumHealthyPercent,
        int maximumPercent,
        boolean scalesOnCpu,
        Map<String, AppSecret> secrets) {

    public AppService {
        command = List.copyOf(command);
        secrets = Map.copyOf(secrets);
    }

    /** Which image a service runs: its repository, task role, environment and writable paths follow. */
    public enum Image {
        BACKEND,
        FRONTEND
    }

    /**
     * How a web service is reached and checked.
     *
     * @param routes      the paths the load balancer forwards to it
     * @param fallback    it also serves every path no route claims (the listener's default)
     * @param privateName its tasks register under {@code <part>.<internal domain>}, for the other services' calls
     */
    public record Http(
            int port,
            String healthPath,
            AppProcesses.HealthCheck containerCheck,
            List<Route> routes,
            boolean fallback,
            boolean privateName) {
        public Http {
            routes = List.copyOf(routes);
        }
    }

    public boolean web() {
        return http.isPresent();
    }
}
