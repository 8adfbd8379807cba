"""The file formats Glimmers reads: each module's `read(raw)` turns a file into the records
of the sections it fills (see `glimmers.portability.imports`)."""
