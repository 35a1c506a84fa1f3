import Glibc

exit(EmulatorCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
