package io.colony.node.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = NodeConfiguration.PID,
        name = "Colony node",
        description = "Identity and roles of this node. The launcher's --roles and --http-port options override these values.")
@interface NodeConfiguration {

    String PID = "io.colony.node";

    @AttributeDefinition(description = "Node id; empty means the host name, remembered in data/node.id across restarts.", required = false)
    String id() default "";

    @AttributeDefinition(name = "Cluster name", description = "Nodes only join peers with the same cluster name.")
    String cluster_name() default "colony";

    @AttributeDefinition(name = "Cluster secret", type = AttributeType.PASSWORD, required = false,
            description = "Shared by every node of the cluster: a node joins only peers that prove they hold it (it never crosses the network). Empty: the node generates one into data/cluster.secret, so it can only work alone until you set the same secret on every node.")
    String cluster_secret() default "";

    @AttributeDefinition(description = "Comma-separated roles this node plays: manager, worker, tracker.")
    String roles() default "manager,worker";

    @AttributeDefinition(name = "HTTP port", description = "Port of the REST API and dashboard.", min = "1", max = "65535")
    int http_port() default NodeSettings.DEFAULT_HTTP_PORT;

    @AttributeDefinition(name = "User data", description = "key=value pairs advertised to peers, comma-separated.", required = false)
    String user_data() default "";
}
