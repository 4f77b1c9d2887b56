package com.tutors.infra.ops;

import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import java.io.PrintStream;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Records the image tag a verified deploy shipped, where the program reads it (SSM
 * {@code /tutors/<stack>/image-tag}): from then on every run that names no tag plans this one.
 */
public final class ImageRecord {
    private final SsmClient ssm;
    private final PrintStream out;

    public ImageRecord(SsmClient ssm, PrintStream out) {
        this.ssm = ssm;
        this.out = out;
    }

    public static String parameter(String stack) {
        var environment = Environment.byId(stack)
                .orElseThrow(() -> new OpsFailure("unknown stack '" + stack + "'; allowed: " + Environment.allowed()));
        return new Naming(environment).imageTagParameter();
    }

    public void record(String stack, String tag) {
        var name = parameter(stack);
        ssm.putParameter(b -> b.name(name)
                .value(tag)
                .type(ParameterType.STRING)
                .overwrite(true)
                .description("Image tag the last verified deploy of " + stack + " shipped (tutors-infra verify)"));
        out.println("recorded " + name + " = " + tag);
    }
}
