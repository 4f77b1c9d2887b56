package com.tutors.infra.network;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.inputs.InstanceMaintenanceOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.tutors.infra.blocks.ServiceRoles;
import com.tutors.infra.core.Naming;
import com.tutors.infra.policy.PolicyDocument;
import java.util.Map;

/**
 * The NAT instances of {@code natMode=instance} (one) and {@code instance-per-az} (one per AZ):
 * Amazon Linux 2023 on Graviton, made a NAT router at boot. AL2023 has no NAT AMI, so user data
 * turns on forwarding and masquerading.
 */
public final class NatInstance {
    private NatInstance() {}

    public static final String INSTANCE_TYPE = "t4g.nano";
    static final int REBOOT_AFTER_MINUTES = 3;

    /** What Session Manager needs on the instance (the SSM agent ships with AL2023). */
    public static final String SSM_MANAGED_POLICY = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    /** Public SSM parameter with the newest AL2023 arm64 AMI of the region. */
    public static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";

    /**
     * Forwarding is on before anything else (the private routes point here as soon as the instance
     * exists); the package install waits for the Elastic IP; the rules are saved with iptables-save
     * into the file the iptables service restores at boot (AL2023's `service iptables save` refuses,
     * and the package's default file ends in a FORWARD REJECT); then it checks what it set, and only
     * then installs the AMI's pending security updates (egress first: the tasks wait on it).
     */
    public static final String USER_DATA = """
            #!/bin/bash
            set -euo pipefail
            echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf
            sysctl --system
            # dnf is OOM-killed on 512 MiB without swap.
            if [ ! -f /swapfile ]; then
              dd if=/dev/zero of=/swapfile bs=1M count=512 status=none
              chmod 600 /swapfile
              mkswap /swapfile
            fi
            swapon /swapfile 2>/dev/null || true
            grep -q '^/swapfile' /etc/fstab || echo '/swapfile none swap defaults 0 0' >> /etc/fstab
            # The Elastic IP is attached only after the instance exists: until then there is no way
            # out to the package mirrors, so wait for it rather than fail.
            for attempt in $(seq 1 60); do
              dnf install -y iptables-services && break
              sleep 10
            done
            rpm -q iptables-services
            iface=$(ip -o route show default | awk '{print $5}')
            iptables -t nat -C POSTROUTING -o "$iface" -j MASQUERADE 2>/dev/null \\
              || iptables -t nat -A POSTROUTING -o "$iface" -j MASQUERADE
            iptables -P FORWARD ACCEPT
            iptables -F FORWARD
            iptables-save > /etc/sysconfig/iptables
            systemctl enable --now iptables
            iptables -t nat -S POSTROUTING | grep -q -- '-j MASQUERADE'
            if iptables -S FORWARD | grep -q REJECT; then exit 1; fi
            # Forwarding works; now the AMI's pending security fixes (a failure leaves NAT working).
            dnf -y upgrade --security || echo 'security updates failed: replace the instance to retry'
            """;

    /** Where the private routes point, and the fixed address the internet sees. */
    record Egress(Output<String> networkInterfaceId, Output<String> publicIp) {}

    /**
     * What every NAT instance of the stack shares: its security group, its instance profile, its AMI.
     *
     * @param pinned the AMI is the stack's choice (natAmi): a new one replaces the instances
     */
    record Shared(Output<String> securityGroupId, Output<String> profileName, Output<String> ami, boolean pinned) {}

    static Shared shared(Resource parent, Naming names, String vpcCidr, Vpc vpc, java.util.Optional<String> pinnedAmi) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var sg = new SecurityGroup(
                names.name("sg-nat"),
                SecurityGroupArgs.builder()
                        .name(names.name("sg-nat"))
                        .description("NAT instance: forwards traffic from inside the VPC to the internet")
                        .vpcId(vpc.id())
                        .revokeRulesOnDelete(true)
                        .tags(names.nameTag("sg-nat"))
                        .build(),
                child);
        new SecurityGroupIngressRule(
                names.name("sg-nat-in-vpc"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .ipProtocol("-1")
                        .cidrIpv4(vpcCidr)
                        .description("Everything from inside the VPC, to be forwarded")
                        .build(),
                child);
        new SecurityGroupEgressRule(
                names.name("sg-nat-out-ipv4"),
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .ipProtocol("-1")
                        .cidrIpv4(SecurityRules.ANY_IPV4)
                        .description("Forwarded traffic to the internet")
                        .build(),
                child);
        // Pinned: no look-up. Unset: the latest, looked up once for all the instances.
        var ami = pinnedAmi
                .map(Output::of)
                .orElseGet(() -> SsmFunctions.getParameter(
                                GetParameterArgs.builder().name(AMI_PARAMETER).build(),
                                new InvokeOptions(parent, null, null))
                        .applyValue(p -> p.value()));
        // Session Manager, so a NAT that fails to boot can be looked at without SSH or an open port.
        var role = ServiceRoles.assumedBy(
                names,
                "nat",
                "NAT instance: Session Manager only",
                PolicyDocument.serviceTrust("Ec2AssumesTheRole", "ec2.amazonaws.com"),
                child);
        new RolePolicyAttachment(
                names.name("nat-ssm"),
                RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(SSM_MANAGED_POLICY)
                        .build(),
                child);
        var profile = new InstanceProfile(
                names.name("nat"),
                InstanceProfileArgs.builder()
                        .name(names.name("nat"))
                        .role(role.name())
                        .build(),
                child);
        return new Shared(sg.id(), profile.name(), ami, pinnedAmi.isPresent());
    }

    /** One NAT router named {@code part} in {@code subnet}, with its Elastic IP and its recovery alarms. */
    static Egress router(
            Resource parent,
            Naming names,
            String part,
            Subnet subnet,
            Shared shared,
            String region,
            CustomResourceOptions afterIgw) {
        var instance = new Instance(
                names.name(part),
                InstanceArgs.builder()
                        .ami(shared.ami())
                        .iamInstanceProfile(shared.profileName())
                        .instanceType(INSTANCE_TYPE)
                        .subnetId(subnet.id())
                        .vpcSecurityGroupIds(Output.all(shared.securityGroupId()))
                        .sourceDestCheck(false) // it forwards packets that are not addressed to it
                        .userData(USER_DATA)
                        .userDataReplaceOnChange(true)
                        .metadataOptions(InstanceMetadataOptionsArgs.builder()
                                .httpEndpoint("enabled")
                                .httpTokens("required")
                                .build())
                        .maintenanceOptions(InstanceMaintenanceOptionsArgs.builder()
                                .autoRecovery("default")
                                .build())
                        .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                                .encrypted(true)
                                .volumeType("gp3")
                                .build())
                        .tags(names.nameTag(part))
                        .build(),
                // Looked up: a newer AMI must not replace the router under running tasks on an ordinary
                // `pulumi up`. Pinned (natAmi): the stack's choice, and a new one replaces it (patching).
                shared.pinned()
                        ? CustomResourceOptions.builder().parent(parent).build()
                        : CustomResourceOptions.builder()
                                .parent(parent)
                                .ignoreChanges("ami")
                                .build());
        var child = CustomResourceOptions.builder().parent(parent).build();
        // Self-healing without replacement, so the instance keeps its id, its network interface (the
        // route's target) and its Elastic IP. A failed system status check (the host) is EC2's simplified
        // automatic recovery, set above so a change of the account default cannot turn it off (a
        // CloudWatch recover alarm would switch it off, so there is none). A failed instance status
        // check (a hung kernel, memory exhausted) for 3 minutes is this alarm's reboot. Status checks
        // are free one-minute metrics.
        new MetricAlarm(
                names.name(part + "-reboot"),
                MetricAlarmArgs.builder()
                        .name(names.name(part + "-reboot"))
                        .alarmDescription(com.tutors.infra.core.Runbook.alarm(
                                names.name(part) + ": StatusCheckFailed_Instance for 3 minutes; EC2 reboots the "
                                        + "instance (same id, address and route)"))
                        .namespace("AWS/EC2")
                        .metricName("StatusCheckFailed_Instance")
                        .dimensions(instance.id().applyValue(id -> Map.of("InstanceId", id)))
                        .statistic("Maximum")
                        .period(60)
                        .evaluationPeriods(REBOOT_AFTER_MINUTES)
                        .datapointsToAlarm(REBOOT_AFTER_MINUTES)
                        .threshold(1.0)
                        .comparisonOperator("GreaterThanOrEqualToThreshold")
                        .treatMissingData("missing")
                        .alarmActions("arn:aws:automate:" + region + ":ec2:reboot")
                        .tags(names.nameTag(part + "-reboot"))
                        .build(),
                child);
        // A fixed egress address survives instance replacement (third parties may allow-list it).
        var eip = new Eip(
                names.name(part),
                EipArgs.builder()
                        .domain("vpc")
                        .instance(instance.id())
                        .tags(names.nameTag(part))
                        .build(),
                afterIgw);
        return new Egress(instance.primaryNetworkInterfaceId(), eip.publicIp());
    }
}
