package com.tutors.infra.plan;

import com.pulumi.test.Mocks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for AWS under the mock engine: every resource gets realistic computed outputs (ids,
 * ARNs, addresses) derived from its name, so the same program gives the same plan every time and
 * nothing downstream sees nulls. Unknown invokes fail loudly rather than return nothing.
 */
public final class CloudMocks implements Mocks {
    public static final String ACCOUNT_ID = "123456789012";

    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
            Map.entry("aws:ec2/route:Route", "r-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
            Map.entry("aws:ec2/instance:Instance", "i-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr-"),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "sgr-"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"));

    private static final Set<String> ARN_IDS = Set.of(
            "aws:lb/loadBalancer:LoadBalancer",
            "aws:lb/targetGroup:TargetGroup",
            "aws:lb/listener:Listener",
            "aws:lb/listenerRule:ListenerRule",
            "aws:acm/certificate:Certificate",
            "aws:ecs/service:Service",
            "aws:ecs/cluster:Cluster");

    private final String defaultRegion;
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

    private final Map<String, String> parameters;

    /** @param parameters the SSM parameters the account holds, by name (offline: none unless a test or --set says) */
    public CloudMocks(String region, Map<String, String> parameters) {
        this.defaultRegion = region;
        this.parameters = new TreeMap<>(parameters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs == null ? Map.of() : args.inputs);
        if (args.type.startsWith("pulumi:providers:")) {
            var providerId = hex(args.name, 32);
            providerRegions.put(providerId, String.valueOf(state.getOrDefault("region", defaultRegion)));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(providerId), state));
        }
        // A resource is in its provider's region (CloudFront's certificate is in us-east-1).
        var region = args.provider == null || !args.provider.contains("::")
                ? defaultRegion
                : providerRegions.getOrDefault(
                        args.provider.substring(args.provider.lastIndexOf("::") + 2), defaultRegion);
        if (!args.type.startsWith("aws:")) {
            // A component resource: no id, and its outputs are its fields.
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), state));
        }
        var prefix = ID_PREFIXES.get(args.type);
        String id = prefix != null ? prefix + hex(args.name, 17) : args.name;
        state.put("arn", arn(args.type, id, region));
        switch (args.type) {
            case "aws:ec2/vpc:Vpc" -> {
                if (Boolean.TRUE.equals(args.inputs.get("assignGeneratedIpv6CidrBlock"))) {
                    state.put("ipv6CidrBlock", "2a05:d014:" + hex(args.name, 3) + ":a00::/56");
                }
                state.put("defaultSecurityGroupId", "sg-" + hex(args.name + "/default", 17));
                state.put("defaultNetworkAclId", "acl-" + hex(args.name + "/default", 17));
            }
            case "aws:ec2/instance:Instance" -> {
                state.put("primaryNetworkInterfaceId", "eni-" + hex(args.name, 17));
                state.put("privateIp", "10.0.1.10");
            }
            case "aws:ec2/eip:Eip" -> {
                state.put("allocationId", id);
                state.put("publicIp", "198.51.100." + (Math.abs(args.name.hashCode()) % 250 + 1));
            }
            case "aws:rds/instance:Instance" -> {
                var host =
                        args.inputs.get("identifier") + ".c" + hex(args.name, 11) + "." + region + ".rds.amazonaws.com";
                state.put("address", host);
                state.put("endpoint", host + ":" + args.inputs.get("port"));
                state.put("arn", "arn:aws:rds:" + region + ":" + ACCOUNT_ID + ":db:" + args.inputs.get("identifier"));
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                var id2 = args.inputs.get("replicationGroupId");
                state.put(
                        "primaryEndpointAddress",
                        "master." + id2 + "." + hex(args.name, 6) + ".euc1.cache.amazonaws.com");
                state.put(
                        "readerEndpointAddress",
                        "replica." + id2 + "." + hex(args.name, 6) + ".euc1.cache.amazonaws.com");
                state.put("arn", "arn:aws:elasticache:" + region + ":" + ACCOUNT_ID + ":replicationgroup:" + id2);
                // ElastiCache names the member clusters <group>-001 ... and reports them as a set (any order).
                int members = args.inputs.get("numCacheClusters") instanceof Number n ? n.intValue() : 1;
                var clusters = new ArrayList<String>();
                for (int i = members; i >= 1; i--) {
                    clusters.add(id2 + "-" + String.format("%03d", i));
                }
                state.put("memberClusters", clusters);
            }
            case "aws:secretsmanager/secret:Secret" -> {
                // Secrets Manager appends six random characters to the name.
                var arn = "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:" + args.inputs.get("name")
                        + "-" + hex(args.name, 6);
                state.put("arn", arn);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(arn), state));
            }
            // A new value is a new version (the resource is replaced); its id is AWS's, a UUID.
            case "aws:secretsmanager/secretVersion:SecretVersion" -> {
                var h = hex(args.name + "/version", 32);
                state.put(
                        "versionId",
                        h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                                + h.substring(16, 20) + "-" + h.substring(20));
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                var bucket = (String) args.inputs.get("bucket");
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(bucket), state));
            }
            case "aws:ecr/repository:Repository" -> {
                var repo = (String) args.inputs.get("name");
                state.put("repositoryUrl", ACCOUNT_ID + ".dkr.ecr." + region + ".amazonaws.com/" + repo);
                state.put("arn", "arn:aws:ecr:" + region + ":" + ACCOUNT_ID + ":repository/" + repo);
                state.put("registryId", ACCOUNT_ID);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(repo), state));
            }
            case "aws:sesv2/emailIdentity:EmailIdentity" -> {
                var identity = String.valueOf(args.inputs.get("emailIdentity"));
                state.put("arn", "arn:aws:ses:" + region + ":" + ACCOUNT_ID + ":identity/" + identity);
                var dkim = new HashMap<String, Object>(
                        args.inputs.get("dkimSigningAttributes") instanceof Map<?, ?> m
                                ? (Map<String, Object>) m
                                : Map.of());
                // Easy DKIM: three tokens of 32 characters
                dkim.put(
                        "tokens",
                        List.of(hex(identity + "#1", 32), hex(identity + "#2", 32), hex(identity + "#3", 32)));
                state.put("dkimSigningAttributes", dkim);
            }
            case "aws:sesv2/configurationSet:ConfigurationSet" ->
                state.put(
                        "arn",
                        "arn:aws:ses:" + region + ":" + ACCOUNT_ID + ":configuration-set/"
                                + args.inputs.get("configurationSetName"));
            case "aws:ecs/cluster:Cluster", "aws:ecs/service:Service" ->
                state.put("arn", arn(args.type, (String) args.inputs.get("name"), region));
            case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" -> {
                state.put(
                        "arn",
                        "arn:aws:servicediscovery:" + region + ":" + ACCOUNT_ID + ":namespace/ns-"
                                + hex(args.name, 16));
                state.put("hostedZone", "Z" + hex(args.name, 20).toUpperCase());
            }
            case "aws:servicediscovery/service:Service" ->
                state.put(
                        "arn",
                        "arn:aws:servicediscovery:" + region + ":" + ACCOUNT_ID + ":service/srv-" + hex(args.name, 16));
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                var family =
                        "arn:aws:ecs:" + region + ":" + ACCOUNT_ID + ":task-definition/" + args.inputs.get("family");
                state.put("arn", family + ":1");
                state.put("arnWithoutRevision", family);
                state.put("revision", 1);
            }
            case "aws:iam/role:Role" -> {
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + args.inputs.get("name"));
                return CompletableFuture.completedFuture(
                        ResourceResult.of(Optional.of((String) args.inputs.get("name")), state));
            }
            case "aws:iam/policy:Policy" -> {
                var arn = "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + args.inputs.get("name");
                state.put("arn", arn);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(arn), state));
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> {
                var arn = "arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/"
                        + String.valueOf(args.inputs.get("url")).replaceFirst("^https://", "");
                state.put("arn", arn);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(arn), state));
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                var suffix = "app/" + args.inputs.get("name") + "/" + hex(args.name, 16);
                state.put(
                        "arn", "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":loadbalancer/" + suffix);
                state.put("arnSuffix", suffix);
                state.put(
                        "dnsName",
                        args.inputs.get("name") + "-" + Math.abs(args.name.hashCode()) + "." + region
                                + ".elb.amazonaws.com");
                state.put("zoneId", "Z215JYRZR1TBD5"); // ALBs' hosted zone in eu-central-1
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                var suffix = "targetgroup/" + args.inputs.get("name") + "/" + hex(args.name, 16);
                state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT_ID + ":" + suffix);
                state.put("arnSuffix", suffix);
            }
            case "aws:acm/certificate:Certificate" -> {
                // The apex and its wildcard are validated by one and the same record.
                var domain = (String) args.inputs.get("domainName");
                var record = "_" + hex(domain, 32) + "." + domain + ".";
                var options = new ArrayList<Map<String, Object>>();
                for (var name : new String[] {domain, "*." + domain}) {
                    options.add(Map.of(
                            "domainName",
                            name,
                            "resourceRecordName",
                            record,
                            "resourceRecordType",
                            "CNAME",
                            "resourceRecordValue",
                            "_" + hex(record, 32) + ".acm-validations.aws."));
                }
                state.put("domainValidationOptions", options);
                state.put(
                        "arn",
                        "arn:aws:acm:" + region + ":" + ACCOUNT_ID + ":certificate/"
                                + UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8)));
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                var distribution = "E" + hex(args.name, 13).toUpperCase();
                state.put("domainName", "d" + hex(args.name, 13) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
                state.put("arn", "arn:aws:cloudfront::" + ACCOUNT_ID + ":distribution/" + distribution);
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(distribution), state));
            }
            case "aws:cloudfront/cachePolicy:CachePolicy", "aws:cloudfront/originAccessControl:OriginAccessControl" ->
                id = UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8))
                        .toString();
            case "aws:wafv2/webAcl:WebAcl" -> {
                id = UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8))
                        .toString();
                var scope = "CLOUDFRONT".equals(args.inputs.get("scope")) ? "global" : "regional";
                state.put(
                        "arn",
                        "arn:aws:wafv2:" + region + ":" + ACCOUNT_ID + ":" + scope + "/webacl/"
                                + args.inputs.get("name") + "/"
                                + UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8)));
            }
            case "aws:kms/key:Key" -> {
                id = UUID.nameUUIDFromBytes(args.name.getBytes(StandardCharsets.UTF_8))
                        .toString();
                state.put("keyId", id);
                state.put("arn", "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + id);
            }
            case "aws:sns/topic:Topic" ->
                state.put("arn", "arn:aws:sns:" + region + ":" + ACCOUNT_ID + ":" + args.inputs.get("name"));
            case "aws:cloudwatch/logGroup:LogGroup" ->
                state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + args.inputs.get("name"));
            case "aws:route53/record:Record" ->
                state.put("fqdn", String.valueOf(args.inputs.get("name")).replaceAll("\\.$", ""));
            default -> {}
        }
        // As in AWS, these resources' ids are their ARNs.
        if (ARN_IDS.contains(args.type)) {
            id = (String) state.get("arn");
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    private final Map<String, Integer> invokes = new ConcurrentHashMap<>();

    /** How often the program invoked each function (data source). */
    public Map<String, Integer> invokes() {
        return new TreeMap<>(invokes);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.merge(args.token, 1, Integer::sum);
        return CompletableFuture.completedFuture(MockInvokes.answer(args, defaultRegion, parameters));
    }

    private static String arn(String type, String id, String region) {
        // aws:ec2/vpc:Vpc -> arn:aws:ec2:<region>:<account>:vpc/<id>
        var module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        var resource =
                type.substring(type.indexOf('/') + 1, type.lastIndexOf(':')).toLowerCase();
        return "arn:aws:" + module + ":" + region + ":" + ACCOUNT_ID + ":" + resource + "/" + id;
    }

    /** Deterministic hex digits from a name, like AWS's random ids. */
    static String hex(String name, int digits) {
        var hex = new StringBuilder();
        int salt = 0;
        while (hex.length() < digits) {
            hex.append(UUID.nameUUIDFromBytes((name + "#" + salt++).getBytes(StandardCharsets.UTF_8))
                    .toString()
                    .replace("-", ""));
        }
        return hex.substring(0, digits);
    }
}
