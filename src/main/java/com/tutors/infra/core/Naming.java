package com.tutors.infra.core;

import java.util.Map;

/**
 * The one naming scheme: {@code tutors-<env>-<part>}. Prod and staging can then share an AWS account
 * without a clash, and a resource's name tells which stack owns it.
 */
public record Naming(Environment environment) {

    /** The Pulumi project, the config namespace and the first part of every name. */
    public static final String PROJECT = "tutors";

    public String name(String part) {
        return PROJECT + "-" + environment.id() + "-" + part;
    }

    /** S3 names are global: an optional suffix makes them unique (validated by the settings). */
    public String bucketName(String part, java.util.Optional<String> suffix) {
        return name(part) + suffix.map(x -> "-" + x).orElse("");
    }

    /** Secrets Manager path of one of the stack's secrets, as the plan names them. */
    public String secretName(String part) {
        return "/" + PROJECT + "/" + environment.id() + "/" + part;
    }

    /** The SSM path of the stack's operational records (written by the deploy, read by the program). */
    public String parameterPath() {
        return "/" + PROJECT + "/" + environment.id() + "/";
    }

    /** The SSM parameter holding the image tag the last verified deploy shipped. */
    public String imageTagParameter() {
        return parameterPath() + "image-tag";
    }

    /**
     * The stack's private DNS namespace (Cloud Map, resolvable only inside its VPC): services reach
     * each other as {@code <service>.tutors-<env>.internal}. ({@code .internal} is reserved for private use.)
     */
    public String internalDomain() {
        return PROJECT + "-" + environment.id() + ".internal";
    }

    /** Tags every taggable resource carries, applied through the provider's default tags. */
    public Map<String, String> defaultTags() {
        return new java.util.TreeMap<>(
                Map.of("Project", PROJECT, "Environment", environment.id(), "ManagedBy", "pulumi"));
    }

    /** The EC2 console shows resources by their Name tag. */
    public Map<String, String> nameTag(String part) {
        return Map.of("Name", name(part));
    }
}
