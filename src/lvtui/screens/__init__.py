"""Modal screens: the person card and the help screen."""
