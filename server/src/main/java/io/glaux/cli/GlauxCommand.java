package io.glaux.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code glaux} command. */
@Command(name = "glaux", mixinStandardHelpOptions = true, version = "glaux 0.1.0",
        description = "Amazon Athena, S3 and QuickSight, running locally.",
        subcommands = {ServeCommand.class, QueryCommand.class})
public final class GlauxCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        ProcessSettings.apply();
        StartTables.startBuilding();
        System.exit(new CommandLine(new GlauxCommand()).execute(args));
    }
}
