package com.tutors.infra.ci;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tutors.infra.StackRuns;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.Keys;
import com.tutors.infra.ops.OpsCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbooks (runbooks/*.sh) run as pasted, against stand-ins: the order of their steps, every
 * Pulumi call accepted by the CLI, every call of the jar parsed by its real parser, secrets only ever
 * on stdin, and each refusal where the written runbook used to fail.
 */
// Bash processes, mostly waiting: beside the plans, on the second core.
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class RunbooksTest {
    @TempDir
    Path tmp;

    private static final String A = "123456789012";
    private static final Map<String, String> OWN_DOMAIN = Map.of("tutors.example.com", "tutors.school");

    /** Pulumi: records what config set reads on stdin, appends to the stack file as config set would change it, answers outputs. */
    private static final String PULUMI = """
            stack=""; prev=""; for a in "$@"; do [ "$prev" = --stack ] && stack=$a; prev=$a; done
            key=$(printf '%%s\\n' "$@" | sed -n 's/^tutors:\\([A-Za-z]*\\)$/\\1/p' | head -n 1)
            case "$*" in
              *"config set --secret"*) cat > "$STUBS/$key"; echo "# $key" >> "Pulumi.$stack.yaml" ;;
              *"config set"* | *"config rm"*) [ "$stack" = account ] || echo "# $*" >> "Pulumi.$stack.yaml" ;;
              *"config get"*) [ -f "$STUBS/current-$key" ] && cat "$STUBS/current-$key" || exit 1 ;;
              *"stack output backendUrl"*) echo "s3://tutors-pulumi-state-%1$s?region=eu-central-1" ;;
              *"stack output permissionsBoundaryArn"*) echo "arn:aws:iam::%1$s:policy/tutors-workload-boundary" ;;
              *"stack output backendEcrUrl"*) echo "%1$s.dkr.ecr.eu-central-1.amazonaws.com/tutors-$stack-backend" ;;
              *"stack output frontendEcrUrl"*) echo "%1$s.dkr.ecr.eu-central-1.amazonaws.com/tutors-$stack-frontend" ;;
              *"stack export"*) if [ -f "$STUBS/state.json" ]; then
                  file=""; prev=""; for a in "$@"; do [ "$prev" = --file ] && file=$a; prev=$a; done
                  if [ -n "$file" ]; then cp "$STUBS/state.json" "$file"; else cat "$STUBS/state.json"; fi; fi ;;
              *"stack import"*) file=""; prev=""; for a in "$@"; do [ "$prev" = --file ] && file=$a; prev=$a; done; cp "$file" "$STUBS/imported.json" ;;
              *" up "* | *" up") [ -f "$STUBS/up-fails-once" ] && rm "$STUBS/up-fails-once" && exit 1; true ;;
            esac
            """.formatted(A);

    private RunbookShell shell(Map<String, String> edits) throws Exception {
        return new RunbookShell(tmp, edits)
                .stub("pulumi", PULUMI)
                .stub("mvn", "true")
                .stub("java", "true")
                .stub("docker", "cat >/dev/null")
                .stub("gh", "case \"$1\" in api) echo 1001/2002;; esac")
                .stub(
                        "aws",
                        "case \"$*\" in *get-caller-identity*) echo " + A + ";; *get-open-id-connect-provider*) "
                                + "[ -f \"$STUBS/oidc-exists\" ] && echo sts.amazonaws.com || exit 254;; esac");
    }

    private static void assertPulumiCallsAccepted(RunbookShell.Ran ran) {
        ran.of("pulumi").forEach(c -> PulumiCli.assertAccepted(c.args()));
        for (var java : ran.of("java")) {
            var args = java.args().subList(2, java.args().size()); // -jar target/tutors-infra.jar
            assertDoesNotThrow(() -> OpsCommand.parse(args.toArray(String[]::new)), java.line());
        }
    }

    @Test
    void theBootstrapRefusesTheExampleDomainBeforeTouchingAnything() throws Exception {
        var ran = shell(Map.of()).run("bootstrap-account.sh", "", Map.of(), "team/tutors-infra");
        assertEquals(1, ran.exit());
        assertTrue(ran.stderr().contains("Pulumi.prod.yaml: tutors:domain is 'tutors.example.com'"), ran.stderr());
        assertTrue(ran.calls().isEmpty(), ran.calls().toString());
    }

    @Test
    void theBootstrapMakesItsBackendAsksGithubForTheIdsAndNeverAPassphrase() throws Exception {
        var sh = shell(OWN_DOMAIN);
        var ran = sh.run("bootstrap-account.sh", "", Map.of(), "team/tutors-infra");
        assertEquals(0, ran.exit(), ran.stderr());
        assertPulumiCallsAccepted(ran);
        assertTrue(
                Files.isDirectory(sh.repo.resolveSibling("home/.pulumi-tutors-bootstrap")),
                "pulumi login file:// needs the folder");
        for (var call : ran.of("pulumi")) {
            assertEquals(List.of("-C", "bootstrap"), call.args().subList(0, 2), call.line());
            assertEquals(
                    "file://" + sh.repo.resolveSibling("home/.pulumi-tutors-bootstrap"), call.backend(), call.line());
            assertEquals("", call.passphrase(), "an empty passphrase: the stack holds no secret: " + call.line());
        }
        var lines = ran.lines("pulumi");
        assertEquals("pulumi -C bootstrap stack select --create account --secrets-provider passphrase", lines.get(0));
        for (var set : List.of(
                "tutors-bootstrap:accountId " + A,
                "tutors-bootstrap:githubRepositoryIds 1001/2002",
                "tutors-bootstrap:prodDomain tutors.school",
                "tutors-bootstrap:stagingDomain staging.tutors.school",
                "aws:region eu-central-1")) {
            assertTrue(
                    lines.contains("pulumi -C bootstrap config set " + set + " --stack account"), set + " in " + lines);
        }
        assertTrue(
                lines.indexOf("pulumi -C bootstrap up --stack account")
                        > lines.indexOf("pulumi -C bootstrap config set "
                                + "tutors-bootstrap:stagingDomain staging.tutors.school --stack account"),
                "configured before the up");
        assertTrue(ran.stdout().contains("==> 5/5 What GitHub needs"), ran.stdout());
        // The keys it sets are the bootstrap program's keys, every required one among them.
        var keys = ran.of("pulumi").stream()
                .filter(c -> c.args().contains("set"))
                .map(c -> c.args().get(4))
                .collect(Collectors.toSet());
        var known = com.tutors.infra.bootstrap.BootstrapSettings.KEYS.stream()
                .map(Key::fullName)
                .collect(Collectors.toSet());
        assertTrue(known.containsAll(keys), keys.toString());
        assertEquals(6, keys.size(), "all but the two keys with defaults (stateBucket, stateVersionDays): " + keys);
    }

    @Test
    void anExistingOidcProviderIsImportedUnderItsComponentAndProvider() throws Exception {
        var sh = shell(OWN_DOMAIN);
        Files.writeString(sh.stubs.resolve("up-fails-once"), "");
        Files.writeString(sh.stubs.resolve("oidc-exists"), "");
        // The URNs as the engine names them, from the bootstrap program itself.
        var plan = com.tutors.infra.bootstrap.BootstrapRunsAccess.committed();
        var component = plan.stream()
                .filter(r -> r.type().equals("tutors:bootstrap:CiAccess"))
                .findFirst()
                .orElseThrow()
                .urn();
        var provider = plan.stream()
                .filter(r -> r.type().equals("pulumi:providers:aws"))
                .findFirst()
                .orElseThrow()
                .urn();
        Files.writeString(
                sh.stubs.resolve("state.json"),
                "{\"deployment\":{\"resources\":[{\"urn\":\"" + component
                        + "\",\"type\":\"tutors:bootstrap:CiAccess\"},{\"urn\":\"" + provider
                        + "\",\"type\":\"pulumi:providers:aws\"}]}}");
        var ran = sh.run("bootstrap-account.sh", "", Map.of(), "team/tutors-infra", "7/8");
        assertEquals(0, ran.exit(), ran.stderr());
        assertPulumiCallsAccepted(ran);
        assertTrue(ran.of("gh").isEmpty(), "the ids were given");
        var lines = ran.lines("pulumi");
        assertEquals(
                "pulumi -C bootstrap import aws:iam/openIdConnectProvider:OpenIdConnectProvider tutors-github-oidc arn:aws:iam::"
                        + A
                        + ":oidc-provider/token.actions.githubusercontent.com --parent " + component + " --provider "
                        + provider
                        + " --protect=false --generate-code=false --yes --stack account",
                lines.stream().filter(l -> l.contains(" import ")).findFirst().orElseThrow());
        assertEquals(
                2, lines.stream().filter(l -> l.endsWith(" up --stack account")).count(), "up, import, up again");
    }

    @Test
    void initCreatesTheStackBeforeConfiguringItAndPipesEverySecret() throws Exception {
        for (var stack : List.of("staging", "prod")) {
            var sh = shell(OWN_DOMAIN);
            var ran = sh.run("init-stack.sh", "", Map.of(), stack);
            assertEquals(0, ran.exit(), ran.stderr());
            assertPulumiCallsAccepted(ran);
            var main = ran.of("pulumi").stream()
                    .filter(c -> !c.args().get(0).equals("-C"))
                    .map(RunbookShell.Call::line)
                    .toList();
            assertEquals("pulumi login s3://tutors-pulumi-state-" + A + "?region=eu-central-1", main.get(0));
            assertEquals(
                    "pulumi stack select --create " + stack + " --secrets-provider awskms://alias/tutors-" + stack
                            + "-pulumi?region=eu-central-1",
                    main.get(1));
            assertEquals(
                    "pulumi config set tutors:permissionsBoundary arn:aws:iam::" + A
                            + ":policy/tutors-workload-boundary --stack " + stack,
                    main.get(2));
            // Each secret on stdin only, and the set is the program's: every secret key a stack needs, for this stack.
            var generated = new TreeSet<String>();
            for (var call : ran.of("pulumi")) {
                if (call.args().contains("--secret")) {
                    assertEquals(
                            List.of("config", "set", "--secret"), call.args().subList(0, 3));
                    assertEquals(6, call.args().size(), "no value on the command line: " + call.line());
                    generated.add(call.args().get(3).substring("tutors:".length()));
                }
            }
            assertEquals(neededSecrets(stack), generated, stack);
            // The generated values pass the program's own rules (RDS's and ElastiCache's among them).
            var values = new java.util.ArrayList<String>();
            for (var key : generated) {
                values.add("tutors:" + key);
                values.add(Files.readString(sh.stubs.resolve(key)));
            }
            assertEquals(List.of(), com.tutors.infra.ParsedConfig.problems(stack, values.toArray(String[]::new)));
        }
    }

    /** The secrets a committed stack must have: the required secret keys its configuration uses (not the rotation ones). */
    private static Set<String> neededSecrets(String stack) throws Exception {
        var cdn = Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi." + stack + ".yaml"))
                .contains("tutors:cdn: true");
        return Keys.ALL.stream()
                .filter(Key::secret)
                .map(Key::name)
                .filter(n -> !n.endsWith("Previous"))
                .filter(n -> cdn || !n.equals("originSecret"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aSecretIsRotatedInTwoCommitsAndNeverDeployedFromALaptop() throws Exception {
        var sh = shell(Map.of());
        git(sh.repo, "init", "-q");
        git(sh.repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "base");
        git(sh.repo, "add", "Pulumi.prod.yaml", "Pulumi.staging.yaml");
        git(sh.repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "stacks");
        Files.writeString(sh.stubs.resolve("current-djangoSecretKey"), "the-old-key");
        var env = Map.of(
                "GIT_AUTHOR_NAME",
                "t",
                "GIT_AUTHOR_EMAIL",
                "t@t",
                "GIT_COMMITTER_NAME",
                "t",
                "GIT_COMMITTER_EMAIL",
                "t@t");
        var first = sh.run("set-secret.sh", "", env, "prod", "djangoSecretKey");
        assertEquals(0, first.exit(), first.stderr());
        assertEquals(3, first.lines("pulumi").size(), first.calls().toString());
        assertPulumiCallsAccepted(first);
        // (The two ends of a pipe start together: their order in the log is not the order that matters.)
        assertEquals(
                Set.of(
                        "pulumi config get tutors:djangoSecretKey --stack prod",
                        "pulumi config set --secret tutors:djangoSecretKeyPrevious --stack prod"),
                Set.copyOf(first.lines("pulumi").subList(0, 2)));
        assertEquals(
                "pulumi config set --secret tutors:djangoSecretKey --stack prod",
                first.lines("pulumi").get(2));
        assertEquals("the-old-key", Files.readString(sh.stubs.resolve("djangoSecretKeyPrevious")));
        assertEquals(
                "Rotate prod's djangoSecretKey (the previous value still accepted)",
                git(sh.repo, "log", "-1", "--format=%s"));
        assertEquals("Pulumi.prod.yaml", git(sh.repo, "show", "--name-only", "--format=", "HEAD"));
        var second = sh.run("set-secret.sh", "", env, "prod", "djangoSecretKey", "--finish");
        assertEquals(0, second.exit(), second.stderr());
        assertEquals(List.of("pulumi config rm tutors:djangoSecretKeyPrevious --stack prod"), second.lines("pulumi"));
        assertTrue(
                sh.run("set-secret.sh", "", env, "prod", "redisAuthToken").lines("pulumi").stream()
                        .noneMatch(l -> l.contains(" up")),
                "CI deploys from the commit; the runbook never runs up");
        var everyone = sh.run("set-secret.sh", "", env, "staging", "nextauthSecret");
        assertEquals(1, everyone.exit());
        assertTrue(everyone.stderr().contains("--logout-everyone"), everyone.stderr());
        Files.writeString(
                sh.repo.resolve("Pulumi.staging.yaml"), "\n# local edit\n", java.nio.file.StandardOpenOption.APPEND);
        var dirty = sh.run("set-secret.sh", "", env, "staging", "dbPassword");
        assertEquals(1, dirty.exit());
        assertTrue(
                dirty.stderr().contains("uncommitted changes") && dirty.calls().isEmpty(), dirty.stderr());
        assertEquals(1, sh.run("set-secret.sh", "", env, "prd", "dbPassword").exit());
    }

    private static String git(Path repo, String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theFirstDeployGoesPhaseByPhaseAndLeavesTheStackFileAsCommitted() throws Exception {
        var sh = shell(OWN_DOMAIN);
        var app = Files.createDirectories(tmp.resolve("app"));
        sh.stub("git", "echo abc123");
        // A path relative to where the runbook is started (here the repository), as a person types it.
        var relative = sh.repo.relativize(app).toString();
        var ran = sh.run("first-deploy.sh", "", Map.of("TUTORS_DNS_WAIT", "0"), "prod", relative);
        assertEquals(0, ran.exit(), ran.stderr());
        assertPulumiCallsAccepted(ran);
        var steps = ran.calls().stream()
                .map(RunbookShell.Call::line)
                .filter(l -> l.startsWith("pulumi up")
                        || l.startsWith("pulumi config")
                        || l.startsWith("java")
                        || l.startsWith("docker buildx"))
                .toList();
        assertEquals(
                List.of(
                        "pulumi up --stack prod --config tutors:lastPhase=3",
                        "docker buildx build --platform linux/arm64 --push --tag " + A
                                + ".dkr.ecr.eu-central-1.amazonaws.com/tutors-prod-backend:abc123 " + app + "/backend",
                        "docker buildx build --platform linux/arm64 --push --build-arg NEXT_PUBLIC_API_URL=/api --tag "
                                + A + ".dkr.ecr.eu-central-1.amazonaws.com/tutors-prod-frontend:abc123 " + app
                                + "/frontend",
                        "pulumi up --stack prod --config tutors:lastPhase=4 --config tutors:imageTag=abc123",
                        "java -jar target/tutors-infra.jar release --stack prod",
                        "pulumi up --stack prod --config tutors:lastPhase=5 --config tutors:imageTag=abc123",
                        "java -jar target/tutors-infra.jar verify --stack prod --record",
                        "pulumi config rm tutors:imageTag --stack prod",
                        "pulumi up --stack prod --config tutors:lastPhase=6 --config tutors:originLock=false",
                        "pulumi config rm tutors:originLock --stack prod",
                        "pulumi up --stack prod"),
                steps);
        // Every value the runbook put in the stack file on the way is the committed one again at the end.
        assertTrue(Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi.prod.yaml"))
                .contains("tutors:lastPhase: 6\n"));
        assertFalse(Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi.prod.yaml"))
                .contains("tutors:originLock"));
        assertTrue(
                Files.readString(StackRuns.PROJECT_DIR.resolve("Pulumi.prod.yaml"))
                        .contains("tutors:cpuArchitecture: ARM64"),
                "the image is built for the stack's architecture, not the laptop's");
    }

    @Test
    void aRestoreSwapsOnlyWhenToldAndMovesTheStateToTheRestoredInstance() throws Exception {
        var sh = shell(Map.of());
        var instance = StackRuns.ofType(StackRuns.committed("prod"), com.pulumi.aws.rds.Instance.class)
                .get(0)
                .urn();
        Files.writeString(
                sh.stubs.resolve("state.json"),
                "{\"deployment\":{\"resources\":[{\"urn\":\"" + instance
                        + "\",\"type\":\"aws:rds/instance:Instance\",\"id\":\"db-OLD\"},{\"urn\":\"x\",\"type\":\"aws:rds/subnetGroup:SubnetGroup\","
                        + "\"id\":\"tutors-prod-db\"}]}}");
        sh.stub(
                "aws",
                // A renamed instance answers to its new name only after a while: the first two look-ups of -old fail.
                // The restore outlasts the CLI's 30-minute waiter once; the instance has two security groups.
                "case \"$*\" in *MultiAZ*) echo True;; *DbiResourceId*) echo db-NEW;; *list-services*) echo arn:svc/backend arn:svc/frontend;;"
                        + " *VpcSecurityGroups*) printf 'sg-1\\tsg-2\\n';; *DBInstanceStatus*) cat \"$STUBS/status\" 2>/dev/null || echo creating;;"
                        + " 'rds wait db-instance-available --db-instance-identifier tutors-prod-postgres-restored')"
                        + " [ -f \"$STUBS/waited\" ] || { touch \"$STUBS/waited\"; exit 255; };;"
                        + " 'rds describe-db-instances --db-instance-identifier tutors-prod-postgres-old')"
                        + " n=$(cat \"$STUBS/old\" 2>/dev/null || echo 0); echo $((n + 1)) > \"$STUBS/old\"; [ \"$n\" -ge 2 ] || exit 254;;"
                        + " *describe-db-instances*) echo value;; esac");
        var kept = sh.run("restore-database.sh", "no\n", Map.of(), "prod", "--time", "2026-12-01T03:00:00Z");
        assertEquals(1, kept.exit());
        var restore = kept.of("aws").stream()
                .filter(c -> c.args().contains("restore-db-instance-to-point-in-time"))
                .findFirst()
                .orElseThrow()
                .args();
        var groups = restore.indexOf("--vpc-security-group-ids");
        assertEquals(List.of("sg-1", "sg-2"), restore.subList(groups + 1, groups + 3), "one argument per group");
        assertEquals(
                2,
                kept.lines("aws").stream()
                        .filter(
                                l -> l.equals(
                                        "aws rds wait db-instance-available --db-instance-identifier tutors-prod-postgres-restored"))
                        .count(),
                "waited again after the CLI's waiter gave up");
        assertTrue(
                kept.lines("aws").stream().noneMatch(l -> l.contains("modify-db-instance")),
                "nothing renamed without 'swap'");
        assertTrue(
                kept.lines("aws").stream()
                        .anyMatch(l -> l.startsWith("aws rds restore-db-instance-to-point-in-time "
                                        + "--source-db-instance-identifier tutors-prod-postgres --target-db-instance-identifier tutors-prod-postgres-restored "
                                        + "--restore-time 2026-12-01T03:00:00Z")
                                && l.contains(" --multi-az ")
                                && l.contains("Key=Environment,Value=prod")),
                kept.lines("aws")::toString);
        Files.delete(sh.stubs.resolve("waited"));
        Files.writeString(sh.stubs.resolve("status"), "incompatible-restore");
        var failed = sh.run("restore-database.sh", "swap\n", Map.of(), "prod", "--time", "2026-12-01T03:00:00Z");
        assertEquals(1, failed.exit());
        assertTrue(failed.stderr().contains("is incompatible-restore"), failed.stderr());
        assertTrue(
                failed.lines("aws").stream().noneMatch(l -> l.contains("modify-db-instance")),
                "a failed restore renames nothing");
        Files.delete(sh.stubs.resolve("status"));
        var swapped = sh.run(
                "restore-database.sh",
                "swap\n",
                Map.of("TUTORS_POLL_SECONDS", "0"),
                "prod",
                "--snapshot",
                "rds:tutors-prod-postgres-2026-12-01");
        assertEquals(0, swapped.exit(), swapped.stderr());
        assertPulumiCallsAccepted(swapped);
        var aws = swapped.lines("aws");
        var renameOld = aws.indexOf(
                "aws rds modify-db-instance --db-instance-identifier tutors-prod-postgres --new-db-instance-identifier "
                        + "tutors-prod-postgres-old --apply-immediately");
        var renameNew = aws.indexOf("aws rds modify-db-instance --db-instance-identifier tutors-prod-postgres-restored "
                + "--new-db-instance-identifier tutors-prod-postgres --apply-immediately");
        assertTrue(renameOld >= 0 && renameNew > renameOld, aws.toString());
        var waitOld =
                aws.indexOf("aws rds wait db-instance-available --db-instance-identifier tutors-prod-postgres-old");
        assertTrue(waitOld > renameOld && waitOld < renameNew, "waits for the old one under its new name: " + aws);
        assertEquals(
                3,
                aws.subList(renameOld, waitOld).stream()
                        .filter(l -> l.equals(
                                "aws rds describe-db-instances --db-instance-identifier tutors-prod-postgres-old"))
                        .count(),
                "polled until it appears");
        var imported = Files.readString(sh.stubs.resolve("imported.json"));
        assertTrue(
                imported.contains("\"id\": \"db-NEW\"") && imported.contains("\"id\": \"tutors-prod-db\""), imported);
        var pulumi = swapped.lines("pulumi");
        assertEquals(
                List.of("stack export", "stack import", "refresh", "up"),
                pulumi.stream()
                        .map(l -> l.split(" ")[1].equals("stack") ? "stack " + l.split(" ")[2] : l.split(" ")[1])
                        .toList());
        assertEquals(
                2,
                aws.stream().filter(l -> l.contains("--force-new-deployment")).count(),
                "tasks holding connections to the old instance are replaced");
    }

    @Test
    void destroyingStagingKeepsItsStackFileAndPausesDeploys() throws Exception {
        var ran = shell(Map.of()).run("destroy-staging.sh", "", Map.of());
        assertEquals(0, ran.exit(), ran.stderr());
        assertPulumiCallsAccepted(ran);
        assertEquals(List.of("gh workflow disable deploy.yml", "gh workflow disable drift.yml"), ran.lines("gh"));
        assertEquals(
                List.of("pulumi destroy --stack staging"),
                ran.lines("pulumi"),
                "no pulumi stack rm: it deletes Pulumi.staging.yaml");
        var guarded = shell(Map.of("tutors:protectData: false", "tutors:protectData: true"))
                .run("destroy-staging.sh", "", Map.of());
        assertEquals(1, guarded.exit());
        assertTrue(guarded.calls().isEmpty(), guarded.calls().toString());
    }
}
