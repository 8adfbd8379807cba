"""The Glimmer Question's pages: the flow (`flow`) and a person's own questions (`own`)."""
