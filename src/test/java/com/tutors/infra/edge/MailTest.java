package com.tutors.infra.edge;

import static com.tutors.infra.StackRuns.idOf;
import static com.tutors.infra.StackRuns.named;
import static com.tutors.infra.StackRuns.ofType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.sesv2.ConfigurationSet;
import com.pulumi.aws.sesv2.ConfigurationSetEventDestination;
import com.pulumi.aws.sesv2.EmailIdentity;
import com.pulumi.aws.sesv2.EmailIdentityMailFromAttributes;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.tutors.infra.StackRuns;
import com.tutors.infra.plan.OfflineRun;
import com.tutors.infra.plan.diff.PlanDiff;
import com.tutors.infra.plan.diff.ReplaceRules;
import com.tutors.infra.plan.model.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The marketplace's mail: SES v2 with Easy DKIM, a MAIL FROM domain, DMARC, events and a scoped send permission. */
class MailTest {
    private static final String DOMAIN = "tutors.example.com";

    private static OfflineRun.Result prod() {
        return StackRuns.succeeded(StackRuns.committed("prod"));
    }

    private static Map<String, PlannedResource> records(OfflineRun.Result run) {
        return ofType(run, Record.class).stream().collect(Collectors.toMap(PlannedResource::name, r -> r));
    }

    @Test
    void theDomainIsAnIdentityWithEasyDkimAndItsConfigurationSet() {
        var run = prod();
        var identity = named(run, EmailIdentity.class, "tutors-prod-mail");
        assertEquals(DOMAIN, identity.input("emailIdentity"));
        assertEquals("RSA_2048_BIT", identity.input("dkimSigningAttributes.nextSigningKeyLength"));
        assertEquals("tutors-prod-mail", identity.input("configurationSetName"), "every message goes through the set");
        var set = named(run, ConfigurationSet.class, "tutors-prod-mail");
        assertEquals("tutors-prod-mail", set.input("configurationSetName"));
        assertEquals(true, set.input("reputationOptions.reputationMetricsEnabled"), "the rate alarms need them");
        assertEquals("REQUIRE", set.input("deliveryOptions.tlsPolicy"));
        assertEquals(List.of("BOUNCE", "COMPLAINT"), set.input("suppressionOptions.suppressedReasons"));
    }

    @Test
    void dkimSpfAndDmarcRecordsAreInTheZone() {
        var run = prod();
        var records = records(run);
        var identity = (com.pulumi.aws.sesv2.EmailIdentity)
                named(run, EmailIdentity.class, "tutors-prod-mail").resource();
        var tokens = StackRuns.value(identity.dkimSigningAttributes()).tokens();
        assertEquals(3, tokens.size());
        for (int i = 0; i < 3; i++) {
            var dkim = records.get("tutors-prod-dkim-" + (i + 1));
            assertEquals("CNAME", dkim.input("type"));
            assertEquals(tokens.get(i) + "._domainkey." + DOMAIN, dkim.input("name"), "SES's own token, not a guess");
            assertEquals(List.of(tokens.get(i) + ".dkim.amazonses.com"), dkim.input("records"));
        }
        var from = named(run, EmailIdentityMailFromAttributes.class, "tutors-prod-mail-from");
        assertEquals("mail." + DOMAIN, from.input("mailFromDomain"));
        assertEquals(DOMAIN, from.input("emailIdentity"));
        assertEquals(
                List.of("10 feedback-smtp.eu-central-1.amazonses.com"),
                records.get("tutors-prod-mail-from-mx").input("records"));
        assertEquals("mail." + DOMAIN, records.get("tutors-prod-mail-from-mx").input("name"));
        assertEquals(
                List.of("\"v=spf1 include:amazonses.com ~all\""),
                records.get("tutors-prod-mail-from-spf").input("records"));
        assertEquals("TXT", records.get("tutors-prod-dmarc").input("type"));
        assertEquals("_dmarc." + DOMAIN, records.get("tutors-prod-dmarc").input("name"));
        assertEquals(
                List.of("\"v=DMARC1; p=none\""),
                records.get("tutors-prod-dmarc").input("records"),
                "none while reports are read");
        var zone = records.get("tutors-prod-dmarc").input("zoneId");
        for (var part : List.of("dkim-1", "dkim-2", "dkim-3", "mail-from-mx", "mail-from-spf")) {
            assertEquals(zone, records.get("tutors-prod-" + part).input("zoneId"), part + " is in the domain's zone");
        }
    }

    @Test
    void dmarcPolicyAndReportsAreSettings() {
        var run = StackRuns.succeeded(StackRuns.with(
                "prod",
                Map.of("tutors:dmarcPolicy", "quarantine", "tutors:dmarcReportEmail", "dmarc@tutors.example.com")));
        assertEquals(
                List.of("\"v=DMARC1; p=quarantine; rua=mailto:dmarc@tutors.example.com\""),
                records(run).get("tutors-prod-dmarc").input("records"));
        var bad = StackRuns.with("prod", Map.of("tutors:dmarcPolicy", "strict", "tutors:dmarcReportEmail", "nobody"));
        assertFalse(bad.succeeded());
        assertTrue(
                bad.problems().stream()
                        .anyMatch(p ->
                                p.contains("tutors:dmarcPolicy = 'strict'") && p.contains("none, quarantine, reject")),
                bad.problems()::toString);
        assertTrue(
                bad.problems().stream().anyMatch(p -> p.contains("tutors:dmarcReportEmail = 'nobody'")),
                bad.problems()::toString);
    }

    @Test
    void theBackendMaySendOnlyAsTheIdentityThroughItsSetFromTheDomain() {
        var run = prod();
        var policy = new Gson()
                .fromJson(
                        (String) named(run, RolePolicy.class, "tutors-prod-backend-task-mail")
                                .input("policy"),
                        Map.class);
        var statement = (Map<?, ?>) ((List<?>) policy.get("Statement")).get(0);
        assertEquals(List.of("ses:SendEmail", "ses:SendRawEmail"), statement.get("Action"));
        assertEquals(
                List.of(
                        "arn:aws:ses:eu-central-1:123456789012:identity/" + DOMAIN,
                        "arn:aws:ses:eu-central-1:123456789012:configuration-set/tutors-prod-mail"),
                statement.get("Resource"));
        assertEquals(Map.of("StringLike", Map.of("ses:FromAddress", "*@" + DOMAIN)), statement.get("Condition"));
        assertTrue(
                ofType(run, RolePolicy.class).stream()
                        .noneMatch(p -> p.name().startsWith("tutors-prod-frontend")
                                && String.valueOf(p.input("policy")).contains("ses:")),
                "the frontend sends no mail");
        // Over the API on 443 through the NAT: SMTP's ports stay closed.
        var taskRules = ofType(run, SecurityGroupEgressRule.class).stream()
                .filter(r -> r.name().startsWith("tutors-prod-sg-ecs-out-"))
                .toList();
        assertEquals(4, taskRules.size(), "443 out, PostgreSQL, Redis and the private path to the backend");
        for (var rule : taskRules) {
            assertEquals("tcp", rule.input("ipProtocol"), rule.name());
            var port = ((Number) rule.input("fromPort")).intValue();
            assertFalse(Set.of(25, 465, 587, 2587).contains(port), rule.name() + " opens an SMTP port");
        }
    }

    @Test
    void bouncesAndComplaintsReachTheAlarmTopicWhichSesMayUse() {
        var run = prod();
        var topic = named(run, Topic.class, "tutors-prod-alarms");
        var topicArn = "arn:aws:sns:eu-central-1:123456789012:topic/" + idOf(topic);
        var destination = named(run, ConfigurationSetEventDestination.class, "tutors-prod-mail-events");
        assertEquals("tutors-prod-mail", destination.input("configurationSetName"));
        assertEquals(
                List.of("BOUNCE", "COMPLAINT", "REJECT", "RENDERING_FAILURE"),
                destination.input("eventDestination.matchingEventTypes"));
        var target = destination.input("eventDestination.snsDestination.topicArn");
        var policy = named(run, TopicPolicy.class, "tutors-prod-alarms-policy");
        assertEquals(target, policy.input("arn"), "the policy is on the topic the events go to");
        assertTrue(destination.dependencies().contains(policy.urn()), "SES may publish before the destination is set");
        var doc = String.valueOf(policy.input("policy"));
        assertTrue(
                doc.contains("\"ses.amazonaws.com\"")
                        && doc.contains("configuration-set/tutors-prod-mail")
                        && doc.contains("\"cloudwatch.amazonaws.com\""),
                doc);
        var key = String.valueOf(named(run, Key.class, "tutors-prod-alarms").input("policy"));
        assertTrue(key.contains("SesPublishesMailEvents"), "SES can encrypt to the topic's key");
        assertFalse(String.valueOf(
                        named(run, Key.class, "tutors-prod-alarms-global").input("policy"))
                .contains("ses.amazonaws.com"));
        assertTrue(topicArn.length() > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging"})
    void noDomainNoMail(String stack) {
        var run = StackRuns.succeeded(StackRuns.with(
                stack, java.util.Collections.unmodifiableMap(new java.util.HashMap<>() {
                    {
                        put("tutors:domain", null);
                        put("tutors:hostedZone", null);
                    }
                })));
        for (var type : List.of(
                EmailIdentity.class,
                ConfigurationSet.class,
                EmailIdentityMailFromAttributes.class,
                ConfigurationSetEventDestination.class,
                TopicPolicy.class)) {
            assertTrue(ofType(run, type).isEmpty(), type.getSimpleName());
        }
        assertTrue(
                ofType(run, RolePolicy.class).stream().noneMatch(p -> p.name().endsWith("-mail")));
        assertTrue(ofType(run, com.pulumi.aws.cloudwatch.MetricAlarm.class).stream()
                .noneMatch(a -> a.name().contains("-mail-")));
    }

    @Test
    void aNewDomainReplacesTheIdentityAndItsRecordsAndKeepsTheConfigurationSet() {
        var before = StackRuns.succeeded(StackRuns.committed("prod")).resources();
        var after = StackRuns.succeeded(StackRuns.with(
                        "prod",
                        Map.of("tutors:domain", "tutors.example.org", "tutors:hostedZone", "tutors.example.org")))
                .resources();
        var diff = PlanDiff.between("before", before, "after", after, ReplaceRules.standard());
        var kinds = diff.changes().stream()
                .collect(Collectors.toMap(c -> c.type() + " " + c.name(), c -> c.kind(), (a, b) -> a));
        assertEquals(PlanDiff.Kind.REPLACE, kinds.get("aws:sesv2/emailIdentity:EmailIdentity tutors-prod-mail"));
        assertEquals(
                PlanDiff.Kind.REPLACE,
                kinds.get(
                        "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes tutors-prod-mail-from"));
        assertEquals(
                null,
                kinds.get("aws:sesv2/configurationSet:ConfigurationSet tutors-prod-mail"),
                "its name is the stack's");
        assertEquals(
                PlanDiff.Kind.UPDATE,
                kinds.get("aws:iam/rolePolicy:RolePolicy tutors-prod-backend-task-mail"),
                "the send permission follows the new identity");
        for (var part : List.of("dmarc", "mail-from-mx", "mail-from-spf")) {
            assertTrue(
                    Set.of(PlanDiff.Kind.REPLACE, PlanDiff.Kind.UPDATE)
                            .contains(kinds.get("aws:route53/record:Record tutors-prod-" + part)),
                    part + ": " + kinds.get("aws:route53/record:Record tutors-prod-" + part));
        }
    }

    @Test
    void aStricterDmarcPolicyTouchesOnlyItsRecord() {
        var before = StackRuns.succeeded(StackRuns.committed("prod")).resources();
        var after = StackRuns.succeeded(StackRuns.with("prod", Map.of("tutors:dmarcPolicy", "reject")))
                .resources();
        var diff = PlanDiff.between("before", before, "after", after, ReplaceRules.standard());
        assertEquals(
                List.of("tutors-prod-dmarc"),
                diff.changes().stream().map(PlanDiff.Change::name).toList());
        assertEquals(PlanDiff.Kind.UPDATE, diff.changes().get(0).kind(), "a TXT value updates in place");
    }

    @Test
    void recordsAsPureData() {
        assertEquals(
                new MailRecords.Record("dkim-2", "abc._domainkey.x.org", "CNAME", List.of("abc.dkim.amazonses.com")),
                MailRecords.dkim(1, "x.org", "abc"));
        assertEquals(
                "\"v=DMARC1; p=reject\"",
                MailRecords.dmarc("x.org", "reject", Optional.empty()).values().get(0));
        assertEquals(
                List.of("10 feedback-smtp.us-west-2.amazonses.com"),
                MailRecords.mailFrom("mail.x.org", "us-west-2").get(0).values());
    }
}
