package com.tutors.infra.bootstrap;

import com.tutors.infra.core.DomainName;
import com.tutors.infra.core.Environment;
import com.tutors.infra.core.Naming;
import com.tutors.infra.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Both stacks share one account, so a deploy role's whole-service grants ({@code ec2:*} on every VPC,
 * {@code route53:*} on the shared zone...) would reach the other stack. This document takes it back
 * with explicit denies, which no Allow outweighs:
 * <ul>
 * <li>by name: every named resource of a stack has {@code tutors-<stack>-} or {@code /tutors/<stack>/}
 * in its ARN (roles, repositories, clusters, services, task definitions, log groups, alarms, topics,
 * schedules, web ACLs, KMS aliases, buckets, secrets, parameters), and its mail identity is its domain;</li>
 * <li>by tag: what has only a generated id (VPCs, instances, security groups, distributions,
 * certificates, scalable targets, KMS keys) carries the provider's default {@code Environment} tag;
 * a role can neither touch a resource tagged as the other stack nor tag one so;</li>
 * <li>by record name: the shared hosted zone's records under each stack's own domain (and its private
 * namespace) only.</li>
 * </ul>
 * Roles the deploy creates are kept inside their stack by the boundary ({@link AccessPolicies#boundary}).
 */
final class StackIsolation {
    private StackIsolation() {}

    /** Prod promotes the image digests staging verified: the one thing a stack does to another's resources. */
    static final List<String> PROMOTION_READS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImages", "ecr:GetDownloadUrlForLayer");

    /** Route 53's condition key: the names a ChangeResourceRecordSets call touches, lowercase, without the final dot. */
    static final String RECORD_NAMES = "route53:ChangeResourceRecordSetsNormalizedRecordNames";

    /** EC2 actions an alarm could take on any instance in the account through CloudWatch's service-linked role. */
    static final List<String> DESTRUCTIVE_ALARM_ACTIONS =
            List.of("arn:aws:automate:*:ec2:stop", "arn:aws:automate:*:ec2:terminate");

    static String document(Environment stack, BootstrapSettings settings) {
        var a = settings.accountId();
        var others = Arrays.stream(Environment.values()).filter(e -> e != stack).toList();
        var names = new ArrayList<String>();
        for (var o : others) {
            names.add("arn:aws:*:*:" + a + ":*tutors-" + o.id() + "-*");
            names.add("arn:aws:*:*:" + a + ":*/tutors/" + o.id() + "/*");
            names.add("arn:aws:ssm:*:" + a + ":parameter/tutors/" + o.id());
            names.add("arn:aws:s3:::tutors-" + o.id() + "-*");
            names.add("arn:aws:ses:*:" + a + ":identity/" + settings.domains().get(o));
        }
        var tag = "aws:ResourceTag/" + AccessPolicies.STACK_TAG;
        var except = stack.isProduction() ? PROMOTION_READS : List.<String>of();
        var otherIds = others.stream().map(Environment::id).toList();
        var doc = PolicyDocument.create()
                .denyAllBut("NotTheOtherStacksNamedResources", except, names, null)
                .denyAllBut(
                        "NotTheOtherStacksTaggedResources",
                        except,
                        List.of("*"),
                        Map.of("StringEquals", Map.of(tag, otherIds)))
                .denyAllBut(
                        "NothingTaggedAsTheOtherStack",
                        List.of(),
                        List.of("*"),
                        Map.of("StringEquals", Map.of("aws:RequestTag/" + AccessPolicies.STACK_TAG, otherIds)));
        var domain = settings.domains().get(stack);
        // Its domain, and its private namespace's (Cloud Map keeps that zone's records; the deploy creates the zone).
        var own = new ArrayList<>(under(domain));
        own.addAll(under(new Naming(stack).internalDomain()));
        doc.statement(
                "RecordsOnlyUnderTheStacksDomain",
                "Deny",
                null,
                List.of("route53:ChangeResourceRecordSets"),
                List.of("*"),
                Map.of("ForAnyValue:StringNotLike", Map.of(RECORD_NAMES, own)));
        // Staging's name may live in prod's zone, under prod's domain: prod keeps off that subtree.
        var nested = new ArrayList<String>();
        others.stream()
                .map(settings.domains()::get)
                .filter(d -> DomainName.within(d, domain) && !d.equals(domain))
                .forEach(d -> nested.addAll(under(d)));
        if (!nested.isEmpty()) {
            doc.statement(
                    "NotTheOtherStacksRecords",
                    "Deny",
                    null,
                    List.of("route53:ChangeResourceRecordSets"),
                    List.of("*"),
                    Map.of("ForAnyValue:StringLike", Map.of(RECORD_NAMES, nested)));
        }
        // The public zone is the team's (made by hand, looked up by the program): no deploy unsigns it. Deleting it
        // needs it empty, and neither role may delete the other's records; the private namespaces' zones the deploys
        // do create and delete (through Cloud Map), so DeleteHostedZone itself stays allowed.
        doc.statement(
                "TheZoneStaysSigned",
                "Deny",
                null,
                List.of(
                        "route53:DeactivateKeySigningKey",
                        "route53:DeleteKeySigningKey",
                        "route53:DisableHostedZoneDNSSEC",
                        "route53:UpdateHostedZoneComment"),
                List.of("*"),
                null);
        // SES's v1 API shares the ses: prefix but has no resources to deny by; the program uses v2 only.
        doc.statement(
                "NoSesV1",
                "Deny",
                null,
                List.of("ses:*"),
                List.of("*"),
                Map.of("StringEquals", Map.of("ses:ApiVersion", "1")));
        // An alarm's dimensions cannot be conditioned: no alarm may stop or terminate an instance (the NAT alarms
        // reboot).
        doc.statement(
                "NoAlarmStopsOrTerminatesAnInstance",
                "Deny",
                null,
                List.of("cloudwatch:PutMetricAlarm"),
                List.of("*"),
                Map.of("ForAnyValue:StringLike", Map.of("cloudwatch:AlarmActions", DESTRUCTIVE_ALARM_ACTIONS)));
        return doc.json();
    }

    /** The domain and every name under it, as IAM patterns. */
    static List<String> under(String domain) {
        return List.of(domain, "*." + domain);
    }
}
