"""The diary's pages; each module holds the views of one area."""
