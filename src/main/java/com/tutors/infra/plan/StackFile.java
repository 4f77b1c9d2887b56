package com.tutors.infra.plan;

import com.google.gson.Gson;
import com.tutors.infra.config.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A committed {@code Pulumi.<stack>.yaml}, flattened the way the Pulumi CLI hands config to a
 * program: full keys, scalar values as text, lists and maps as JSON. Encrypted ({@code secure:})
 * values cannot be decrypted here; their keys are listed in {@link #secretKeys()}.
 */
public record StackFile(String stack, Path path, Map<String, String> values, Set<String> secretKeys) {

    /** A stack file that cannot be read as the Pulumi CLI reads it; the message names the file, line and column. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @throws IllegalArgumentException for a stack with no file (the message lists the stacks found)
     * @throws Invalid for a file the CLI would refuse or read differently
     */
    public static StackFile read(Path projectDir, String stack) {
        var path = projectDir.resolve("Pulumi." + stack + ".yaml");
        Object document;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // the CLI refuses them too
            document = new Yaml(
                            new SafeConstructor(options),
                            new Representer(new DumperOptions()),
                            new DumperOptions(),
                            options,
                            new Yaml12Resolver())
                    .load(Files.readString(path));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new Invalid(path.getFileName()
                    + (mark == null ? "" : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
                    + ": " + e.getProblem()
                    + (String.valueOf(e.getProblem()).contains("\\t")
                                    || String.valueOf(e.getMessage()).contains("\\t")
                            ? " (YAML indents with spaces, never tabs)"
                            : ""));
        } catch (YAMLException e) {
            throw new Invalid(path.getFileName() + ": not YAML: " + e.getMessage());
        } catch (NoSuchFileException e) {
            var near = stacksIn(projectDir).stream()
                    .filter(s -> com.tutors.infra.config.Text.distance(s, stack) <= 2)
                    .findFirst()
                    .map(s -> " (did you mean " + s + "?)")
                    .orElse("");
            throw new IllegalArgumentException("unknown stack '" + stack + "'" + near + ": no " + path.getFileName()
                    + " in " + projectDir.toAbsolutePath().normalize() + "; stacks here: "
                    + String.join(", ", stacksIn(projectDir)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
        var values = new LinkedHashMap<String, String>();
        var secrets = new TreeSet<String>();
        if (document instanceof Map<?, ?> top && !top.isEmpty() && !(top.get("config") instanceof Map<?, ?>)) {
            var stray = top.keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> !k.equals("config")
                            && !k.equals("encryptionsalt")
                            && !k.equals("secretsprovider")
                            && !k.equals("encryptedkey")
                            && !k.equals("environment"))
                    .toList();
            if (top.containsKey("config") || !stray.isEmpty()) {
                throw new Invalid(path.getFileName() + ": no 'config:' section"
                        + (stray.isEmpty() ? "" : " (keys at the top level: " + String.join(", ", stray) + ")")
                        + "; allowed: every key under config:, e.g. config:\n  tutors:natMode: instance");
            }
        }
        if (document instanceof Map<?, ?> top && top.get("config") instanceof Map<?, ?> config) {
            var gson = new Gson();
            config.forEach((k, v) -> {
                var key = k.toString().contains(":") ? k.toString() : Keys.PROJECT + ":" + k;
                if (v == null) {
                    throw new Invalid(path.getFileName() + ": " + key
                            + " has an empty value; allowed: a value, or remove the key " + "(pulumi config rm " + key
                            + ")");
                }
                if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                    secrets.add(key);
                } else if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
                    values.put(key, gson.toJson(v));
                } else {
                    values.put(key, String.valueOf(v));
                }
            });
        }
        return new StackFile(stack, path, Map.copyOf(values), Set.copyOf(secrets));
    }

    public static Set<String> stacksIn(Path projectDir) {
        var stacks = new TreeSet<String>();
        try (var files = Files.list(projectDir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .forEach(n -> stacks.add(n.substring("Pulumi.".length(), n.length() - ".yaml".length())));
        } catch (IOException e) {
            // No listing: the caller's message just names no stacks.
        }
        return stacks;
    }
}
