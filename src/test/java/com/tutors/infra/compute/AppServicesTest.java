package com.tutors.infra.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.tutors.infra.ParsedConfig;
import com.tutors.infra.PhaseLinks;
import com.tutors.infra.StackRuns;
import com.tutors.infra.core.Route;
import com.tutors.infra.data.DataOutputs.AppSecret;
import com.tutors.infra.edge.Edge;
import com.tutors.infra.edge.EdgeArgs;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The service model (issue #31): the web services and the workers are entries of one description,
 * and what the load balancer, the deployments and the execution role get follows from it.
 */
class AppServicesTest {

    private static List<AppService> committed(String stack, String... overrides) {
        var s = ParsedConfig.parse(stack, overrides).compute();
        return AppServices.describe(s, 75, false);
    }

    @Test
    void theCommittedStacksRunTheTwoWebServicesFromTheirKeys() {
        for (var stack : List.of("prod", "staging")) {
            var s = ParsedConfig.parse(stack).compute();
            var services = AppServices.describe(s, 75, false);
            assertEquals(
                    List.of("backend", "frontend"),
                    services.stream().map(AppService::part).toList());
            var backend = services.get(0);
            var frontend = services.get(1);
            assertEquals(s.backend(), backend.size(), stack);
            assertEquals(s.frontend(), frontend.size(), stack);
            assertTrue(backend.web() && frontend.web());
            assertEquals(
                    List.of(100, 200, 100, 200),
                    List.of(
                            backend.minimumHealthyPercent(), backend.maximumPercent(),
                            frontend.minimumHealthyPercent(), frontend.maximumPercent()),
                    "never below full capacity");
            // Only the backend is reached privately (the frontend's server-side calls), only the frontend is the rest.
            assertTrue(backend.http().orElseThrow().privateName());
            assertFalse(frontend.http().orElseThrow().privateName());
            assertEquals(
                    "frontend", Edge.fallback(PhaseLinks.upstreams(services)).part(), "the listener's default");
        }
    }

    @Test
    void nextAuthsRoutesComeBeforeDjangosApi() {
        var upstreams = PhaseLinks.upstreams(committed("prod"));
        var byPriority = new TreeMap<Integer, String>();
        upstreams.forEach(u -> u.routes().forEach(r -> byPriority.put(r.priority(), u.part() + " " + r.paths())));
        assertEquals(
                List.of("frontend [/api/auth, /api/auth/*]", "backend [/api, /api/*]", "backend [/admin, /admin/*]"),
                List.copyOf(byPriority.values()));
    }

    @Test
    void workersAreEntriesOfTheSameDescriptionWithoutHttp() {
        var services = committed("prod", "tutors:workers", WorkloadsTest.WORKERS);
        assertEquals(
                List.of("backend", "frontend", "worker-beat", "worker-celery"),
                services.stream().map(AppService::part).toList());
        var backend = AppServices.named(services, "backend");
        var celery = AppServices.named(services, "worker-celery");
        var beat = AppServices.named(services, "worker-beat");
        for (var worker : List.of(celery, beat)) {
            assertFalse(worker.web(), "no load balancer, so no grace period either");
            assertEquals(AppService.Image.BACKEND, worker.image());
            assertEquals(backend.secrets(), worker.secrets(), "the backend's secrets");
            assertEquals(worker.size().minCount(), worker.size().desiredCount(), "starts at minCount");
        }
        assertEquals(
                List.of(100, 200, true),
                List.of(celery.minimumHealthyPercent(), celery.maximumPercent(), celery.scalesOnCpu()));
        assertEquals(
                List.of(0, 100, false),
                List.of(beat.minimumHealthyPercent(), beat.maximumPercent(), beat.scalesOnCpu()),
                "a singleton stops the old task first and never scales");
        // Workers are not upstreams: the load balancer gets the same two services as without them.
        assertEquals(PhaseLinks.upstreams(committed("prod")), PhaseLinks.upstreams(services));
    }

    @Test
    void theExecutionRoleReadsTheUnionOfEveryContainersSecrets() {
        var services = AppServices.describe(ParsedConfig.parse("prod").compute(), 75, true);
        var union = new HashSet<AppSecret>();
        services.forEach(s -> union.addAll(s.secrets().values()));
        assertEquals(union, new HashSet<>(AppServices.readBy(services)));
        assertTrue(union.contains(AppSecret.NEXTAUTH_SECRET) && union.contains(AppSecret.DJANGO_SECRET_KEY_PREVIOUS));
        assertEquals(
                AppSecret.DJANGO_SECRET_KEY_PREVIOUS,
                AppServices.named(services, "backend").secrets().get("DJANGO_SECRET_KEY_FALLBACKS"));
    }

    @Test
    void theLoadBalancerRefusesTwoFallbacksOrASharedPriority() {
        var a = new EdgeArgs.Upstream("a", 1, "/h", List.of(new Route(10, List.of("/a"))), true);
        var b = new EdgeArgs.Upstream("b", 2, "/h", List.of(new Route(20, List.of("/b"))), false);
        assertEquals("a", Edge.fallback(List.of(a, b)).part());
        var twoFallbacks = new EdgeArgs.Upstream("b", 2, "/h", List.of(), true);
        assertThrows(IllegalArgumentException.class, () -> Edge.fallback(List.of(a, twoFallbacks)));
        var sharedPriority = new EdgeArgs.Upstream("b", 2, "/h", List.of(new Route(10, List.of("/b"))), false);
        assertThrows(IllegalArgumentException.class, () -> Edge.fallback(List.of(a, sharedPriority)));
        var noFallback = new EdgeArgs.Upstream("a", 1, "/h", List.of(), false);
        assertThrows(IllegalArgumentException.class, () -> Edge.fallback(List.of(noFallback, b)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReadmesWorkersAndJobsAreAcceptedAsTheyStand() throws java.io.IOException {
        // What a maintainer pastes from the README's Services section is a valid stack-file entry.
        var readme = java.nio.file.Files.readString(StackRuns.PROJECT_DIR.resolve("README.md"));
        var section = readme.substring(readme.indexOf("### Services"));
        var yaml = section.substring(
                section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        Map<String, Object> entries = new Yaml().load(yaml);
        var gson = new Gson();
        var s = ParsedConfig.parse(
                        "prod",
                        "tutors:workers",
                        gson.toJson(entries.get("tutors:workers")),
                        "tutors:scheduledJobs",
                        gson.toJson(entries.get("tutors:scheduledJobs")))
                .compute();
        assertEquals(Set.of("celery", "beat"), s.workers().keySet());
        assertTrue(s.workers().get("beat").singleton());
        assertEquals(3, s.workers().get("celery").maxCount());
        assertEquals("cron(0 3 * * ? *)", s.jobs().get("clearsessions").schedule());
    }
}
