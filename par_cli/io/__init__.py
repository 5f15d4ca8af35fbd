"""Everything that reads or writes files: the only package that touches the file system."""
