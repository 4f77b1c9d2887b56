package com.tutors.infra.network;

import static com.tutors.infra.config.KeyReader.require;

import com.google.gson.JsonPrimitive;
import com.tutors.infra.config.Key;
import com.tutors.infra.config.KeyReader;
import com.tutors.infra.config.KeyReader.Invalid;
import com.tutors.infra.config.Keys;
import com.tutors.infra.core.Ipv4Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1's validated inputs. Subnet {@code i} of each list sits in availability zone {@code i}.
 */
public record NetworkSettings(
        Ipv4Cidr vpcCidr,
        List<Ipv4Cidr> publicSubnets,
        List<Ipv4Cidr> privateSubnets,
        NatMode natMode,
        boolean ipv6,
        Optional<String> natAmi) {

    static final int MIN_AZS = 2;
    static final int MAX_AZS = 6;
    // AWS accepts VPC and subnet blocks from /16 to /28.
    static final int LARGEST_PREFIX = 16;
    static final int SMALLEST_PREFIX = 28;
    static final int ALB_SMALLEST_PREFIX = 27;

    public NetworkSettings {
        publicSubnets = List.copyOf(publicSubnets);
        privateSubnets = List.copyOf(privateSubnets);
    }

    public int azCount() {
        return publicSubnets.size();
    }

    /** Reads phase 1's keys; problems go to the reader. */
    public static NetworkSettings read(KeyReader r) {
        var vpc = r.get(Keys.VPC_CIDR, NetworkSettings::cidr);
        var publics = r.get(Keys.PUBLIC_SUBNET_CIDRS, raw -> {
            var list = cidrList(raw);
            for (var subnet : list) {
                // An ALB needs at least a /27 with 8 free addresses in each of its subnets.
                require(
                        subnet.prefix() <= ALB_SMALLEST_PREFIX,
                        "'" + subnet + "' is smaller than /" + ALB_SMALLEST_PREFIX + "; allowed: /" + LARGEST_PREFIX
                                + " to /" + ALB_SMALLEST_PREFIX + " (the load balancer lives there)");
            }
            return list;
        });
        var privates = r.get(Keys.PRIVATE_SUBNET_CIDRS, NetworkSettings::cidrList);
        var nat = r.get(
                Keys.NAT_MODE,
                raw -> NatMode.byId(raw)
                        .orElseThrow(() -> new Invalid("unknown NAT mode; allowed: " + NatMode.allowed())));
        var ipv6 = r.flag(Keys.IPV6);
        if (r.ok(Keys.PUBLIC_SUBNET_CIDRS, Keys.PRIVATE_SUBNET_CIDRS)) {
            if (publics.size() != privates.size()) {
                r.problem(Keys.PRIVATE_SUBNET_CIDRS + ": " + privates.size() + " subnets for " + publics.size()
                        + " public ones; allowed: one private subnet per availability zone, as many as "
                        + Keys.PUBLIC_SUBNET_CIDRS);
            }
            checkNoOverlap(r, publics, privates);
            if (r.ok(Keys.VPC_CIDR)) {
                checkInside(r, vpc, Keys.PUBLIC_SUBNET_CIDRS, publics);
                checkInside(r, vpc, Keys.PRIVATE_SUBNET_CIDRS, privates);
            }
        }
        var ami = r.optional(Keys.NAT_AMI, raw -> {
            KeyReader.require(
                    raw.matches("ami-[0-9a-f]{8}([0-9a-f]{9})?"),
                    "not an AMI id; allowed: ami- and 8 or 17 hex digits " + "(aws ssm get-parameter --name "
                            + NatInstance.AMI_PARAMETER + " --query Parameter.Value)");
            return raw;
        });
        return new NetworkSettings(vpc, publics, privates, nat, ipv6, ami);
    }

    private static void checkInside(KeyReader r, Ipv4Cidr vpc, Key key, List<Ipv4Cidr> subnets) {
        subnets.stream()
                .filter(s -> !vpc.contains(s))
                .forEach(s -> r.problem(key + ": " + s + " is outside the VPC block " + vpc
                        + "; allowed: subnets inside " + Keys.VPC_CIDR));
    }

    private static void checkNoOverlap(KeyReader r, List<Ipv4Cidr> publics, List<Ipv4Cidr> privates) {
        var all = new ArrayList<Ipv4Cidr>(publics);
        all.addAll(privates);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    var key = j < publics.size()
                            ? Keys.PUBLIC_SUBNET_CIDRS
                            : i < publics.size()
                                    ? Keys.PRIVATE_SUBNET_CIDRS + " / " + Keys.PUBLIC_SUBNET_CIDRS
                                    : Keys.PRIVATE_SUBNET_CIDRS;
                    r.problem(key + ": " + all.get(i) + " and " + all.get(j) + " overlap; allowed: disjoint subnets");
                }
            }
        }
    }

    static Ipv4Cidr cidr(String raw) {
        Ipv4Cidr cidr;
        try {
            cidr = Ipv4Cidr.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        require(
                cidr.prefix() >= LARGEST_PREFIX && cidr.prefix() <= SMALLEST_PREFIX,
                "prefix /" + cidr.prefix() + " out of range; allowed: /" + LARGEST_PREFIX + " to /" + SMALLEST_PREFIX);
        return cidr;
    }

    static List<Ipv4Cidr> cidrList(String raw) {
        var json = KeyReader.json(raw);
        require(
                json != null && json.isJsonArray(),
                "not a list; allowed: a list such as [\"10.0.1.0/24\", \"10.0.2.0/24\"] "
                        + "(in the stack file, or: pulumi config set --path 'tutors:key[0]' 10.0.1.0/24)");
        var array = json.getAsJsonArray();
        require(
                array.size() >= MIN_AZS,
                array.size() + " subnet(s); allowed: at least " + MIN_AZS
                        + " (one per availability zone, for the ALB and RDS subnet groups)");
        require(array.size() <= MAX_AZS, array.size() + " subnets; allowed: at most " + MAX_AZS);
        var cidrs = new ArrayList<Ipv4Cidr>();
        for (var element : array) {
            require(
                    element instanceof JsonPrimitive p && p.isString(),
                    "list items must be strings like \"10.0.1.0/24\"");
            var text = element.getAsString();
            try {
                cidrs.add(cidr(text));
            } catch (Invalid e) {
                throw new Invalid("'" + text + "': " + e.getMessage());
            }
        }
        return cidrs;
    }
}
