"""The operating system, one way each: guarded files, where files live, exit codes."""
