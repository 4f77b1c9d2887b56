package com.tutors.infra.network;

/**
 * The NAT instance of {@code natMode=instance}: Amazon Linux 2023 on Graviton, made a NAT router
 * at boot. AL2023 has no NAT AMI, so user data turns on forwarding and masquerading.
 */
public final class NatInstance {
    private NatInstance() {
    }

    public static final String INSTANCE_TYPE = "t4g.nano";

    /** Public SSM parameter with the newest AL2023 arm64 AMI of the region. */
    public static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";

    public static final String USER_DATA = """
            #!/bin/bash
            set -euo pipefail
            # The Elastic IP is attached only after the instance exists: until then there is no way
            # out to the package mirrors, so wait for it rather than fail.
            for attempt in $(seq 1 60); do
              dnf install -y iptables-services && break
              sleep 10
            done
            rpm -q iptables-services
            echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf
            sysctl --system
            iface=$(ip -o route show default | awk '{print $5}')
            iptables -t nat -A POSTROUTING -o "$iface" -j MASQUERADE
            iptables -P FORWARD ACCEPT
            iptables -F FORWARD
            service iptables save
            systemctl enable --now iptables
            """;
}
