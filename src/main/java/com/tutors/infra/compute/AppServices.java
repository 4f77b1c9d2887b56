package com.tutors.infra.compute;

import com.tutors.infra.compute.AppService.Http;
import com.tutors.infra.compute.AppService.Image;
import com.tutors.infra.core.HealthPaths;
import com.tutors.infra.core.Ports;
import com.tutors.infra.core.Route;
import com.tutors.infra.data.DataOutputs.AppSecret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The stack's services as data: the two web services, then the workers of {@code tutors:workers}, by name. */
public final class AppServices {
    private AppServices() {}

    /** Django's paths. */
    static final List<Route> BACKEND_ROUTES =
            List.of(new Route(10, List.of("/api", "/api/*")), new Route(20, List.of("/admin", "/admin/*")));

    /**
     * NextAuth's own routes ({@code /api/auth/*}: session, csrf, signin, callback, signout) are served by
     * Next.js under NEXTAUTH_URL's default base path: they go to the frontend before {@code /api/*} goes
     * to Django. Everything no route claims goes to the frontend too.
     */
    static final List<Route> FRONTEND_ROUTES = List.of(new Route(5, List.of("/api/auth", "/api/auth/*")));

    static final Map<String, AppSecret> FRONTEND_SECRETS = Map.of("NEXTAUTH_SECRET", AppSecret.NEXTAUTH_SECRET);

    /**
     * @param keepAliveSeconds the servers' keep-alive, longer than the load balancer's idle timeout (no 502s on reuse)
     * @param djangoKeyRotating the previous Django key is set: the backend reads it as SECRET_KEY_FALLBACKS
     */
    public static List<AppService> describe(ComputeSettings s, int keepAliveSeconds, boolean djangoKeyRotating) {
        var backendSecrets = backendSecrets(djangoKeyRotating);
        // The web services deploy at 100% to 200%: rolling, never below full capacity (the circuit breaker and their
        // 5xx alarms roll a failing release back).
        var out = new ArrayList<AppService>();
        out.add(new AppService(
                "backend",
                Image.BACKEND,
                "backend",
                AppProcesses.gunicorn(
                        s.backend().cpu(),
                        s.backend().memory(),
                        s.backendWorkers(),
                        s.backendThreads(),
                        keepAliveSeconds),
                s.backend(),
                Optional.of(new Http(
                        Ports.BACKEND,
                        HealthPaths.BACKEND,
                        AppProcesses.backendHealthCheck(),
                        BACKEND_ROUTES,
                        false,
                        true)),
                100,
                200,
                true,
                backendSecrets));
        out.add(new AppService(
                "frontend",
                Image.FRONTEND,
                "frontend",
                AppProcesses.frontendCommand(keepAliveSeconds),
                s.frontend(),
                Optional.of(new Http(
                        Ports.FRONTEND,
                        HealthPaths.FRONTEND,
                        AppProcesses.frontendHealthCheck(),
                        FRONTEND_ROUTES,
                        true,
                        false)),
                100,
                200,
                true,
                FRONTEND_SECRETS));
        // The backend image's other processes: its environment, secrets and role, their own command; they start at
        // minCount (CPU tracking cannot start one from zero).
        for (var w : s.workers().values()) {
            out.add(new AppService(
                    w.part(),
                    Image.BACKEND,
                    "worker",
                    w.command(),
                    new ComputeSettings.Service(w.cpu(), w.memory(), w.minCount(), w.minCount(), w.maxCount()),
                    Optional.empty(),
                    w.minimumHealthyPercent(),
                    w.maximumPercent(),
                    !w.singleton(),
                    backendSecrets));
        }
        return List.copyOf(out);
    }

    /**
     * The backend's secrets by environment variable: the database and cache URLs and Django's key, and
     * during a key rotation the previous key (the app sets SECRET_KEY_FALLBACKS from it).
     */
    static Map<String, AppSecret> backendSecrets(boolean djangoKeyRotating) {
        var secrets = new LinkedHashMap<String, AppSecret>();
        secrets.put("DATABASE_URL", AppSecret.DB_URL);
        secrets.put("REDIS_URL", AppSecret.REDIS_URL);
        secrets.put("DJANGO_SECRET_KEY", AppSecret.DJANGO_SECRET_KEY);
        if (djangoKeyRotating) {
            secrets.put("DJANGO_SECRET_KEY_FALLBACKS", AppSecret.DJANGO_SECRET_KEY_PREVIOUS);
        }
        return secrets;
    }

    /** Every secret some container reads, once, in a fixed order (the execution role may read exactly these). */
    static List<AppSecret> readBy(List<AppService> services) {
        var all = new TreeSet<AppSecret>();
        services.forEach(s -> all.addAll(s.secrets().values()));
        return List.copyOf(all);
    }

    /** The service of a part; the web services always exist. */
    static AppService named(List<AppService> services, String part) {
        return services.stream()
                .filter(s -> s.part().equals(part))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + part));
    }
}
