package com.tutors.infra.compute;

import com.tutors.infra.core.Ports;
import java.util.List;

/**
 * How the containers' processes run: gunicorn's command sized to the task, and the health checks
 * ECS runs inside each container. Pure decisions, tested without the engine.
 */
public final class AppProcesses {
    private AppProcesses() {}

    /** The backend's health endpoint: the ALB and the container check ask it over plain HTTP, by IP. */
    public static final String BACKEND_HEALTH_PATH = com.tutors.infra.core.HealthPaths.BACKEND;

    /** A container health check as ECS's HealthCheck takes it (seconds). */
    public record HealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {}

    /** Seconds a new task has before failing checks count: the ALB's grace period and the container's start period. */
    public static final int START_PERIOD_SECONDS = 60;

    /**
     * gthread workers, because the sync worker serves one request at a time and ignores --keep-alive:
     * threads keep health checks answered while a slow request runs, and keep-alive (longer than the
     * ALB's idle timeout) holds. Workers: 2 x vCPU + 1, at least 2, at most one per 256 MiB.
     *
     * @param workers 0: from the task size
     */
    public static List<String> gunicorn(int cpuUnits, int memoryMiB, int workers, int threads, int keepAliveSeconds) {
        int n = workers > 0 ? workers : autoWorkers(cpuUnits, memoryMiB);
        return List.of(
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                "0.0.0.0:" + Ports.BACKEND,
                "--worker-class",
                "gthread",
                "--workers",
                String.valueOf(n),
                "--threads",
                String.valueOf(threads),
                "--keep-alive",
                String.valueOf(keepAliveSeconds),
                "--access-logfile",
                "-");
    }

    static int autoWorkers(int cpuUnits, int memoryMiB) {
        int byCpu = (int) Math.floor(2.0 * cpuUnits / 1024) + 1;
        return Math.max(2, Math.min(byCpu, memoryMiB / 256));
    }

    /**
     * Python's standard library only (curl may not be in the image): urlopen fails on a refused
     * connection, a timeout or an HTTP error status.
     */
    public static HealthCheck backendHealthCheck() {
        return new HealthCheck(
                List.of(
                        "CMD",
                        "python",
                        "-c",
                        "import urllib.request; urllib.request.urlopen(" + "'http://127.0.0.1:" + Ports.BACKEND
                                + BACKEND_HEALTH_PATH + "', timeout=4)"),
                30,
                5,
                3,
                START_PERIOD_SECONDS);
    }

    /**
     * Node's http module (no curl in node images) on the frontend's own health path, which renders no
     * page: rendering "/" would call the backend, so a backend fault would get every frontend task replaced.
     */
    public static HealthCheck frontendHealthCheck() {
        return new HealthCheck(
                List.of(
                        "CMD",
                        "node",
                        "-e",
                        "require('http').get('http://127.0.0.1:" + Ports.FRONTEND
                                + com.tutors.infra.core.HealthPaths.FRONTEND
                                + "',r=>process.exit(r.statusCode===200?0:1))"
                                + ".on('error',()=>process.exit(1))"),
                30,
                5,
                3,
                START_PERIOD_SECONDS);
    }

    /**
     * Node closes an idle connection after 5 s by default; the ALB reuses one for its idle timeout and
     * gets a 502 when Node closed it first. The Next.js standalone server reads KEEP_ALIVE_TIMEOUT (ms);
     * {@code next start} takes {@code --keepAliveTimeout} (the command passes both ways).
     */
    public static long frontendKeepAliveMillis(int keepAliveSeconds) {
        return keepAliveSeconds * 1000L;
    }

    /** {@code npm start} with next start's keep-alive flag after "--" (a standalone server.js ignores it). */
    public static List<String> frontendCommand(int keepAliveSeconds) {
        return List.of(
                "npm", "start", "--", "--keepAliveTimeout", String.valueOf(frontendKeepAliveMillis(keepAliveSeconds)));
    }
}
