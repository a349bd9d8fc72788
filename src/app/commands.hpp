#pragma once

namespace gapfill::app {

// Parses the command line and runs the subcommand; returns the exit code.
int run_command_line(int argc, char** argv);

}  // namespace gapfill::app
