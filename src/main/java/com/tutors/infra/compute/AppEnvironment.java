package com.tutors.infra.compute;

import com.pulumi.core.Output;
import com.tutors.infra.core.Ports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The containers' plain environment (docs/app-contract.md): what the backend and the frontend are told at run time. */
final class AppEnvironment {
    private AppEnvironment() {}

    /** The backend's, which its workers, jobs and release tasks share. */
    static Output<Map<String, String>> backend(ComputeArgs args) {
        var names = args.names();
        var site = args.site();
        var artifacts = args.storage();
        return Output.tuple(
                        site.host(),
                        site.url(),
                        artifacts.mediaBucketName(),
                        artifacts.staticBucketName(),
                        artifacts.staticBucketDomain())
                .applyValue(t -> {
                    var env = new LinkedHashMap<String, String>();
                    env.put("DJANGO_SETTINGS_MODULE", "config.settings.production");
                    env.put("ALLOWED_HOSTS", t.t1);
                    env.put("CSRF_TRUSTED_ORIGINS", t.t2);
                    env.put("AWS_STORAGE_BUCKET_NAME", t.t3);
                    env.put("AWS_STATIC_BUCKET_NAME", t.t4);
                    env.put("AWS_S3_REGION_NAME", args.region());
                    env.put("AWS_STATIC_LOCATION", Compute.STATIC_LOCATION);
                    env.put("AWS_MEDIA_LOCATION", Compute.MEDIA_LOCATION);
                    // Behind CloudFront both are served on the domain; without it the static bucket is public
                    // and media stays private, linked with presigned URLs.
                    env.put("AWS_STATIC_CUSTOM_DOMAIN", site.cdnHost().orElse(t.t5));
                    var media = site.mediaThroughCdn() ? site.cdnHost() : Optional.<String>empty();
                    env.put("AWS_MEDIA_CUSTOM_DOMAIN", media.orElse(""));
                    env.put("AWS_MEDIA_QUERYSTRING_AUTH", String.valueOf(media.isEmpty()));
                    args.mail()
                            .ifPresent(mail -> env.putAll(ContainerDefinitions.mailEnvironment(
                                    args.region(), mail.configurationSetName(), mail.defaultFrom())));
                    // The private name the frontend's server-side calls use: the app adds it to ALLOWED_HOSTS.
                    env.put("INTERNAL_API_HOST", PrivatePath.backendHost(names));
                    return env;
                });
    }

    static Output<Map<String, String>> frontend(ComputeArgs args) {
        var names = args.names();
        return args.site()
                .url()
                .applyValue(url -> Map.of(
                        // Server-side code (SSR, route handlers) needs an absolute URL, read at run time; browser
                        // code uses the same-origin NEXT_PUBLIC_API_URL=/api the image was built with.
                        "API_URL",
                        url + "/api",
                        // The same API inside the VPC: no NAT, CDN, WAF or load balancer on a render's way.
                        "API_INTERNAL_URL",
                        PrivatePath.backendUrl(names),
                        "NEXTAUTH_URL",
                        url,
                        // Fargate sets HOSTNAME to the task's name; a Next.js standalone server would bind only to
                        // that.
                        "HOSTNAME",
                        "0.0.0.0",
                        "PORT",
                        String.valueOf(Ports.FRONTEND),
                        // Longer than the ALB's idle timeout, as gunicorn's: the ALB always closes first (no 502s).
                        "KEEP_ALIVE_TIMEOUT",
                        String.valueOf(AppProcesses.frontendKeepAliveMillis(args.keepAliveSeconds()))));
    }
}
