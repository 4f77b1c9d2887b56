package com.tutors.infra.plan.cost;

import java.util.Set;

/** Which resource types the estimate prices, and which cost nothing by themselves: every declared type is one. */
public final class CostCatalog {
    private CostCatalog() {}

    /**
     * Types that cost nothing by themselves (their cost is in a priced resource, e.g. the ALB's
     * listeners, or they are free: IAM, security groups, subnets, public ACM certificates...). A test
     * fails when the program declares a type that is neither priced here nor listed.
     */
    public static final Set<String> FREE = Set.of(
            "aws:acm/certificate:Certificate",
            "aws:acm/certificateValidation:CertificateValidation",
            "aws:appautoscaling/policy:Policy",
            "aws:appautoscaling/target:Target",
            "aws:cloudfront/cachePolicy:CachePolicy",
            "aws:cloudfront/originAccessControl:OriginAccessControl",
            "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            "aws:ec2/internetGateway:InternetGateway",
            "aws:ec2/route:Route",
            "aws:ec2/routeTable:RouteTable",
            "aws:ec2/routeTableAssociation:RouteTableAssociation",
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:ec2/subnet:Subnet",
            "aws:ec2/vpc:Vpc",
            "aws:ecr/lifecyclePolicy:LifecyclePolicy",
            "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
            "aws:ecs/taskDefinition:TaskDefinition",
            "aws:elasticache/subnetGroup:SubnetGroup",
            "aws:iam/instanceProfile:InstanceProfile",
            "aws:iam/role:Role",
            "aws:iam/rolePolicy:RolePolicy",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "aws:kms/alias:Alias",
            "aws:lb/listener:Listener",
            "aws:lb/listenerRule:ListenerRule",
            "aws:lb/targetGroup:TargetGroup",
            "aws:rds/parameterGroup:ParameterGroup",
            "aws:rds/subnetGroup:SubnetGroup",
            "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2",
            "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
            "aws:s3/bucketLoggingV2:BucketLoggingV2",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
            "aws:s3/bucketVersioningV2:BucketVersioningV2",
            "aws:secretsmanager/secretVersion:SecretVersion",
            "aws:cloudwatch/logDelivery:LogDelivery",
            "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
            "aws:cloudwatch/logDeliverySource:LogDeliverySource",
            "aws:sns/topic:Topic",
            "aws:sns/topicPolicy:TopicPolicy",
            "aws:sns/topicSubscription:TopicSubscription",
            "aws:sesv2/configurationSet:ConfigurationSet",
            "aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination",
            "aws:sesv2/emailIdentityMailFromAttributes:EmailIdentityMailFromAttributes",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:wafv2/ipSet:IpSet",
            "aws:wafv2/webAclAssociation:WebAclAssociation",
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
            // Application Auto Scaling is free; EventBridge Scheduler's first 14 million invocations a
            // month are free, and office hours make about 45.
            "aws:appautoscaling/scheduledAction:ScheduledAction",
            "aws:scheduler/schedule:Schedule",
            // Rules on AWS services' events are free; Cloud Map bills what its namespace's zone costs (priced) and
            // API discovery calls, which DNS lookups are not.
            "aws:cloudwatch/eventRule:EventRule",
            "aws:cloudwatch/eventTarget:EventTarget",
            "aws:servicediscovery/service:Service");

    /** Types with a line of their own in the estimate. */
    public static final Set<String> PRICED = Set.of(
            "aws:ec2/natGateway:NatGateway",
            "aws:ec2/eip:Eip",
            "aws:ec2/instance:Instance",
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "aws:lb/loadBalancer:LoadBalancer",
            "aws:ecs/service:Service",
            "aws:ecs/cluster:Cluster",
            "aws:rds/instance:Instance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:secretsmanager/secret:Secret",
            "aws:route53/record:Record",
            "aws:cloudwatch/dashboard:Dashboard",
            "aws:cloudwatch/metricAlarm:MetricAlarm",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:wafv2/webAcl:WebAcl",
            "aws:cloudfront/distribution:Distribution",
            "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository",
            "aws:ec2/flowLog:FlowLog",
            "aws:kms/key:Key",
            "aws:sesv2/emailIdentity:EmailIdentity",
            "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace");
}
