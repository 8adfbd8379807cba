"""Getting a diary out and back in: our lossless JSON, Markdown, CSV, jrnl and Day One; and
whole-instance backups. Every app takes part through `glimmers.lib.records`."""
