"""The `segments import-customers` command: CSV files to the importCustomers mutation.

`reader` reads and maps the file, `values` parses cells, `mapping` matches
headers to fields, `client` sends batches, `summary` prints progress and
the report, `options` checks the command line, and `command` runs it all.
"""
