package com.tutors.infra.plan;

import com.pulumi.test.Mocks.CallArgs;
import java.util.List;
import java.util.Map;

/**
 * The offline answers to the program's invokes (data sources): availability zones, the caller, SSM
 * parameters (the account's recorded ones, none unless a test or --set says), prefix lists and zones,
 * each deterministic. An invoke without an answer fails with what to add.
 */
final class MockInvokes {
    private MockInvokes() {}

    static Map<String, Object> answer(CallArgs args, String defaultRegion, Map<String, String> parameters) {
        return switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" ->
                Map.of(
                        "names", List.of(defaultRegion + "a", defaultRegion + "b", defaultRegion + "c"),
                        "zoneIds", List.of("euc1-az2", "euc1-az3", "euc1-az1"),
                        "id", defaultRegion);
            case "aws:ssm/getParameter:getParameter" ->
                Map.of(
                        "name",
                        args.args.get("name"),
                        "type",
                        "String",
                        "value",
                        "ami-0" + CloudMocks.hex(String.valueOf(args.args.get("name")), 16),
                        "id",
                        args.args.get("name"));
            case "aws:ssm/getParametersByPath:getParametersByPath" -> {
                var path = String.valueOf(args.args.get("path"));
                var names = parameters.keySet().stream()
                        .filter(n -> n.startsWith(path)
                                && (Boolean.TRUE.equals(args.args.get("recursive"))
                                        || n.indexOf('/', path.length()) < 0))
                        .toList();
                yield Map.of(
                        "path",
                        path,
                        "names",
                        names,
                        "values",
                        names.stream().map(parameters::get).toList(),
                        "types",
                        names.stream().map(n -> "String").toList(),
                        "arns",
                        names.stream()
                                .map(n ->
                                        "arn:aws:ssm:" + defaultRegion + ":" + CloudMocks.ACCOUNT_ID + ":parameter" + n)
                                .toList(),
                        "id",
                        path);
            }
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" ->
                Map.of(
                        "id",
                        "pl-" + CloudMocks.hex(String.valueOf(args.args.get("name")), 8),
                        "name",
                        String.valueOf(args.args.get("name")),
                        "maxEntries",
                        55);
            case "aws:route53/getZone:getZone" -> {
                var zone = String.valueOf(args.args.getOrDefault("name", "tutors.example.com"));
                yield Map.of(
                        "zoneId",
                        String.valueOf(args.args.getOrDefault(
                                "zoneId", "Z0" + CloudMocks.hex(zone, 18).toUpperCase())),
                        "name",
                        zone,
                        "id",
                        zone);
            }
            case "aws:index/getCallerIdentity:getCallerIdentity" ->
                Map.of(
                        "accountId",
                        CloudMocks.ACCOUNT_ID,
                        "arn",
                        "arn:aws:iam::" + CloudMocks.ACCOUNT_ID + ":user/offline",
                        "userId",
                        "AIDAOFFLINE",
                        "id",
                        CloudMocks.ACCOUNT_ID);
            default ->
                throw new UnsupportedOperationException("no offline answer for the invoke " + args.token
                        + ": add one to " + MockInvokes.class.getSimpleName());
        };
    }
}
