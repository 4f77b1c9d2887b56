package com.tutors.infra.bootstrap;

import com.tutors.infra.plan.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bootstrap stack's key table in docs/ci-cd.md, generated from {@link BootstrapSettings#KEYS} and the
 * committed {@code bootstrap/Pulumi.account.yaml}:
 * {@code java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs} rewrites it.
 */
public final class BootstrapDocs {
    private BootstrapDocs() {}

    public static final String START =
            "<!-- bootstrap-keys:start (generated: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs) -->";
    public static final String END = "<!-- bootstrap-keys:end -->";

    public static final String ROLES_START =
            "<!-- ci-roles:start (generated: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs) -->";
    public static final String ROLES_END = "<!-- ci-roles:end -->";

    /** The CI roles from {@link CiRole}: who may assume each (GitHub's subject), where its ARN goes, what it may do. */
    public static String roles() {
        var out = new StringBuilder(ROLES_START
                + "\n| Role | `sub` after `repo:<owner>/<repo>:` | Its ARN goes in | May |\n|---|---|---|---|\n");
        for (var role : CiRole.values()) {
            var stack = role.stack().id();
            var may = role.deploys()
                    ? "`pulumi up` of " + stack + " (the deploy roles, below), kept off the other stack"
                            + (role.stack().isProduction() ? "; pulls staging's images to promote them" : "")
                    : "`pulumi preview` of " + stack
                            + ": AWS ReadOnlyAccess without data reads (objects, log events, image "
                            + "layers), " + stack + "'s state (read, lock files), key (decrypt) and secret values"
                            + (role.stack().isProduction() ? "" : "; never prod's state");
            out.append("| `")
                    .append(role.roleName())
                    .append("` | `")
                    .append(role.subject())
                    .append("` | ")
                    .append(role.secret())
                    .append(" | ")
                    .append(may)
                    .append(" |\n");
        }
        return out.append(ROLES_END).append("\n").toString();
    }

    public static final String GITHUB_START =
            "<!-- github:start (generated: java -cp target/tutors-infra-bootstrap.jar com.tutors.infra.bootstrap.BootstrapDocs) -->";
    public static final String GITHUB_END = "<!-- github:end -->";

    /**
     * What to set in GitHub: the backend URL and each role's ARN where the workflows read them (the
     * bootstrap's {@code githubSecrets} output has the values), then the settings that are not secrets.
     */
    public static String github() {
        var out = new StringBuilder(GITHUB_START + "\n| Where | Name | What |\n|---|---|---|\n");
        out.append(
                        "| Repository secret | `PULUMI_BACKEND_URL` | the state backend (the bootstrap's `backendUrl`), e.g. ")
                .append("`s3://tutors-pulumi-state-<account>?region=eu-central-1` |\n");
        for (var role : CiRole.values()) {
            // "environment staging: AWS_ROLE_ARN", or "repository secret AWS_PREVIEW_ROLE_ARN"
            var secret = role.secret();
            var colon = secret.indexOf(':');
            var where = colon > 0 ? secret.substring(0, colon) + " secret" : "repository secret";
            var name = colon > 0 ? secret.substring(colon + 1).strip() : secret.substring(secret.lastIndexOf(' ') + 1);
            out.append("| ")
                    .append(Character.toUpperCase(where.charAt(0)))
                    .append(where.substring(1))
                    .append(" | `")
                    .append(name)
                    .append("` | `")
                    .append(role.roleName())
                    .append("`: ")
                    .append(role.deploys() ? "`pulumi up` of " : "`pulumi preview` of ")
                    .append(role.stack().id())
                    .append(
                            role == CiRole.PROD_DEPLOY
                                    ? "; give the environment required reviewers (on a private "
                                            + "repository this needs a paid plan; otherwise restrict who can push to `main`)"
                                    : "")
                    .append(" |\n");
        }
        out.append(
                        "| Every environment | Deployment branches | **Selected branches: `main` only**, so a PR job that names an ")
                .append("environment gets neither its secrets nor its OIDC subject |\n")
                .append(
                        "| Repository secret (optional) | `APP_REPOSITORY_TOKEN` | read token when the app lives in another, ")
                .append("private repository |\n")
                .append("| `deploy-stack.yml` / `pull-request.yml` `env` | **`APP_REPOSITORY`**, `BACKEND_CONTEXT`, ")
                .append(
                        "`FRONTEND_CONTEXT`, `AWS_REGION`, `PULUMI_VERSION` | where the Dockerfiles are (**this repository ")
                .append("holds no app: set it**), region, CLI version (image platforms come from the stack files) |\n");
        return out.append(GITHUB_END).append("\n").toString();
    }

    /** @param committed the account file's values */
    public static String table(Map<String, String> committed) {
        var out = new StringBuilder(
                START + "\n| Key | What | Allowed | Default | Committed (example account) |\n|---|---|---|---|---|\n");
        for (var key : BootstrapSettings.KEYS) {
            var value = committed.get(key.fullName());
            out.append("| `")
                    .append(key.fullName())
                    .append("` | ")
                    .append(key.description().replace("|", "\\|"))
                    .append(" | ")
                    .append(
                            key.rule() == null
                                    ? "as the meaning says"
                                    : key.rule().allowed())
                    .append(" | ")
                    .append(
                            BootstrapSettings.REQUIRED.contains(key)
                                    ? "(required)"
                                    : key.defaultValue() == null ? "unset" : "`" + key.defaultValue() + "`")
                    .append(" | ")
                    .append(value == null ? "" : "`" + value + "`")
                    .append(" |\n");
        }
        return out.append(END).append("\n").toString();
    }

    public static void main(String[] args) throws IOException {
        var dir = Path.of(args.length > 0 ? args[0] : ".");
        var doc = dir.resolve("docs/ci-cd.md");
        var text = Files.readString(doc);
        int a = text.indexOf(START);
        int b = text.indexOf(END, a);
        var table = table(StackFile.read(dir.resolve("bootstrap"), "account").values());
        text = text.substring(0, a) + table + text.substring(b + END.length() + 1);
        int c = text.indexOf(ROLES_START);
        int d = text.indexOf(ROLES_END, c);
        text = text.substring(0, c) + roles() + text.substring(d + ROLES_END.length() + 1);
        int e = text.indexOf(GITHUB_START);
        int f = text.indexOf(GITHUB_END, e);
        Files.writeString(doc, text.substring(0, e) + github() + text.substring(f + GITHUB_END.length() + 1));
    }
}
