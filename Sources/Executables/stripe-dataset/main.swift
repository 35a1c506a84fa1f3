import Glibc

exit(DatasetCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
