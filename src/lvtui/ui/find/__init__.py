"""Find (ctrl+f): the bar, what a query found across the film, and the marks in the text."""
