"""The practice's pages; each module holds the views of one flow."""
