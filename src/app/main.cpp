#include "app/commands.hpp"

int main(int argc, char** argv) {
  return gapfill::app::run_command_line(argc, argv);
}
