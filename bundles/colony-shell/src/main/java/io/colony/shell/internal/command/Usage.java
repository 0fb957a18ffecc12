package io.colony.shell.internal.command;

/** A command's name and usage text; its errors name the command, say the reason and repeat the usage. */
record Usage(String command, String text) {

    static final Usage NODE = new Usage("colony:node", "usage: colony:node\n"
            + "  shows this node: id, cluster, roles, whether it is ready, uptime, ports, data folder and Java version");

    static final Usage PLUGINS = new Usage("colony:plugins", "usage: colony:plugins\n"
            + "  lists the plugins on this node with their versions and the bundles that provide them");

    static final Usage NODES = new Usage("colony:nodes", "usage: colony:nodes\n"
            + "  lists the nodes this node knows, itself first: id, roles, address, state, last heartbeat, cores, load, CPU, memory");

    static final Usage AVAILABILITY = new Usage("colony:availability", "usage: colony:availability [on|off]\n"
            + "  without argument  says whether this node's worker takes work from managers\n"
            + "  on                offers the worker to managers again\n"
            + "  off               takes the worker out of the available list");

    static final Usage RUN = new Usage("colony:run",
            "usage: colony:run [--chunks N] [--timeout DURATION] [--version RANGE] [--out FILE] <plugin> <input>...\n"
            + "  <input>          '{\"from\":1,\"to\":1000}' (JSON in quotes), @file, key=value pairs (from=1 to=1000) or text\n"
            + "  --chunks N       split the input into N chunks (1.." + RunArguments.MAX_CHUNKS + ") and reduce their results\n"
            + "  --timeout D      how long the task may run: 500ms, 30s, 5m, 2h or ISO-8601 (PT30S); default "
            + HumanFormat.duration(RunArguments.DEFAULT_TIMEOUT) + "\n"
            + "  --version RANGE  plugin version (1.2 means at least 1.2) or OSGi range in quotes ('[1.0,2)'); default the newest\n"
            + "  --out FILE       write the result to FILE; binary results go to <data>/results/ otherwise");

    static final Usage SUBMIT = new Usage("colony:submit",
            "usage: colony:submit [--no-wait] [--output FILE] [--timeout SECONDS] <job.json>\n"
            + "  <job.json>        the job spec (docs/jobs.md), relative to the shell's working directory\n"
            + "  --no-wait         print the job's id and return; colony:job <id> follows it\n"
            + "  --output FILE     write the result to FILE; otherwise text and JSON are printed and other results\n"
            + "                    go to <job-id>.<ext> in the working directory\n"
            + "  --timeout S       stop waiting after S seconds (or 30s, 5m, 2h); the job keeps running. Default: wait\n"
            + "                    until it ends; Ctrl-C also stops waiting without killing the job\n"
            + "  the job's id and result go to standard output, its progress to standard error");

    static final Usage JOBS = new Usage("colony:jobs", "usage: colony:jobs [<status>] [--limit N]\n"
            + "  lists this manager's jobs, newest first: id, status, plugin or command, tasks done/total, progress,\n"
            + "  submitted, duration\n"
            + "  <status>    only jobs in this state: queued, running, succeeded, failed or killed\n"
            + "  --limit N   at most N jobs (1.." + JobsCommand.MAX_LIMIT + "); default " + JobsCommand.DEFAULT_LIMIT);

    static final Usage JOB = new Usage("colony:job", "usage: colony:job <id>\n"
            + "  shows a job of this manager and its tasks: index, status, worker, attempts, time, exit code, error");

    static final Usage ARTIFACTS = new Usage("colony:artifacts", "usage: colony:artifacts [clean]\n"
            + "  lists the Maven artifacts in this node's cache (topology 2): coordinates, size, last used, in use\n"
            + "  clean   removes the cached artifacts that no live deployment uses");

    static final Usage KILL = new Usage("colony:kill", "usage: colony:kill <id>\n"
            + "  kills a job of this manager: drops its queued tasks, cancels its running ones, and prints its status");

    static final Usage WORKERS = new Usage("colony:workers", "usage: colony:workers\n"
            + "  lists the workers this manager schedules on: id, local, state, cores, load, slots in use, plugins");

    /** An error for wrong arguments: {@code colony:run: <reason>} and the usage on the following lines. */
    IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(command + ": " + reason + "\n" + text);
    }

    /** An error without the usage, for input that is well-formed but cannot be used. */
    IllegalArgumentException problem(String reason) {
        return new IllegalArgumentException(command + ": " + reason);
    }

    /** Fails when a command that takes no arguments gets some; prints the usage for --help. */
    boolean helpOrNoArguments(String[] args, java.io.PrintStream out) {
        if (args == null || args.length == 0) {
            return false;
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(text);
            return true;
        }
        throw error("unexpected argument '" + args[0] + "'");
    }
}
