"""The Textual app: the App and its CSS, the palette, screens, widgets and find."""
